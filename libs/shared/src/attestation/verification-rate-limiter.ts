import type { AttestationCode } from './attestation-code.js';

/** At most `limit` attempts in any `windowSeconds`-long window. */
export interface RateWindow {
  readonly limit: number;
  readonly windowSeconds: number;
}

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
 * Sliding-window limits on attestation verification, per actor and per code, kept in memory (so per
 * service instance: N replicas allow N times the limit; see docs/adr/008). Only admitted attempts count,
 * and one counts against both windows. Pure apart from the injected clock.
 */
export class VerificationRateLimiter {
  private readonly actors: SlidingWindowLog;
  private readonly codes: SlidingWindowLog;

  /** @param now milliseconds since the epoch. */
  constructor(
    limits: VerificationRateLimits = DEFAULT_VERIFICATION_RATE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.actors = new SlidingWindowLog(limits.perActor);
    this.codes = new SlidingWindowLog(limits.perCode);
  }

  /**
   * Admits an attempt by `actorKey` (the verifying user's id) on `code`, or says which limit refuses it
   * and when to retry. Call it after parsing the code and before looking anything up.
   */
  attempt(actorKey: string, code: AttestationCode): RateLimitDecision {
    const at = this.now();
    this.actors.sweepIfDue(at);
    this.codes.sweepIfDue(at);
    const actorWait = this.actors.waitMs(actorKey, at);
    if (actorWait > 0) return { allowed: false, limitedBy: 'ACTOR', retryAfterSeconds: toSeconds(actorWait) };
    const codeWait = this.codes.waitMs(code, at);
    if (codeWait > 0) return { allowed: false, limitedBy: 'CODE', retryAfterSeconds: toSeconds(codeWait) };
    this.actors.add(actorKey, at);
    this.codes.add(code, at);
    return { allowed: true };
  }

  /** How many actors and codes are remembered: a gauge for operators, bounded by the sweeps. */
  trackedKeys(): number {
    return this.actors.size + this.codes.size;
  }
}

function toSeconds(milliseconds: number): number {
  return Math.max(1, Math.ceil(milliseconds / 1000));
}

/** The times of the admitted attempts of each key within the last window, oldest first. */
class SlidingWindowLog {
  private readonly attempts = new Map<string, number[]>();
  private readonly windowMs: number;
  private lastSweep = 0;

  constructor(private readonly window: RateWindow) {
    if (!Number.isInteger(window.limit) || window.limit < 1 || !(window.windowSeconds > 0)) {
      throw new RangeError('a rate window needs a positive integer limit and a positive duration');
    }
    this.windowMs = window.windowSeconds * 1000;
  }

  /** Milliseconds until `key` may make another attempt; 0 when it may now. */
  waitMs(key: string, at: number): number {
    const times = this.current(key, at);
    if (times.length < this.window.limit) return 0;
    // The attempt that must leave the window before another fits in it.
    return times[times.length - this.window.limit] + this.windowMs - at;
  }

  add(key: string, at: number): void {
    this.attempts.set(key, [...this.current(key, at), at]);
  }

  /** Forgets keys with no attempt in the window, at most once per window, so memory stays bounded. */
  sweepIfDue(at: number): void {
    if (at - this.lastSweep < this.windowMs) return;
    this.lastSweep = at;
    for (const key of [...this.attempts.keys()]) this.current(key, at);
  }

  /** The key's attempts still in the window; prunes older ones and forgets a key left with none. */
  private current(key: string, at: number): number[] {
    const times = this.attempts.get(key);
    if (!times) return [];
    const firstInWindow = times.findIndex((time) => time > at - this.windowMs);
    if (firstInWindow === 0) return times;
    if (firstInWindow === -1) {
      this.attempts.delete(key);
      return [];
    }
    const inWindow = times.slice(firstInWindow);
    this.attempts.set(key, inWindow);
    return inWindow;
  }

  get size(): number {
    return this.attempts.size;
  }
}
