import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail table every service database that touches personal data carries (docs/adr/008).
 * Each such service lists this migration in its own migration set, after `MessagingTables`.
 *
 * The table is append-only: a statement trigger refuses every UPDATE, DELETE and TRUNCATE, whoever runs
 * it, so a faulty service cannot rewrite history. The table owner or a superuser can still disable the
 * trigger; the hash chain is what makes that visible (`AuditTrail.verify`).
 */
export class AuditTrailTable1764000000000 implements MigrationInterface {
  name = 'AuditTrailTable1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_record (
        sequence                bigserial PRIMARY KEY,
        occurred_at             timestamptz NOT NULL,
        actor_user_id           uuid NOT NULL,
        actor_organisation_id   uuid NOT NULL,
        actor_organisation_kind text NOT NULL,
        actor_node              text NOT NULL,
        action                  text NOT NULL,
        resource_type           text NOT NULL,
        resource_id             text,
        data_categories         text[] NOT NULL,
        fields                  text[] NOT NULL,
        purpose                 text NOT NULL,
        decision_reason         text NOT NULL,
        correlation_id          text,
        previous_hash           text NOT NULL CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
        record_hash             text NOT NULL CHECK (record_hash ~ '^[0-9a-f]{64}$'),
        -- No two records may follow the same one: the chain cannot fork, even if an append ran on a
        -- snapshot that missed the latest record (see AuditTrail.record).
        CONSTRAINT audit_record_previous_hash_key UNIQUE (previous_hash)
      )`);
    await queryRunner.query(
      `CREATE INDEX audit_record_resource_idx ON audit_record (resource_type, resource_id, sequence)`,
    );
    await queryRunner.query(`CREATE INDEX audit_record_actor_idx ON audit_record (actor_user_id, sequence)`);
    await queryRunner.query(`CREATE INDEX audit_record_occurred_at_idx ON audit_record (occurred_at)`);
    await queryRunner.query(`
      CREATE FUNCTION audit_record_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_record is append-only: % refused', TG_OP
          USING HINT = 'audit records are never changed or removed; append a new record instead';
      END
      $$`);
    // A statement trigger fires even when no row matches, so every attempt fails, not only effective ones;
    // TRUNCATE has no row triggers at all.
    await queryRunner.query(`
      CREATE TRIGGER audit_record_append_only
        BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_record
        FOR EACH STATEMENT EXECUTE FUNCTION audit_record_refuse_change()`);
  }

  /** Drops the trail with everything in it: for development databases only. */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_record`);
    await queryRunner.query(`DROP FUNCTION audit_record_refuse_change()`);
  }
}
