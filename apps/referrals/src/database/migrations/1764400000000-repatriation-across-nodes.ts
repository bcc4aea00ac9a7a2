import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recognitions of another country's identification decision (the handoffs migration never created
 * their table; it goes with its handoff when the handoff is erased), and repatriation steps owned by
 * organisations of other countries. The plan's node records each step
 * owner's country and counts the shares it sent; the step owner's node keeps an operational copy of the
 * plan (no personal field) and, for follow-ups it records, its own notes, which never leave it.
 */
export class RepatriationAcrossNodes1764400000000 implements MigrationInterface {
  name = 'RepatriationAcrossNodes1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE handoff_recognition (
        handoff_id              uuid NOT NULL REFERENCES handoff_received (id) ON DELETE CASCADE,
        decision_jurisdiction   char(2) NOT NULL,
        recognised_by_org_id    uuid NOT NULL,
        legal_basis             text NOT NULL,
        recognised_at           timestamptz NOT NULL,
        PRIMARY KEY (handoff_id, decision_jurisdiction)
      )`);
    await queryRunner.query(`ALTER TABLE repatriation_step ADD COLUMN owner_country char(2)`);
    await queryRunner.query(`
      UPDATE repatriation_step s SET owner_country = p.jurisdiction_country
        FROM repatriation_plan p WHERE p.id = s.plan_id`);
    await queryRunner.query(`ALTER TABLE repatriation_step ALTER COLUMN owner_country SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE repatriation_plan ADD COLUMN shared_revision integer NOT NULL DEFAULT 0`,
    );
    await queryRunner.query(`
      CREATE TABLE repatriation_assignment (
        plan_id                 uuid PRIMARY KEY,
        revision                integer NOT NULL,
        case_reference          text NOT NULL,
        jurisdiction_country    char(2) NOT NULL,
        return_country          char(2) NOT NULL,
        owner_organisation_id   uuid NOT NULL,
        owner_organisation_ids  uuid[] NOT NULL,
        status                  text NOT NULL,
        approved_at             timestamptz,
        arrived_at              timestamptz,
        created_at              timestamptz NOT NULL,
        steps                   jsonb NOT NULL,
        follow_ups              jsonb NOT NULL,
        refusal                 jsonb,
        shared_at               timestamptz NOT NULL,
        received_at             timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX repatriation_assignment_owner_idx ON repatriation_assignment USING gin (owner_organisation_ids)`,
    );
    await queryRunner.query(`
      CREATE TABLE repatriation_follow_up_note (
        follow_up_id            uuid PRIMARY KEY,
        plan_id                 uuid NOT NULL REFERENCES repatriation_assignment (plan_id) ON DELETE CASCADE,
        notes                   text NOT NULL,
        recorded_by             uuid NOT NULL,
        recorded_by_org_id      uuid NOT NULL,
        recorded_at             timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE repatriation_follow_up_note`);
    await queryRunner.query(`DROP TABLE repatriation_assignment`);
    await queryRunner.query(`ALTER TABLE repatriation_plan DROP COLUMN shared_revision`);
    await queryRunner.query(`ALTER TABLE repatriation_step DROP COLUMN owner_country`);
    await queryRunner.query(`DROP TABLE handoff_recognition`);
  }
}
