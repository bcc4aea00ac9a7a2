/**
 * The words of a stay pathway, the alternative to a return when returning is not safe: what its events
 * and the GraphQL schema name. Which steps a pathway has, in which order, and what each step's outcome
 * does to the pathway are the referrals service's rules (repatriation context).
 */

/**
 * The pathways a person may take instead of going home:
 * - TEMPORARY_PERMIT: a temporary residence or recovery-and-reflection permit of the country the person
 *   is in;
 * - ASYLUM_OR_REFUGEE_STATUS: refugee status determination, by the national authority or UNHCR;
 * - RESETTLEMENT: to a third country, through UNHCR or IOM.
 */
export const STAY_PATHWAY_KINDS = ['TEMPORARY_PERMIT', 'ASYLUM_OR_REFUGEE_STATUS', 'RESETTLEMENT'] as const;
export type StayPathwayKind = (typeof STAY_PATHWAY_KINDS)[number];

/**
 * The steps of every pathway, each owned by one organisation: APPLICATION, DECISION, ISSUANCE and
 * RENEWAL of a permit; REGISTRATION, INTERVIEW, DECISION and APPEAL of an asylum claim; REFERRAL to
 * UNHCR or IOM, SUBMISSION to a resettlement country, its ACCEPTANCE, and TRAVEL there.
 */
export const STAY_STEP_KINDS = [
  'APPLICATION',
  'REGISTRATION',
  'REFERRAL',
  'INTERVIEW',
  'SUBMISSION',
  'DECISION',
  'ACCEPTANCE',
  'APPEAL',
  'ISSUANCE',
  'RENEWAL',
  'TRAVEL',
] as const;
export type StayStepKind = (typeof STAY_STEP_KINDS)[number];

/**
 * A step waits (PENDING), is worked (IN_PROGRESS) and ends DONE with an outcome; its owner may decline it
 * (DECLINED) and the pathway's owner then gives it to another organisation, which finds it PENDING again.
 */
export const STAY_STEP_STATUSES = ['PENDING', 'IN_PROGRESS', 'DONE', 'DECLINED'] as const;
export type StayStepStatus = (typeof STAY_STEP_STATUSES)[number];

/**
 * How a step ended: COMPLETED (a registration, an application filed), GRANTED or REFUSED (a decision, an
 * appeal, a renewal, a resettlement country's acceptance), or NOT_NEEDED (no appeal lodged, a renewal
 * not sought, steps left over once a decision settled the pathway).
 */
export const STAY_STEP_OUTCOMES = ['COMPLETED', 'GRANTED', 'REFUSED', 'NOT_NEEDED'] as const;
export type StayStepOutcome = (typeof STAY_STEP_OUTCOMES)[number];

/** A pathway is OPEN until a decision settles it: GRANTED (the person may stay, or is resettled) or REFUSED. */
export const STAY_PATHWAY_STATUSES = ['OPEN', 'GRANTED', 'REFUSED'] as const;
export type StayPathwayStatus = (typeof STAY_PATHWAY_STATUSES)[number];

/**
 * Why a pathway was opened: the person's latest return risk assessment found return unsafe, or a
 * supervisor or focal point gave a reason of their own (a person asking for asylum has that right
 * whatever a return assessment says).
 */
export const STAY_PATHWAY_BASES = ['UNSAFE_RETURN_ASSESSMENT', 'DECISION_ROLE_REASON'] as const;
export type StayPathwayBasis = (typeof STAY_PATHWAY_BASES)[number];
