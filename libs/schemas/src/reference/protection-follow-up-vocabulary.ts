/**
 * The words of protection follow-up that its events and the GraphQL schema name: the tasks a
 * reasonable-grounds decision opens, and a person's record of detention and punishment. The rules that
 * decide between them (a task's life cycle, which status a penalty may move to, the time spent in
 * detention after the decision) belong to the referrals service (case work).
 */

/** What must happen once a person is protected: out of detention, a lawyer, and no punishment. */
export const FOLLOW_UP_TASK_KINDS = ['RELEASE_FROM_DETENTION', 'LEGAL_AID', 'NON_PUNISHMENT_NOTICE'] as const;
export type FollowUpTaskKind = (typeof FOLLOW_UP_TASK_KINDS)[number];

/**
 * Where a task stands: OPEN until its assignee completes it (DONE) or says why it will not be done
 * (DECLINED: nobody was detained, the person refused a lawyer…). Both ends are final.
 */
export const FOLLOW_UP_TASK_STATUSES = ['OPEN', 'DONE', 'DECLINED'] as const;
export type FollowUpTaskStatus = (typeof FOLLOW_UP_TASK_STATUSES)[number];

/** What was done to a task, one entry of its history each. */
export const FOLLOW_UP_TASK_ACTIONS = ['COMPLETED', 'DECLINED', 'REASSIGNED'] as const;
export type FollowUpTaskAction = (typeof FOLLOW_UP_TASK_ACTIONS)[number];

/**
 * Why a detention ended. NON_PUNISHMENT_NOTICE, PROTECTION_ATTESTATION and IDENTIFICATION_DECISION are
 * the releases the mechanism exists for; the others are recorded as they happened, DEPORTED included,
 * because a removal of a protected person is exactly what oversight must be able to count.
 */
export const RELEASE_BASES = [
  'NON_PUNISHMENT_NOTICE',
  'PROTECTION_ATTESTATION',
  'IDENTIFICATION_DECISION',
  'CHARGES_DROPPED',
  'BAIL',
  'FINE_PAID',
  'SENTENCE_SERVED',
  'DEPORTED',
  'OTHER',
] as const;
export type ReleaseBasis = (typeof RELEASE_BASES)[number];

/**
 * A punishment a person faces for what they were made to do or for how they entered or stayed: a fine
 * (overstay fines are the usual one), a ban on re-entering a country, being put on a blacklist (of
 * immigration, of an employer registry), or a criminal charge.
 */
export const PENALTY_KINDS = ['FINE', 'ENTRY_BAN', 'BLACKLISTING', 'CHARGE'] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

/**
 * Where a penalty stands; each kind uses its own part of the list: a fine is PENDING, PAID or WAIVED; a
 * charge PENDING, DROPPED, ACQUITTED, CONVICTED or SET_ASIDE (a conviction quashed under the
 * non-punishment principle); a ban or a blacklisting IN_FORCE or LIFTED.
 */
export const PENALTY_STATUSES = [
  'PENDING',
  'PAID',
  'WAIVED',
  'DROPPED',
  'ACQUITTED',
  'CONVICTED',
  'SET_ASIDE',
  'IN_FORCE',
  'LIFTED',
] as const;
export type PenaltyStatus = (typeof PENALTY_STATUSES)[number];

/**
 * What the authority did with a non-punishment notice: PENDING until it answers; UPHELD when it applied
 * the principle to everything the notice asked; PARTLY_UPHELD; REJECTED.
 */
export const NOTICE_EFFECTS = ['PENDING', 'UPHELD', 'PARTLY_UPHELD', 'REJECTED'] as const;
export type NoticeEffect = (typeof NOTICE_EFFECTS)[number];
