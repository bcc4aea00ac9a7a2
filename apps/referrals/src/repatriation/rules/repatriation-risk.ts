import {
  RETURN_RISK_FACTORS,
  type ReturnRiskConclusion,
  type ReturnRiskFactor,
  type ReturnRiskLevel,
} from '@passage/schemas';
import { RepatriationRuleError } from './repatriation-rule.error.js';

/** One assessed factor. */
export interface AssessedRiskFactor {
  factor: ReturnRiskFactor;
  level: ReturnRiskLevel;
}

/** What approval needs to know about the latest assessment of the person who would return. */
export interface RiskAssessmentFacts {
  factors: readonly AssessedRiskFactor[];
  conclusion: ReturnRiskConclusion;
  /** Null when no best-interest assessment was recorded; otherwise whether return serves the child. */
  returnInChildsBestInterest: boolean | null;
  hasGuardian: boolean;
}

/**
 * Problems with an assessment as recorded, as `[field, message]` pairs (empty when it is complete and
 * coherent): every factor assessed exactly once, and a conclusion that does not contradict the factors.
 * A HIGH or UNKNOWN factor rules out SAFE_TO_RETURN: at best the return goes ahead with safeguards.
 * For a child, or a person whose age is unknown, a best-interest assessment and a guardian are required.
 */
export function riskAssessmentProblems(assessment: {
  factors: readonly AssessedRiskFactor[];
  conclusion: ReturnRiskConclusion;
  childTrack: boolean;
  hasBestInterestAssessment: boolean;
  hasGuardian: boolean;
}): [field: string, message: string][] {
  const problems: [string, string][] = [];
  const assessed = assessment.factors.map((entry) => entry.factor);
  const missing = RETURN_RISK_FACTORS.filter((factor) => !assessed.includes(factor));
  if (missing.length > 0)
    problems.push(['factors', `must assess every factor; missing: ${missing.join(', ')}`]);
  if (new Set(assessed).size !== assessed.length) problems.push(['factors', 'must assess each factor once']);
  const uncertain = assessment.factors.some((entry) => entry.level === 'HIGH' || entry.level === 'UNKNOWN');
  if (assessment.conclusion === 'SAFE_TO_RETURN' && uncertain) {
    problems.push([
      'conclusion',
      'SAFE_TO_RETURN cannot follow a HIGH or UNKNOWN factor; use RETURN_WITH_SAFEGUARDS or NOT_SAFE_TO_RETURN',
    ]);
  }
  if (assessment.childTrack && !assessment.hasBestInterestAssessment) {
    problems.push(['bestInterestAssessment', 'is required for a child or a person whose age is unknown']);
  }
  if (assessment.childTrack && !assessment.hasGuardian) {
    problems.push(['guardian', 'is required for a child or a person whose age is unknown']);
  }
  return problems;
}

/**
 * Checks that a plan may be approved on the strength of the person's latest risk assessment. `childTrack`
 * is decided now, from the person's current age band: an assessment recorded while the person was taken
 * for an adult does not carry a child's return.
 *
 * @throws RepatriationRuleError naming what is missing.
 */
export function assertReturnApprovable(assessment: RiskAssessmentFacts | null, childTrack: boolean): void {
  if (assessment === null) {
    throw new RepatriationRuleError('RISK_ASSESSMENT_MISSING', 'approval needs a completed risk assessment');
  }
  const assessed = new Set(assessment.factors.map((entry) => entry.factor));
  if (RETURN_RISK_FACTORS.some((factor) => !assessed.has(factor))) {
    throw new RepatriationRuleError('RISK_ASSESSMENT_MISSING', 'the latest risk assessment is incomplete');
  }
  if (assessment.conclusion === 'NOT_SAFE_TO_RETURN') {
    throw new RepatriationRuleError('NOT_SAFE_TO_RETURN', 'the latest risk assessment found return not safe');
  }
  if (childTrack) {
    if (assessment.returnInChildsBestInterest === null || !assessment.hasGuardian) {
      throw new RepatriationRuleError(
        'CHILD_SAFEGUARDS_MISSING',
        "a child's return needs a best-interest assessment and a guardian",
      );
    }
    if (!assessment.returnInChildsBestInterest) {
      throw new RepatriationRuleError(
        'NOT_IN_CHILDS_BEST_INTEREST',
        "the best-interest assessment found return not in the child's best interest",
      );
    }
  }
}
