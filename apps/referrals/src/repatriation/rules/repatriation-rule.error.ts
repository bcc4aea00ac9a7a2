/**
 * Why a repatriation rule refused a change:
 * - STEP_TRANSITION_NOT_ALLOWED: the step cannot move from its status to the one asked for;
 * - STEP_NEEDS_APPROVAL: travel, escort and reception wait until the plan is approved;
 * - STEP_ANSWERED_BY_IMMIGRATION: only the immigration authority's answer completes exit clearance;
 * - PLAN_NOT_PREPARING / PLAN_NOT_APPROVED: the plan is not in the status the change needs;
 * - RISK_ASSESSMENT_MISSING / NOT_SAFE_TO_RETURN: no usable risk assessment stands behind an approval;
 * - CHILD_SAFEGUARDS_MISSING / NOT_IN_CHILDS_BEST_INTEREST: a child's return lacks its safeguards;
 * - STEPS_NOT_DONE: arrival is confirmed before the steps that lead to it are done;
 * - FAST_RETURN_NOT_FOR_CHILD: a child's return is never a fast voluntary one;
 * - RETURN_NOT_FOUND_UNSAFE: a stay pathway opened without an assessment that found return unsafe, and
 *   without a decision role's reason;
 * - STAY_PATHWAY_CLOSED: a decision already settled the pathway;
 * - STAY_STEP_OUT_OF_ORDER: a step of a stay pathway is worked before the steps before it are done;
 * - STAY_OUTCOME_NOT_ALLOWED: a step ends with an outcome it cannot have (a registration GRANTED);
 * - STAY_STEP_NOT_OWNER: only a step's owner declines it;
 * - STEP_NOT_FOUND: the pathway has no such step.
 */
export type RepatriationRuleReason =
  | 'STEP_TRANSITION_NOT_ALLOWED'
  | 'STEP_NEEDS_APPROVAL'
  | 'STEP_ANSWERED_BY_IMMIGRATION'
  | 'PLAN_NOT_PREPARING'
  | 'PLAN_NOT_APPROVED'
  | 'RISK_ASSESSMENT_MISSING'
  | 'NOT_SAFE_TO_RETURN'
  | 'CHILD_SAFEGUARDS_MISSING'
  | 'NOT_IN_CHILDS_BEST_INTEREST'
  | 'STEPS_NOT_DONE'
  | 'FAST_RETURN_NOT_FOR_CHILD'
  | 'RETURN_NOT_FOUND_UNSAFE'
  | 'STAY_PATHWAY_CLOSED'
  | 'STAY_STEP_OUT_OF_ORDER'
  | 'STAY_OUTCOME_NOT_ALLOWED'
  | 'STAY_STEP_NOT_OWNER'
  | 'STEP_NOT_FOUND';

/**
 * Thrown when a repatriation rule refuses a change. Services map it to a conflict at the edge, with the
 * reason as a stable machine-readable detail; the message names states and step kinds only, never
 * anything about the person.
 */
export class RepatriationRuleError extends Error {
  readonly code = 'REPATRIATION_RULE';

  constructor(
    readonly reason: RepatriationRuleReason,
    message: string,
  ) {
    super(message);
    this.name = 'RepatriationRuleError';
  }
}
