import { CodedError } from '../errors/coded-error.js';

/** Why a token was refused: logged, never shown (the caller always gets the same message). */
export type UnauthenticatedReason = 'TOKEN_MISSING' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_REVOKED';

/** The caller is not (or no longer) signed in. */
export class UnauthenticatedError extends CodedError {
  constructor(readonly reason: UnauthenticatedReason) {
    // Only expiry is worth telling the client (it should refresh); the other causes stay in the log.
    super(
      'UNAUTHENTICATED',
      'Sign in again: your session is missing, expired or no longer valid.',
      reason === 'TOKEN_EXPIRED' ? { reason } : {},
    );
  }
}
