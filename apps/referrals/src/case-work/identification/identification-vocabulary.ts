import { FOLLOW_UP_TASK_KINDS, type FollowUpTaskKind, type IdentificationStatus } from '@passage/schemas';
import { IDENTIFICATION_TRANSITIONS, grantsNonPunishmentProtection } from './identification-lifecycle.js';

/**
 * Whether a decision may move from `current` (null: nothing decided yet in that jurisdiction) to
 * `next`. A first decision starts where a pending one would: PENDING itself, or any status PENDING may
 * lead to.
 */
export function isAllowedDecision(current: IdentificationStatus | null, next: IdentificationStatus): boolean {
  if (current === null) return next === 'PENDING' || IDENTIFICATION_TRANSITIONS.PENDING.includes(next);
  return IDENTIFICATION_TRANSITIONS[current].includes(next);
}

/** The follow-up tasks a decision creates: all of them once the person is protected, none otherwise. */
export function followUpTasksFor(status: IdentificationStatus): readonly FollowUpTaskKind[] {
  return grantsNonPunishmentProtection(status) ? FOLLOW_UP_TASK_KINDS : [];
}
