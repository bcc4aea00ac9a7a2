import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a plan says about reception at home: the gap when no organisation on the platform covers the
 * country of return, and who receives the person instead. Plans made before it had no gap recorded.
 */
export class ReceptionCoverage1765250000000 implements MigrationInterface {
  name = 'ReceptionCoverage1765250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE repatriation_plan
        ADD COLUMN reception_gap text
          CHECK (reception_gap IN ('NO_RECEIVING_ORGANISATION_IN_RETURN_COUNTRY')),
        ADD COLUMN reception_arrangement text,
        ADD CONSTRAINT repatriation_plan_gap_arranged
          CHECK (reception_gap IS NULL OR reception_arrangement IS NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE repatriation_plan
        DROP CONSTRAINT repatriation_plan_gap_arranged,
        DROP COLUMN reception_arrangement,
        DROP COLUMN reception_gap`);
  }
}
