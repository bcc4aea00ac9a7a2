import { describe, expect, it } from '@jest/globals';
import { generateAttestationCode } from './attestation-code.js';
import { VerificationRateLimiter } from './verification-rate-limiter.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

function limiterAt(start = 1_800_000_000_000) {
  let now = start;
  const limiter = new VerificationRateLimiter(undefined, () => now);
  return { limiter, advance: (ms: number) => (now += ms) };
}

describe('VerificationRateLimiter', () => {
  it('admits 20 attempts a minute per actor, then says when the oldest leaves the window', () => {
    const { limiter, advance } = limiterAt();
    for (let i = 0; i < 20; i++) {
      expect(limiter.attempt('officer-1', generateAttestationCode())).toEqual({ allowed: true });
      advance(SECOND);
    }
    // 20 s have passed since the first attempt: it leaves the window 40 s from now.
    expect(limiter.attempt('officer-1', generateAttestationCode())).toEqual({
      allowed: false,
      limitedBy: 'ACTOR',
      retryAfterSeconds: 40,
    });
    expect(limiter.attempt('officer-2', generateAttestationCode())).toEqual({ allowed: true });
    advance(40 * SECOND - 1);
    expect(limiter.attempt('officer-1', generateAttestationCode())).toMatchObject({
      allowed: false,
      retryAfterSeconds: 1,
    });
    advance(1);
    expect(limiter.attempt('officer-1', generateAttestationCode())).toEqual({ allowed: true });
    // The window slides: full again, until the second attempt (made at +1 s) leaves it one second later.
    expect(limiter.attempt('officer-1', generateAttestationCode())).toEqual({
      allowed: false,
      limitedBy: 'ACTOR',
      retryAfterSeconds: 1,
    });
    advance(SECOND);
    expect(limiter.attempt('officer-1', generateAttestationCode())).toEqual({ allowed: true });
  });

  it('admits 10 attempts an hour on one code, whoever asks, against document-number guessing', () => {
    const { limiter, advance } = limiterAt();
    const code = generateAttestationCode();
    for (let i = 0; i < 10; i++) {
      expect(limiter.attempt(`officer-${i}`, code)).toEqual({ allowed: true });
      advance(MINUTE);
    }
    expect(limiter.attempt('officer-99', code)).toEqual({
      allowed: false,
      limitedBy: 'CODE',
      retryAfterSeconds: 50 * 60,
    });
    expect(limiter.attempt('officer-99', generateAttestationCode())).toEqual({ allowed: true });
    advance(50 * MINUTE);
    expect(limiter.attempt('officer-99', code)).toEqual({ allowed: true });
  });

  it('counts a refused attempt against neither window', () => {
    const { limiter } = limiterAt();
    const code = generateAttestationCode();
    for (let i = 0; i < 10; i++) limiter.attempt('officer-1', code);
    for (let i = 0; i < 30; i++)
      expect(limiter.attempt('officer-1', code)).toMatchObject({ limitedBy: 'CODE' });
    // 10 admitted attempts so far: the actor still has 10 left this minute.
    for (let i = 0; i < 10; i++)
      expect(limiter.attempt('officer-1', generateAttestationCode()).allowed).toBe(true);
    expect(limiter.attempt('officer-1', generateAttestationCode())).toMatchObject({ limitedBy: 'ACTOR' });
  });

  it('honours custom limits', () => {
    let now = 0;
    const limiter = new VerificationRateLimiter(
      { perActor: { limit: 1, windowSeconds: 5 }, perCode: { limit: 100, windowSeconds: 5 } },
      () => now,
    );
    expect(limiter.attempt('a', generateAttestationCode()).allowed).toBe(true);
    expect(limiter.attempt('a', generateAttestationCode())).toMatchObject({ retryAfterSeconds: 5 });
    now = 5 * SECOND;
    expect(limiter.attempt('a', generateAttestationCode()).allowed).toBe(true);
  });

  it('forgets actors and codes whose attempts have all left the window', () => {
    const { limiter, advance } = limiterAt();
    for (let i = 0; i < 50; i++) limiter.attempt(`officer-${i}`, generateAttestationCode());
    expect(limiter.trackedKeys()).toBe(100);
    advance(MINUTE);
    limiter.attempt('officer-0', generateAttestationCode());
    expect(limiter.trackedKeys()).toBe(1 + 51); // one actor; codes stay for their hour
    advance(HOUR);
    limiter.attempt('officer-0', generateAttestationCode());
    expect(limiter.trackedKeys()).toBe(2);
  });

  it('refuses a nonsensical limit', () => {
    expect(
      () =>
        new VerificationRateLimiter({
          perActor: { limit: 0, windowSeconds: 60 },
          perCode: { limit: 1, windowSeconds: 1 },
        }),
    ).toThrow(RangeError);
  });
});
