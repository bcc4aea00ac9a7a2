import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keys the audit chain (docs/adr/026). Records get a `hash_format`: the records already there keep
 * format 1 (unkeyed SHA-256) and stay as they are, the prefix of the chain; every record appended from
 * now on says format 2 (HMAC under the node's audit chain key). The first keyed record hashes the last
 * unkeyed one's hash, so the prefix is sealed the moment it is continued; the verifier refuses an
 * unkeyed record after a keyed one. No default: an append that does not say its format fails.
 *
 * Adding a column with a constant default rewrites no row, so the append-only trigger does not fire.
 */
export class AuditTrailKeyedChain1765600000000 implements MigrationInterface {
  name = 'AuditTrailKeyedChain1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE audit_record
        ADD COLUMN hash_format smallint NOT NULL DEFAULT 1
          CONSTRAINT audit_record_hash_format_check CHECK (hash_format IN (1, 2))`);
    await queryRunner.query(`ALTER TABLE audit_record ALTER COLUMN hash_format DROP DEFAULT`);
  }

  /** Refused once keyed records exist: without the column they could no longer be verified. */
  async down(queryRunner: QueryRunner): Promise<void> {
    const [{ keyed }] = (await queryRunner.query(
      `SELECT count(*)::int AS keyed FROM audit_record WHERE hash_format <> 1`,
    )) as { keyed: number }[];
    if (keyed > 0) {
      throw new Error(
        `${keyed} audit records are keyed; dropping their hash format would make them unverifiable`,
      );
    }
    await queryRunner.query(`ALTER TABLE audit_record DROP COLUMN hash_format`);
  }
}
