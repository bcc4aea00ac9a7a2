import { CodedError } from '@passage/shared';

/**
 * The one answer to a failed sign-in, whether the address is unknown, the password wrong or the account
 * deactivated: anything more precise would tell an attacker which addresses have accounts.
 */
export class InvalidCredentialsError extends CodedError {
  constructor() {
    super('UNAUTHENTICATED', 'The e-mail address or the password is not right.', {
      reason: 'INVALID_CREDENTIALS',
    });
  }
}

export class AccountLockedError extends CodedError {
  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', `Too many failed attempts. Try again in ${retryAfterSeconds} seconds.`, {
      reason: 'ACCOUNT_LOCKED',
      retryAfterSeconds,
    });
  }
}

/** Too many wrong second-factor codes: the password was right, so saying so tells an attacker nothing new. */
export class SecondFactorLockedError extends CodedError {
  constructor(retryAfterSeconds: number) {
    super(
      'TOO_MANY_REQUESTS',
      `Too many wrong authenticator codes. Try again in ${retryAfterSeconds} seconds.`,
      { reason: 'SECOND_FACTOR_LOCKED', retryAfterSeconds },
    );
  }
}

export class SecondFactorRequiredError extends CodedError {
  constructor(wrongCode: boolean) {
    super(
      'UNAUTHENTICATED',
      wrongCode ? 'The authenticator code is not right.' : 'Enter the code from your authenticator app.',
      { reason: wrongCode ? 'MFA_CODE_INVALID' : 'MFA_REQUIRED' },
    );
  }
}

export class InvalidRefreshTokenError extends CodedError {
  constructor() {
    super('UNAUTHENTICATED', 'This session has ended. Sign in again.', { reason: 'SESSION_ENDED' });
  }
}

/** Too many requests from this address or for this account, whether the guesses were right or wrong. */
export class RateLimitedError extends CodedError {
  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, {
      reason: 'RATE_LIMITED',
      retryAfterSeconds,
    });
  }
}
