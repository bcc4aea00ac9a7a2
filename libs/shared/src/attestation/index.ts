/**
 * Protection attestations: short codes that let anyone holding the code and what its holder shows or says
 * (the person's document, date of birth or holder PIN) verify "presumed victim, do not detain or fine,
 * valid until …, issued by …" and learn nothing else (docs/adr/008-audit-trail.md, "Attestations";
 * docs/adr/019-attestations-without-documents.md).
 */
export {
  ATTESTATION_CODE_ALPHABET,
  ATTESTATION_CODE_PREFIX,
  ATTESTATION_CODE_RANDOM_LENGTH,
  generateAttestationCode,
  parseAttestationCode,
  type AttestationCode,
} from './attestation-code.js';
export {
  AttestationHasher,
  boundTo,
  type AttestationDigests,
  type AttestationKey,
  type BindingSubject,
  type HolderBindings,
  type StoredBindings,
} from './attestation-hasher.js';
export {
  AttestationVerifier,
  type AttestationLookup,
  type AttestationVerification,
  type StoredAttestation,
} from './attestation-verifier.js';
export {
  HolderProofError,
  InvalidAttestationCodeError,
  InvalidDateOfBirthError,
  InvalidDocumentNumberError,
  InvalidHolderPinError,
  VerificationRateLimitedError,
} from './attestation.errors.js';
export { normaliseDateOfBirth } from './date-of-birth.js';
export { normaliseDocumentNumber } from './document-number.js';
export { HOLDER_PIN_LENGTH, generateHolderPin, normaliseHolderPin } from './holder-pin.js';
export { holderProof, type HolderFacts, type HolderProof } from './holder-proof.js';
export {
  DEFAULT_VERIFICATION_RATE_LIMITS,
  VerificationRateLimiter,
  type RateLimitDecision,
  type VerificationRateLimits,
} from './verification-rate-limiter.js';
