import { Injectable } from '@nestjs/common';
import { LoginThrottle, type LoginThrottleState } from '../credentials/index.js';

/** How many unknown addresses are remembered; the oldest are forgotten first. */
const MAX_TRACKED = 10_000;

/**
 * Failed attempts for e-mail addresses that have no account. Known accounts keep their count in the
 * database; unknown ones are throttled the same way here, so lockouts do not reveal which addresses exist.
 */
@Injectable()
export class FailedLoginTracker {
  private readonly unknown = new Map<string, LoginThrottleState>();

  state(email: string): LoginThrottleState {
    return this.unknown.get(email) ?? LoginThrottle.initialState();
  }

  record(email: string, state: LoginThrottleState): void {
    this.unknown.delete(email);
    this.unknown.set(email, state);
    if (this.unknown.size > MAX_TRACKED) this.unknown.delete(this.unknown.keys().next().value as string);
  }
}
