import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RATE_LIMIT_TABLE, createRateLimitTable } from '@passage/shared';

/**
 * Attestation verification limits move from one process's memory to this database, so they hold
 * across instances and restarts (ADR 023).
 */
export class RateLimits1765300000000 implements MigrationInterface {
  name = 'RateLimits1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createRateLimitTable(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${RATE_LIMIT_TABLE}`);
  }
}
