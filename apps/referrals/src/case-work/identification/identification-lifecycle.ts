import type { IdentificationStatus } from '@passage/schemas';
import { InvalidTransitionError } from '../../platform/index.js';

/**
 * The life cycle of an identification decision in one jurisdiction (the statuses themselves are named in
 * `@passage/schemas`).
 *
 * PENDING may also lead straight to NOT_IDENTIFIED: a negative first-stage decision is a decision too,
 * and it must be appealable like any other. A positive conclusive decision always passes through
 * REASONABLE_GROUNDS, the step that triggers protection. IDENTIFIED is final; NOT_IDENTIFIED can be
 * appealed again after a failed appeal, to a higher instance.
 */

/** Every status a decision may move to next. */
export const IDENTIFICATION_TRANSITIONS: Readonly<
  Record<IdentificationStatus, readonly IdentificationStatus[]>
> = {
  PENDING: ['REASONABLE_GROUNDS', 'NOT_IDENTIFIED'],
  REASONABLE_GROUNDS: ['IDENTIFIED', 'NOT_IDENTIFIED'],
  NOT_IDENTIFIED: ['APPEALED'],
  APPEALED: ['IDENTIFIED', 'NOT_IDENTIFIED'],
  IDENTIFIED: [],
};

/** The statuses a decision in `from` may move to. */
export function allowedIdentificationTransitions(
  from: IdentificationStatus,
): readonly IdentificationStatus[] {
  return IDENTIFICATION_TRANSITIONS[from];
}

/**
 * Checks a change of identification status.
 *
 * @throws InvalidTransitionError (code `INVALID_TRANSITION`) naming both statuses.
 */
export function assertIdentificationTransition(from: IdentificationStatus, to: IdentificationStatus): void {
  if (!IDENTIFICATION_TRANSITIONS[from].includes(to)) {
    throw new InvalidTransitionError('IDENTIFICATION', from, to, 'NOT_ALLOWED');
  }
}

/**
 * Whether the non-punishment principle protects the person at this status: no detention, fines or
 * prosecution for what they were made to do or for how they entered, and a protection attestation that
 * immigration can verify. Protection starts with reasonable grounds, not with the final decision, and
 * holds during an appeal: removing it while a claim is still undecided would expose the person to the
 * very detention and removal the principle forbids. Only a standing negative decision lifts it.
 */
export function grantsNonPunishmentProtection(status: IdentificationStatus): boolean {
  return status === 'REASONABLE_GROUNDS' || status === 'IDENTIFIED' || status === 'APPEALED';
}
