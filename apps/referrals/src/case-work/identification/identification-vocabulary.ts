import type { IdentificationStatus } from '@passage/schemas';
import { IDENTIFICATION_TRANSITIONS, grantsNonPunishmentProtection } from './identification-lifecycle.js';

/** What must happen once a person is protected: out of detention, a lawyer, and no punishment. */
export const FOLLOW_UP_TASK_KINDS = ['RELEASE_FROM_DETENTION', 'LEGAL_AID', 'NON_PUNISHMENT_NOTICE'] as const;
export type FollowUpTaskKind = (typeof FOLLOW_UP_TASK_KINDS)[number];

export const FOLLOW_UP_TASK_STATUSES = ['OPEN', 'DONE'] as const;
export type FollowUpTaskStatus = (typeof FOLLOW_UP_TASK_STATUSES)[number];

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
