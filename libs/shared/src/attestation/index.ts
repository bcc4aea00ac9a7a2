/**
 * Protection attestations: short codes that let anyone holding the person's document verify "presumed
 * victim, do not detain or fine, valid until …, issued by …" and learn nothing else
 * (docs/adr/008-audit-trail.md, "Attestations").
 */
export {
  ATTESTATION_CODE_ALPHABET,
  ATTESTATION_CODE_PREFIX,
  ATTESTATION_CODE_RANDOM_LENGTH,
  generateAttestationCode,
  parseAttestationCode,
  type AttestationCode,
} from './attestation-code.js';
export { AttestationHasher, type AttestationDigests, type AttestationKey } from './attestation-hasher.js';
export {
  AttestationVerifier,
  type AttestationLookup,
  type AttestationVerification,
  type StoredAttestation,
} from './attestation-verifier.js';
export {
  InvalidAttestationCodeError,
  InvalidDocumentNumberError,
  VerificationRateLimitedError,
} from './attestation.errors.js';
export { normaliseDocumentNumber } from './document-number.js';
export {
  DEFAULT_VERIFICATION_RATE_LIMITS,
  VerificationRateLimiter,
  type RateLimitDecision,
  type RateWindow,
  type VerificationRateLimits,
} from './verification-rate-limiter.js';
