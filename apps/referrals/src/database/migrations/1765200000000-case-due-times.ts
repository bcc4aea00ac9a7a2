import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When screening and a first identification decision of a case are due, counted in working days of the
 * jurisdiction from first contact; when each was met, and when the overdue sweep announced it (once).
 * Cases opened before this migration have no row: their due times were never set (ADR 022).
 */
export class CaseDueTimes1765200000000 implements MigrationInterface {
  name = 'CaseDueTimes1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_due_time (
        case_id        uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        step           text NOT NULL CHECK (step IN ('SCREENING', 'IDENTIFICATION')),
        counted_from   timestamptz NOT NULL,
        due_at         timestamptz NOT NULL,
        met_at         timestamptz,
        escalated_at   timestamptz,
        PRIMARY KEY (case_id, step),
        CONSTRAINT case_due_time_after_first_contact CHECK (due_at >= counted_from)
      )`);
    // What the overdue sweep looks for: steps neither met nor announced yet, earliest first.
    await queryRunner.query(
      `CREATE INDEX case_due_time_pending_idx ON case_due_time (due_at) WHERE met_at IS NULL AND escalated_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_due_time`);
  }
}
