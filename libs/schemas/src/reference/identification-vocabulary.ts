/**
 * The status of an identification decision in one jurisdiction (destination and origin countries decide
 * separately):
 * - PENDING: screening or assessment under way;
 * - REASONABLE_GROUNDS: the first-stage decision that the person may well be a victim;
 * - IDENTIFIED / NOT_IDENTIFIED: the conclusive decision;
 * - APPEALED: a negative decision under appeal.
 *
 * Named by the identification events and the GraphQL schema; the transitions between them are a rule of
 * the referrals service (case work).
 */
export const IDENTIFICATION_STATUSES = [
  'PENDING',
  'REASONABLE_GROUNDS',
  'IDENTIFIED',
  'NOT_IDENTIFIED',
  'APPEALED',
] as const;
export type IdentificationStatus = (typeof IDENTIFICATION_STATUSES)[number];
