import { CodedError } from '../errors/coded-error.js';

/**
 * The code typed is not an attestation code: wrong length, a character outside the alphabet, or a check
 * character that does not match (a typing mistake). Says nothing about whether any attestation exists.
 */
export class InvalidAttestationCodeError extends CodedError {
  constructor(reason: 'FORMAT' | 'CHECK_CHARACTER') {
    super(
      'BAD_USER_INPUT',
      reason === 'FORMAT'
        ? 'An attestation code looks like PSG-XXXXX-XXXXX-XXXXX.'
        : 'The attestation code has a typing mistake; check each character.',
      { field: 'code', reason: reason === 'FORMAT' ? 'ATTESTATION_CODE_FORMAT' : 'ATTESTATION_CODE_CHECK' },
    );
  }
}

/** The document number is empty, or too long to be one, once spaces and punctuation are removed. */
export class InvalidDocumentNumberError extends CodedError {
  constructor() {
    super('BAD_USER_INPUT', 'Enter the number of the travel or identity document.', {
      field: 'documentNumber',
      reason: 'DOCUMENT_NUMBER_FORMAT',
    });
  }
}

/** Too many verification attempts by this actor, or for this code; try again after `retryAfterSeconds`. */
export class VerificationRateLimitedError extends CodedError {
  constructor(retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', `Too many verification attempts. Try again in ${retryAfterSeconds} seconds.`, {
      reason: 'VERIFICATION_RATE_LIMITED',
      retryAfterSeconds,
    });
  }
}
