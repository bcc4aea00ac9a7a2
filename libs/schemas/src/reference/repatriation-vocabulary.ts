/**
 * The words of a repatriation that its events, exchange messages and the GraphQL schema name. The rules
 * that decide between them (step life cycle, approval, arrival, follow-up schedule) belong to the
 * referrals service (repatriation context).
 */

/**
 * The steps of a repatriation plan, in the order they usually complete. Each has one owner organisation:
 * - TRAVEL_DOCUMENT: the embassy of the person's country issues a passport or emergency travel document;
 * - EXIT_CLEARANCE: the immigration authority of the country the person leaves clears departure and
 *   waives overstay fines, answering a minimal exit-clearance request;
 * - FUNDING: whoever pays for the journey;
 * - TRAVEL_BOOKED: the ticket is bought;
 * - ESCORT: someone accompanies the person (always for a child);
 * - RECEPTION: the focal point or NGO of the origin country meets the person on arrival.
 */
export const REPATRIATION_STEP_KINDS = [
  'TRAVEL_DOCUMENT',
  'EXIT_CLEARANCE',
  'FUNDING',
  'TRAVEL_BOOKED',
  'ESCORT',
  'RECEPTION',
] as const;
export type RepatriationStepKind = (typeof REPATRIATION_STEP_KINDS)[number];

/**
 * The status of one step. BLOCKED is time spent in the step as much as IN_PROGRESS is: people wait there
 * too, so the step's clock keeps running until DONE.
 */
export const REPATRIATION_STEP_STATUSES = ['PENDING', 'IN_PROGRESS', 'BLOCKED', 'DONE'] as const;
export type RepatriationStepStatus = (typeof REPATRIATION_STEP_STATUSES)[number];

/**
 * The plan's own life cycle: prepared while documents, clearance and funding are sought (they take
 * months and must not wait for one another), approved once consent and a risk assessment allow the
 * return, completed when arrival is confirmed.
 */
export const REPATRIATION_PLAN_STATUSES = ['PREPARING', 'APPROVED', 'COMPLETED'] as const;
export type RepatriationPlanStatus = (typeof REPATRIATION_PLAN_STATUSES)[number];

/** How an immigration authority answers an exit-clearance request. */
export const EXIT_CLEARANCE_DECISIONS = ['GRANTED', 'REFUSED'] as const;
export type ExitClearanceDecision = (typeof EXIT_CLEARANCE_DECISIONS)[number];

/**
 * An exit-clearance request is PENDING until answered; WITHDRAWN when a new request replaces it (after a
 * refusal, or when the travel document changed).
 */
export const EXIT_CLEARANCE_STATUSES = ['PENDING', 'GRANTED', 'REFUSED', 'WITHDRAWN'] as const;
export type ExitClearanceStatus = (typeof EXIT_CLEARANCE_STATUSES)[number];

/**
 * What a pre-return risk assessment must look at for every person: being trafficked again, reprisals by
 * recruiters or compound bosses, debt or ransom still claimed, prosecution or persecution at home (origin
 * states have prosecuted returnees), stigma, and the family the person would return to.
 */
export const RETURN_RISK_FACTORS = [
  'RE_TRAFFICKING',
  'REPRISALS',
  'DEBT_OR_RANSOM',
  'PROSECUTION_OR_PERSECUTION',
  'STIGMA',
  'FAMILY_SITUATION',
] as const;
export type ReturnRiskFactor = (typeof RETURN_RISK_FACTORS)[number];

/** How serious a factor is; UNKNOWN is an honest answer, and never reads as safe. */
export const RETURN_RISK_LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'UNKNOWN'] as const;
export type ReturnRiskLevel = (typeof RETURN_RISK_LEVELS)[number];

/** The assessor's overall conclusion. */
export const RETURN_RISK_CONCLUSIONS = [
  'SAFE_TO_RETURN',
  'RETURN_WITH_SAFEGUARDS',
  'NOT_SAFE_TO_RETURN',
] as const;
export type ReturnRiskConclusion = (typeof RETURN_RISK_CONCLUSIONS)[number];

/** How a reintegration follow-up found the person. */
export const FOLLOW_UP_OUTCOMES = [
  'REINTEGRATING',
  'NEEDS_SUPPORT',
  'AT_RISK',
  'NOT_REACHED',
  'DECLINED_CONTACT',
] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/**
 * How a return is organised. STANDARD: the six steps, reception planned with an organisation of the
 * origin country. FAST_VOLUNTARY: an adult who chooses to go home quickly keeps a case, consent to return
 * and the reintegration follow-ups, with only the steps that departure itself needs (which ones: the
 * referrals service's repatriation rules).
 */
export const REPATRIATION_PACES = ['STANDARD', 'FAST_VOLUNTARY'] as const;
export type RepatriationPace = (typeof REPATRIATION_PACES)[number];
