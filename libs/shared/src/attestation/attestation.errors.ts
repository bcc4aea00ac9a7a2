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

/** The date of birth is not a real calendar date written `YYYY-MM-DD`. */
export class InvalidDateOfBirthError extends CodedError {
  constructor() {
    super('BAD_USER_INPUT', 'Enter the date of birth as YYYY-MM-DD.', {
      field: 'dateOfBirth',
      reason: 'DATE_OF_BIRTH_FORMAT',
    });
  }
}

/** The holder PIN is not the six digits printed beside the code. */
export class InvalidHolderPinError extends CodedError {
  constructor() {
    super('BAD_USER_INPUT', 'Enter the six digits of the PIN printed beside the code.', {
      field: 'holderPin',
      reason: 'HOLDER_PIN_FORMAT',
    });
  }
}

/**
 * A verification needs exactly one thing the holder shows or says beside the code. None tells nothing to
 * check against; several would let one rate-limited attempt test several guesses.
 */
export class HolderProofError extends CodedError {
  constructor(problem: 'MISSING' | 'SEVERAL', field: 'documentNumber' | 'dateOfBirth' | 'holderPin') {
    super(
      'BAD_USER_INPUT',
      problem === 'MISSING'
        ? 'Enter the document number, the date of birth or the PIN printed beside the code.'
        : 'Enter only one of the document number, the date of birth and the PIN.',
      { field, reason: problem === 'MISSING' ? 'HOLDER_PROOF_MISSING' : 'HOLDER_PROOF_SEVERAL' },
    );
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
