import type { DataSource } from 'typeorm';
import { PostgresRateWindow, type RateWindow } from '../rate-limits/postgres-rate-window.js';
import type { AttestationCode } from './attestation-code.js';

/** The two limits on attestation verification. */
export interface VerificationRateLimits {
  /** Per verifying actor: bounds what one account can probe. */
  readonly perActor: RateWindow;
  /**
   * Per code, whoever asks: bounds guessing of the document number that goes with a code someone has
   * seen (on a photo, over a shoulder).
   */
  readonly perCode: RateWindow;
}

/** 20 verifications a minute per actor, 10 an hour per code. */
export const DEFAULT_VERIFICATION_RATE_LIMITS: VerificationRateLimits = {
  perActor: { limit: 20, windowSeconds: 60 },
  perCode: { limit: 10, windowSeconds: 3600 },
};

/** Whether an attempt may go ahead; when not, how long until it would. */
export type RateLimitDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly limitedBy: 'ACTOR' | 'CODE'; readonly retryAfterSeconds: number };

/**
 * Limits on attestation verification, per actor and per code, counted in the service's database (the
 * `rate_limit` table, see {@link PostgresRateWindow}), so every instance shares them and a restart does
 * not reset them. Only admitted attempts count against the code: an attempt the code's limit refuses is
 * given back to the actor.
 */
export class VerificationRateLimiter {
  private readonly actors: PostgresRateWindow;
  private readonly codes: PostgresRateWindow;

  constructor(dataSource: DataSource, limits: VerificationRateLimits = DEFAULT_VERIFICATION_RATE_LIMITS) {
    this.actors = new PostgresRateWindow(dataSource, 'attestation-verification-actor', limits.perActor);
    this.codes = new PostgresRateWindow(dataSource, 'attestation-verification-code', limits.perCode);
  }

  /**
   * Admits an attempt by `actorKey` (the verifying user's id) on `code`, or says which limit refuses it
   * and when to retry. Call it after parsing the code and before looking anything up.
   */
  async attempt(actorKey: string, code: AttestationCode): Promise<RateLimitDecision> {
    const byActor = await this.actors.consume(actorKey);
    if (!byActor.allowed) return { ...byActor, limitedBy: 'ACTOR' };
    const byCode = await this.codes.consume(code);
    if (byCode.allowed) return byCode;
    await this.actors.refund(actorKey);
    return { ...byCode, limitedBy: 'CODE' };
  }
}
