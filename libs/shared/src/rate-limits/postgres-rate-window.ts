import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource, QueryRunner } from 'typeorm';

/** The table every rate limit of a service's database lives in; each limit prefixes its keys. */
export const RATE_LIMIT_TABLE = 'rate_limit';

/** At most `limit` attempts in any `windowSeconds`-long window. */
export interface RateWindow {
  readonly limit: number;
  readonly windowSeconds: number;
}

/** Whether an attempt may go ahead; when not, how long until it would. */
export type RateWindowDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/**
 * Creates the table in the shape `rate-limiter-flexible`'s RateLimiterPostgres reads and writes, from a
 * service's own migration (the library would otherwise create it at run time, outside migrations).
 */
export async function createRateLimitTable(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`
    CREATE TABLE ${RATE_LIMIT_TABLE} (
      key    varchar(255) PRIMARY KEY,
      points integer NOT NULL DEFAULT 0,
      expire bigint
    )
  `);
}

/**
 * One limit (at most `limit` attempts per key in a fixed window of `windowSeconds`), counted in the
 * service's Postgres database by `rate-limiter-flexible`, so it holds across instances and restarts
 * (ADR 023). Each attempt is one atomic upsert; the window starts at a key's first attempt. The library
 * keeps its own time (Date.now): these limits follow the wall clock, not an injected one.
 */
export class PostgresRateWindow {
  private readonly limiter: RateLimiterPostgres;

  /** @param name prefixes the keys, so limits can share the table; keep it stable across releases. */
  constructor(dataSource: DataSource, name: string, window: RateWindow) {
    if (!Number.isInteger(window.limit) || window.limit < 1 || !Number.isInteger(window.windowSeconds)) {
      throw new RangeError('a rate window needs a positive integer limit and a whole number of seconds');
    }
    this.limiter = new RateLimiterPostgres({
      storeClient: dataSource,
      storeType: 'typeorm',
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      clearExpiredByTimeout: true,
      keyPrefix: name,
      points: window.limit,
      duration: window.windowSeconds,
    });
  }

  /** Counts an attempt by `key`, or says how long until the key's window has room again. */
  async consume(key: string): Promise<RateWindowDecision> {
    try {
      await this.limiter.consume(key);
      return { allowed: true };
    } catch (refusal) {
      // The library rejects with its result object when the limit is reached, and with an Error otherwise.
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)) };
    }
  }

  /** Gives back an attempt counted by {@link consume} that another limit then refused. */
  async refund(key: string): Promise<void> {
    await this.limiter.reward(key, 1);
  }
}
