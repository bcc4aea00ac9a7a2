import { defineContextErrors } from '@passage/shared';
import { RepatriationRuleError, type RepatriationRuleReason } from './rules/repatriation-rule.error.js';

/** The refusals of repatriation work, each with the public code an edge gives it. */
export const repatriationErrors = defineContextErrors('repatriation', {
  PLAN_NOT_FOUND: 'NOT_FOUND',
  STEP_NOT_FOUND: 'NOT_FOUND',
  FOLLOW_UP_NOT_FOUND: 'NOT_FOUND',
  EXIT_CLEARANCE_REQUEST_NOT_FOUND: 'NOT_FOUND',
  /** No return country was given and the person's nationality is unknown. */
  RETURN_COUNTRY_UNKNOWN: 'BAD_USER_INPUT',
  /** The country of return is the country the person leaves. */
  RETURN_TO_COUNTRY_LEFT: 'BAD_USER_INPUT',
  /** The person already has a plan that is not completed. */
  PLAN_ALREADY_OPEN: 'CONFLICT',
  /** No one on the platform receives people in the return country, and the plan does not say who will. */
  RECEPTION_ARRANGEMENT_REQUIRED: 'BAD_USER_INPUT',
  /** The steps listed do not fit the plan's pace: a standard plan lists every kind, a fast one its own. */
  STEP_MISSING: 'BAD_USER_INPUT',
  /** An assessment, an arrival: a time that has not come yet. */
  TIME_IN_FUTURE: 'BAD_USER_INPUT',
  ARRIVAL_BEFORE_APPROVAL: 'BAD_USER_INPUT',
  /** The risk assessment itself is incomplete or incoherent (a factor missing, a child without safeguards). */
  RISK_ASSESSMENT_INVALID: 'BAD_USER_INPUT',
  FOLLOW_UP_ALREADY_RECORDED: 'CONFLICT',
  /** Exit clearance is requested on the node of the country the person leaves, not by a step owner afar. */
  EXIT_CLEARANCE_ELSEWHERE: 'BAD_USER_INPUT',
  /** The attestation code given for exit clearance is no valid attestation of this person and document. */
  ATTESTATION_NOT_VALID: 'CONFLICT',
  /**
   * The attestation was issued without a document (bound to the date of birth or a holder PIN) and no
   * travel document has been recorded for the person since: exit clearance rests on the travel document.
   */
  TRAVEL_DOCUMENT_NOT_RECORDED: 'CONFLICT',
  EXIT_CLEARANCE_ALREADY_ANSWERED: 'CONFLICT',
  /** Work on a plan from afar, after the person withdrew consent to return (the policy's own word). */
  CONSENT_REQUIRED: 'CONFLICT',
  /** A message from another node speaks for a country or an organisation that has no say in the plan. */
  SENDER_NOT_ENTITLED: 'FORBIDDEN',
  // The repatriation rules' own refusals (RepatriationRuleReason), each a conflict with the plan's state.
  STEP_TRANSITION_NOT_ALLOWED: 'CONFLICT',
  STEP_NEEDS_APPROVAL: 'CONFLICT',
  STEP_ANSWERED_BY_IMMIGRATION: 'CONFLICT',
  PLAN_NOT_PREPARING: 'CONFLICT',
  PLAN_NOT_APPROVED: 'CONFLICT',
  RISK_ASSESSMENT_MISSING: 'CONFLICT',
  NOT_SAFE_TO_RETURN: 'CONFLICT',
  CHILD_SAFEGUARDS_MISSING: 'CONFLICT',
  NOT_IN_CHILDS_BEST_INTEREST: 'CONFLICT',
  STEPS_NOT_DONE: 'CONFLICT',
  /** A child's return is never a fast voluntary one. */
  FAST_RETURN_NOT_FOR_CHILD: 'CONFLICT',
  // Stay pathways (docs/adr/021-pathways-beyond-standard-return.md).
  STAY_PATHWAY_NOT_FOUND: 'NOT_FOUND',
  /** The person already has an open stay pathway. */
  STAY_PATHWAY_ALREADY_OPEN: 'CONFLICT',
  /** Neither an assessment that found return unsafe nor a decision role's reason stands behind the pathway. */
  RETURN_NOT_FOUND_UNSAFE: 'CONFLICT',
  STAY_PATHWAY_CLOSED: 'CONFLICT',
  STAY_STEP_OUT_OF_ORDER: 'CONFLICT',
  STAY_OUTCOME_NOT_ALLOWED: 'BAD_USER_INPUT',
  /** Declining a step is its owner's word, not the pathway owner's. */
  STAY_STEP_NOT_OWNER: 'FORBIDDEN',
});

/**
 * Runs a repatriation rule and turns its refusal into this context's coded error: a CONFLICT whose
 * reason is the rule's own, so a client can tell "approve after the risk assessment" from "not safe to
 * return". Every rule reason is a code of the catalogue, so a new one does not compile until it is listed.
 * `field` names the input at fault, or is chosen by the rule's reason; the rule's answer is passed on.
 */
export function checkRule<T>(
  rule: () => T,
  field?: string | ((reason: RepatriationRuleReason) => string),
): T {
  try {
    return rule();
  } catch (error) {
    if (error instanceof RepatriationRuleError) {
      const named = typeof field === 'function' ? field(error.reason) : field;
      throw repatriationErrors.error(error.reason, error.message, named ? { field: named } : {});
    }
    throw error;
  }
}
