/**
 * The words of a protection attestation that its events and the GraphQL schema name. Which binding a
 * person gets, and what a decision does to an attestation, are rules of the referrals service (case work).
 */

/**
 * What the holder shows or says beside the code so that a verifier knows the code is theirs:
 * - DOCUMENT: the number of a travel or identity document;
 * - DATE_OF_BIRTH: the date of birth recorded for the person, for someone without a document;
 * - HOLDER_PIN: a short PIN printed beside the code at issue, for someone with neither.
 */
export const ATTESTATION_BINDINGS = ['DOCUMENT', 'DATE_OF_BIRTH', 'HOLDER_PIN'] as const;
export type AttestationBinding = (typeof ATTESTATION_BINDINGS)[number];

/** Why the jurisdiction's coordinator suspends or revokes an attestation by hand. */
export const ATTESTATION_COORDINATOR_REASONS = [
  'ISSUED_IN_ERROR',
  'FRAUD_SUSPECTED',
  'CODE_COMPROMISED',
  'NO_LONGER_NEEDED',
  'OTHER',
] as const;
export type AttestationCoordinatorReason = (typeof ATTESTATION_COORDINATOR_REASONS)[number];

/**
 * Why an attestation was suspended, reinstated or revoked: the coordinator's reasons, and those the
 * platform records when it follows a decision or a new issue:
 * - NEGATIVE_DECISION: a standing negative identification decision suspends it (it may be appealed);
 * - APPEAL_LODGED: an appeal against that decision reinstates it (protection holds during an appeal);
 * - NEGATIVE_APPEAL_OUTCOME: the appeal failed, which revokes it;
 * - REPLACED: a new attestation was issued to the person in the same jurisdiction;
 * - SUSPENSION_LIFTED: the coordinator lifted a suspension.
 */
export const ATTESTATION_STANDING_REASONS = [
  ...ATTESTATION_COORDINATOR_REASONS,
  'NEGATIVE_DECISION',
  'APPEAL_LODGED',
  'NEGATIVE_APPEAL_OUTCOME',
  'REPLACED',
  'SUSPENSION_LIFTED',
] as const;
export type AttestationStandingReason = (typeof ATTESTATION_STANDING_REASONS)[number];
