import { CredentialError } from './credentials.errors.js';

/** What is stored per account between login attempts. */
export interface LoginThrottleState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

/** The lockout schedule. */
export interface LoginThrottleOptions {
  /** Consecutive failures allowed before the first lock. Default 4. */
  freeAttempts?: number;
  /** Length of the first lock; each further failure doubles it. Default 30. */
  baseLockSeconds?: number;
  /** Ceiling of a lock, so an attacker cannot shut a user out for long. Default 900 (15 minutes). */
  maxLockSeconds?: number;
}

/** Whether a login may be attempted now and, if not, when to try again. */
export type LoginAttemptDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The state to store after a failure, and the wait to report if that failure locked the account. */
export interface LoginFailureOutcome {
  state: LoginThrottleState;
  retryAfterSeconds: number | null;
}

/**
 * Per-account lockout after repeated wrong passwords: the first failures are free, then each failure
 * locks the account for twice as long as the one before, up to a ceiling. Pure: it holds no state and
 * takes the clock as an argument; the caller loads and stores {@link LoginThrottleState}. Check
 * {@link check} before verifying the password, so attempts during a lock cost neither hashing time
 * nor lock extensions.
 */
export class LoginThrottle {
  private readonly freeAttempts: number;
  private readonly baseLockSeconds: number;
  private readonly maxLockSeconds: number;

  /** @throws CredentialError `LOGIN_THROTTLE_OPTIONS_INVALID`. */
  constructor({ freeAttempts = 4, baseLockSeconds = 30, maxLockSeconds = 900 }: LoginThrottleOptions = {}) {
    const valid =
      Number.isInteger(freeAttempts) &&
      freeAttempts >= 0 &&
      Number.isInteger(baseLockSeconds) &&
      baseLockSeconds > 0 &&
      Number.isInteger(maxLockSeconds) &&
      maxLockSeconds >= baseLockSeconds;
    if (!valid) {
      throw new CredentialError(
        'LOGIN_THROTTLE_OPTIONS_INVALID',
        'freeAttempts must be a non-negative integer and 0 < baseLockSeconds ≤ maxLockSeconds, in whole seconds',
      );
    }
    this.freeAttempts = freeAttempts;
    this.baseLockSeconds = baseLockSeconds;
    this.maxLockSeconds = maxLockSeconds;
  }

  /** The state of an account that has never failed, and the state after a successful login. */
  static initialState(): LoginThrottleState {
    return { failedAttempts: 0, lockedUntil: null };
  }

  /** Whether a login may be attempted at `now`. */
  check(state: LoginThrottleState, now: Date): LoginAttemptDecision {
    const remaining = remainingSeconds(state.lockedUntil, now);
    return remaining === null ? { allowed: true } : { allowed: false, retryAfterSeconds: remaining };
  }

  /** The state after a wrong password at `now`. */
  recordFailure(state: LoginThrottleState, now: Date): LoginFailureOutcome {
    const failedAttempts = state.failedAttempts + 1;
    const lockSeconds = this.lockSecondsAfter(failedAttempts);
    if (lockSeconds === 0) {
      return { state: { failedAttempts, lockedUntil: state.lockedUntil }, retryAfterSeconds: null };
    }
    const lockedUntil = new Date(now.getTime() + lockSeconds * 1000);
    return { state: { failedAttempts, lockedUntil }, retryAfterSeconds: lockSeconds };
  }

  /** The state after a correct password: the count and any lock are cleared. */
  recordSuccess(): LoginThrottleState {
    return LoginThrottle.initialState();
  }

  private lockSecondsAfter(failedAttempts: number): number {
    const excess = failedAttempts - this.freeAttempts;
    if (excess <= 0) return 0;
    // Capping the exponent keeps 2 ** n finite however many failures are on record.
    const doublings = Math.min(excess - 1, 32);
    return Math.min(this.baseLockSeconds * 2 ** doublings, this.maxLockSeconds);
  }
}

function remainingSeconds(lockedUntil: Date | null, now: Date): number | null {
  if (lockedUntil === null) return null;
  const remainingMs = lockedUntil.getTime() - now.getTime();
  return remainingMs > 0 ? Math.ceil(remainingMs / 1000) : null;
}
