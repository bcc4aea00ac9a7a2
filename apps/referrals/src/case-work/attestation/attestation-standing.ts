import type { AttestationStandingReason, IdentificationStatus } from '@passage/schemas';
import { grantsNonPunishmentProtection } from '../identification/identification-lifecycle.js';

/** Where an issued attestation stands, as the coordinator sees it. */
export const ATTESTATION_STANDINGS = ['VALID', 'SUSPENDED', 'REVOKED', 'EXPIRED'] as const;
export type AttestationStanding = (typeof ATTESTATION_STANDINGS)[number];

/** A change to the standing of an attestation, and the reason it is recorded with. */
export interface StandingChange {
  change: 'SUSPEND' | 'REINSTATE' | 'REVOKE';
  reason: AttestationStandingReason;
}

/**
 * What a new identification decision in a jurisdiction does to the person's attestations there. An
 * attestation stands exactly while the decision line grants protection (`grantsNonPunishmentProtection`),
 * which only a standing negative decision (NOT_IDENTIFIED) lifts:
 * - a negative decision that may still be appealed (NOT_IDENTIFIED after reasonable grounds) suspends it;
 * - an appeal (APPEALED) reinstates what that decision suspended, as protection holds during an appeal;
 * - a negative appeal outcome (NOT_IDENTIFIED after APPEALED) revokes it for good: a further appeal to a
 *   higher instance is protected by a new attestation issued for it, not by the old code coming back;
 * - any other decision changes nothing.
 */
export function standingAfterDecision(
  status: IdentificationStatus,
  previousStatus: IdentificationStatus | null,
): StandingChange | null {
  if (status === 'NOT_IDENTIFIED') {
    return previousStatus === 'APPEALED'
      ? { change: 'REVOKE', reason: 'NEGATIVE_APPEAL_OUTCOME' }
      : { change: 'SUSPEND', reason: 'NEGATIVE_DECISION' };
  }
  return previousStatus === 'NOT_IDENTIFIED' && grantsNonPunishmentProtection(status)
    ? { change: 'REINSTATE', reason: 'APPEAL_LODGED' }
    : null;
}

/** Where an attestation stands at `now`: revocation beats suspension, which beats expiry. */
export function standingOf(
  attestation: { revokedAt: Date | null; suspendedAt: Date | null; validUntil: Date },
  now: Date,
): AttestationStanding {
  if (attestation.revokedAt !== null) return 'REVOKED';
  if (attestation.suspendedAt !== null) return 'SUSPENDED';
  return now.getTime() >= attestation.validUntil.getTime() ? 'EXPIRED' : 'VALID';
}
