import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { VerificationRateLimiter, createRateLimitTable, generateAttestationCode } from '@passage/shared';
import { createTestDatabase, type TestDatabase } from '@passage/shared/testing';

class RateLimitTableForTest1765300000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await createRateLimitTable(queryRunner);
  }
  async down(): Promise<void> {}
}

/**
 * Two instances of a service are two limiters over one database; a restart is a new limiter. Both must
 * see the attempts counted before them (issue 12, finding 10).
 */
describe('attestation verification limits in Postgres', () => {
  let database: TestDatabase;
  const sources: DataSource[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('ratelimits', [RateLimitTableForTest1765300000000]);
  });

  afterAll(async () => {
    await Promise.all(sources.map((source) => source.destroy()));
    await database?.drop();
  });

  async function instance(): Promise<VerificationRateLimiter> {
    const source = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    sources.push(source);
    return new VerificationRateLimiter(source);
  }

  it('admits 20 attempts a minute per actor across instances, then says when to retry', async () => {
    const [first, second] = [await instance(), await instance()];
    for (let attempt = 0; attempt < 20; attempt++) {
      const limiter = attempt % 2 === 0 ? first : second;
      expect(await limiter.attempt('officer-1', generateAttestationCode())).toEqual({ allowed: true });
    }
    const refused = await first.attempt('officer-1', generateAttestationCode());
    expect(refused).toMatchObject({ allowed: false, limitedBy: 'ACTOR' });
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await second.attempt('officer-2', generateAttestationCode())).toEqual({ allowed: true });

    const restarted = await instance();
    expect(await restarted.attempt('officer-1', generateAttestationCode())).toMatchObject({
      allowed: false,
      limitedBy: 'ACTOR',
    });
  });

  it('admits 10 attempts an hour on one code whoever asks, and gives the refused one back to the actor', async () => {
    const [first, second] = [await instance(), await instance()];
    const code = generateAttestationCode();
    for (let attempt = 0; attempt < 10; attempt++) {
      expect(await (attempt % 2 === 0 ? first : second).attempt(`verifier-${attempt}`, code)).toEqual({
        allowed: true,
      });
    }
    const refused = await second.attempt('verifier-x', code);
    expect(refused).toMatchObject({ allowed: false, limitedBy: 'CODE' });
    expect(refused.allowed === false && refused.retryAfterSeconds).toBeGreaterThan(3500);
    // verifier-x's refused attempt did not count: 20 others still fit in its minute.
    for (let attempt = 0; attempt < 20; attempt++) {
      expect(await first.attempt('verifier-x', generateAttestationCode())).toEqual({ allowed: true });
    }
    expect(await first.attempt('verifier-x', generateAttestationCode())).toMatchObject({
      limitedBy: 'ACTOR',
    });
  });
});
