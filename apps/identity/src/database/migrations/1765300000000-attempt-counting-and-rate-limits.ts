import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RATE_LIMIT_TABLE, createRateLimitTable } from '@passage/shared';

/**
 * A separate count and lock for wrong second-factor codes (stricter than the password's), and the table
 * the request rate limits live in, so they hold across instances and restarts (ADR 023). The rate-limit
 * table has the shape `rate-limiter-flexible`'s RateLimiterPostgres expects.
 */
export class AttemptCountingAndRateLimits1765300000000 implements MigrationInterface {
  name = 'AttemptCountingAndRateLimits1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE user_account
        ADD COLUMN failed_second_factor integer NOT NULL DEFAULT 0,
        ADD COLUMN second_factor_locked_until timestamptz
    `);
    await createRateLimitTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${RATE_LIMIT_TABLE}`);
    await queryRunner.query(`
      ALTER TABLE user_account DROP COLUMN second_factor_locked_until, DROP COLUMN failed_second_factor
    `);
  }
}
