/**
 * The words of a case's life after intake that its events and the GraphQL schema name: how a case ends,
 * why it is taken up again, and how people in one case are related. The rules that decide between them
 * (who may close, what must be finished first) belong to the referrals service (case work).
 */

/**
 * How a case ended:
 * - RETURNED_HOME: the person went back to the country of origin (a planned or a fast voluntary return);
 * - STAYED_IN_COUNTRY: the person stays lawfully where the case is handled (a permit, asylum, refugee status);
 * - RESETTLED: the person moved on to a third country;
 * - TRANSFERRED: another jurisdiction took the case over (an accepted handoff), and it continues there;
 * - REFERRED_ELSEWHERE: not a trafficking case; the person was referred to services for vulnerable migrants;
 * - ASSISTANCE_DECLINED: the person chose to stop receiving assistance (assistance is never conditional);
 * - LOST_CONTACT: the person could not be reached any more;
 * - DECEASED;
 * - OPENED_IN_ERROR: a duplicate, or opened for someone it should not have been.
 */
export const CASE_OUTCOMES = [
  'RETURNED_HOME',
  'STAYED_IN_COUNTRY',
  'RESETTLED',
  'TRANSFERRED',
  'REFERRED_ELSEWHERE',
  'ASSISTANCE_DECLINED',
  'LOST_CONTACT',
  'DECEASED',
  'OPENED_IN_ERROR',
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/**
 * Why a closed case was taken up again:
 * - NEW_INFORMATION: facts came to light that change what the case needs;
 * - RETURN_FAILED: the return did not happen, or broke down after arrival;
 * - RE_TRAFFICKED: the person was trafficked or exploited again;
 * - ASSISTANCE_REQUESTED: the person came back asking for help;
 * - DECISION_REVIEWED: an identification decision is appealed or reviewed;
 * - CLOSED_IN_ERROR: the case should not have been closed.
 */
export const CASE_REOPEN_REASONS = [
  'NEW_INFORMATION',
  'RETURN_FAILED',
  'RE_TRAFFICKED',
  'ASSISTANCE_REQUESTED',
  'DECISION_REVIEWED',
  'CLOSED_IN_ERROR',
] as const;
export type CaseReopenReason = (typeof CASE_REOPEN_REASONS)[number];

/**
 * What a person added to a case is to someone already in it (read "the added person is the … of the
 * related person"): a child born in captivity is a CHILD, a partner who exited together a PARTNER, and
 * someone unrelated who exited together a COMPANION.
 */
export const PERSON_RELATIONSHIPS = [
  'CHILD',
  'PARENT',
  'PARTNER',
  'SIBLING',
  'OTHER_RELATIVE',
  'COMPANION',
] as const;
export type PersonRelationship = (typeof PERSON_RELATIONSHIPS)[number];
