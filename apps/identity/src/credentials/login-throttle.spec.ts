import { describe, expect, it } from '@jest/globals';
import { LoginThrottle, type LoginThrottleState } from './login-throttle.js';

const NOW = new Date('2026-03-01T08:00:00Z');
const later = (seconds: number): Date => new Date(NOW.getTime() + seconds * 1000);

function failTimes(
  throttle: LoginThrottle,
  times: number,
): { state: LoginThrottleState; waits: (number | null)[] } {
  let state = LoginThrottle.initialState();
  const waits: (number | null)[] = [];
  for (let i = 0; i < times; i += 1) {
    const outcome = throttle.recordFailure(state, NOW);
    state = outcome.state;
    waits.push(outcome.retryAfterSeconds);
  }
  return { state, waits };
}

describe('LoginThrottle', () => {
  const throttle = new LoginThrottle();

  it('allows a fresh account', () => {
    expect(throttle.check(LoginThrottle.initialState(), NOW)).toEqual({ allowed: true });
  });

  it('lets the first four failures pass, then locks for 30 s doubling up to 15 minutes', () => {
    const { waits } = failTimes(throttle, 12);

    expect(waits).toEqual([null, null, null, null, 30, 60, 120, 240, 480, 900, 900, 900]);
  });

  it('counts failures and sets lockedUntil from the clock passed in', () => {
    const { state } = failTimes(throttle, 5);

    expect(state).toEqual({ failedAttempts: 5, lockedUntil: later(30) });
  });

  it('refuses attempts while locked, with the remaining wait rounded up', () => {
    const { state } = failTimes(throttle, 6);

    expect(throttle.check(state, NOW)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(throttle.check(state, new Date(later(30).getTime() + 500))).toEqual({
      allowed: false,
      retryAfterSeconds: 30,
    });
    expect(throttle.check(state, new Date(later(60).getTime() - 1))).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
  });

  it('allows again once the lock has passed', () => {
    const { state } = failTimes(throttle, 6);

    expect(throttle.check(state, later(60))).toEqual({ allowed: true });
  });

  it('resets on success', () => {
    expect(throttle.recordSuccess()).toEqual({ failedAttempts: 0, lockedUntil: null });
  });

  it('stays finite after an absurd number of failures', () => {
    const outcome = throttle.recordFailure({ failedAttempts: 5000, lockedUntil: null }, NOW);

    expect(outcome.retryAfterSeconds).toBe(900);
    expect(outcome.state.lockedUntil).toEqual(later(900));
  });

  it('takes its numbers from options', () => {
    const strict = new LoginThrottle({ freeAttempts: 0, baseLockSeconds: 5, maxLockSeconds: 12 });

    expect(failTimes(strict, 4).waits).toEqual([5, 10, 12, 12]);
  });

  it.each([
    { freeAttempts: -1 },
    { freeAttempts: 1.5 },
    { baseLockSeconds: 0 },
    { baseLockSeconds: 60, maxLockSeconds: 30 },
    { maxLockSeconds: Number.NaN },
  ])('rejects the options %j', (options) => {
    expect(() => new LoginThrottle(options)).toThrow(
      expect.objectContaining({ code: 'LOGIN_THROTTLE_OPTIONS_INVALID' }),
    );
  });
});
