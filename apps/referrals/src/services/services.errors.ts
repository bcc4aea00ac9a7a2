import { defineContextErrors } from '@passage/shared';

/** The refusals of the services context (the directory and referrals), each with the public code an edge gives it. */
export const servicesErrors = defineContextErrors('services', {
  SERVICE_NOT_FOUND: 'NOT_FOUND',
  /** A search names no country and the caller works in none. */
  SEARCH_COUNTRY_MISSING: 'BAD_USER_INPUT',
  REFERRAL_NOT_FOUND: 'NOT_FOUND',
  /** The sender may share only categories it may see itself. */
  CATEGORY_NOT_VISIBLE: 'BAD_USER_INPUT',
  /** A referral stays in the case's country; across a border, a handoff goes instead. */
  SERVICE_IN_OTHER_COUNTRY: 'BAD_USER_INPUT',
  /** A referral goes to another organisation's service, never to the sender's own. */
  SERVICE_OF_OWN_ORGANISATION: 'BAD_USER_INPUT',
  /** The person already has an open referral to that service. */
  REFERRAL_ALREADY_OPEN: 'CONFLICT',
  /** The life cycle has no such change from the referral's status. */
  NOT_ALLOWED: 'BAD_USER_INPUT',
  /** The change is the other side's to make (the provider's, or the sender's). */
  WRONG_SIDE: 'BAD_USER_INPUT',
  DECLINE_REASON_REQUIRED: 'BAD_USER_INPUT',
  /** A reason given with anything but a decline. */
  DECLINE_REASON_NOT_ALLOWED: 'BAD_USER_INPUT',
  OUTCOME_REQUIRED: 'BAD_USER_INPUT',
  /** An outcome given with anything but a completion. */
  OUTCOME_NOT_ALLOWED: 'BAD_USER_INPUT',
  /** A note with an update other than a completion (a decline's note comes with the answer). */
  NOTE_NOT_ALLOWED: 'BAD_USER_INPUT',
  /** The survivor's services-referral consent was withdrawn before the provider accepted. */
  CONSENT_WITHDRAWN: 'CONFLICT',
  /** A node configured a zero, negative or non-finite due duration for a status. */
  DUE_DURATION_INVALID: 'BAD_USER_INPUT',
  MIGRANT_SUPPORT_PROMPT_NOT_FOUND: 'NOT_FOUND',
  /** The prompt was already settled: referred, superseded by a later screening, or declined. */
  MIGRANT_SUPPORT_PROMPT_SETTLED: 'CONFLICT',
});
