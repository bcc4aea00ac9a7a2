import { describe, expect, it } from '@jest/globals';
import { RETURN_RISK_FACTORS, type ReturnRiskLevel } from '@passage/schemas';
import {
  assertReturnApprovable,
  riskAssessmentProblems,
  type AssessedRiskFactor,
  type RiskAssessmentFacts,
} from './repatriation-risk.js';
import { RepatriationRuleError } from './repatriation-rule.error.js';

const allAt = (level: ReturnRiskLevel): AssessedRiskFactor[] =>
  RETURN_RISK_FACTORS.map((factor) => ({ factor, level }));

const reasonOf = (run: () => void): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof RepatriationRuleError ? error.reason : 'OTHER';
  }
};

const adultRecord = { childTrack: false, hasBestInterestAssessment: false, hasGuardian: false };

describe('risk assessment rules', () => {
  it('accepts a complete, coherent adult assessment', () => {
    expect(
      riskAssessmentProblems({ ...adultRecord, factors: allAt('LOW'), conclusion: 'SAFE_TO_RETURN' }),
    ).toEqual([]);
  });

  it('requires every factor, once each', () => {
    const missing = riskAssessmentProblems({
      ...adultRecord,
      factors: allAt('LOW').slice(1),
      conclusion: 'RETURN_WITH_SAFEGUARDS',
    });
    expect(missing).toEqual([['factors', 'must assess every factor; missing: RE_TRAFFICKING']]);
    const twice = riskAssessmentProblems({
      ...adultRecord,
      factors: [...allAt('LOW'), { factor: 'STIGMA', level: 'HIGH' }],
      conclusion: 'RETURN_WITH_SAFEGUARDS',
    });
    expect(twice).toEqual([['factors', 'must assess each factor once']]);
  });

  it.each(['HIGH', 'UNKNOWN'] as const)('refuses SAFE_TO_RETURN when a factor is %s', (level) => {
    const factors = allAt('LOW').map((entry) =>
      entry.factor === 'DEBT_OR_RANSOM' ? { ...entry, level } : entry,
    );
    expect(
      riskAssessmentProblems({ ...adultRecord, factors, conclusion: 'SAFE_TO_RETURN' }).map(([f]) => f),
    ).toEqual(['conclusion']);
    expect(riskAssessmentProblems({ ...adultRecord, factors, conclusion: 'RETURN_WITH_SAFEGUARDS' })).toEqual(
      [],
    );
  });

  it('requires a best-interest assessment and a guardian on the child track', () => {
    const problems = riskAssessmentProblems({
      factors: allAt('LOW'),
      conclusion: 'SAFE_TO_RETURN',
      childTrack: true,
      hasBestInterestAssessment: false,
      hasGuardian: false,
    });
    expect(problems.map(([field]) => field)).toEqual(['bestInterestAssessment', 'guardian']);
  });
});

describe('approval rule', () => {
  const safe: RiskAssessmentFacts = {
    factors: allAt('LOW'),
    conclusion: 'SAFE_TO_RETURN',
    returnInChildsBestInterest: null,
    hasGuardian: false,
  };

  it('needs an assessment that is complete and does not find return unsafe', () => {
    expect(reasonOf(() => assertReturnApprovable(null, false))).toBe('RISK_ASSESSMENT_MISSING');
    expect(reasonOf(() => assertReturnApprovable({ ...safe, factors: safe.factors.slice(2) }, false))).toBe(
      'RISK_ASSESSMENT_MISSING',
    );
    expect(reasonOf(() => assertReturnApprovable({ ...safe, conclusion: 'NOT_SAFE_TO_RETURN' }, false))).toBe(
      'NOT_SAFE_TO_RETURN',
    );
    expect(reasonOf(() => assertReturnApprovable(safe, false))).toBeNull();
    expect(
      reasonOf(() => assertReturnApprovable({ ...safe, conclusion: 'RETURN_WITH_SAFEGUARDS' }, false)),
    ).toBeNull();
  });

  it("needs a child's safeguards, judged by the person's age now", () => {
    expect(reasonOf(() => assertReturnApprovable(safe, true))).toBe('CHILD_SAFEGUARDS_MISSING');
    expect(reasonOf(() => assertReturnApprovable({ ...safe, returnInChildsBestInterest: true }, true))).toBe(
      'CHILD_SAFEGUARDS_MISSING',
    );
    expect(
      reasonOf(() =>
        assertReturnApprovable({ ...safe, returnInChildsBestInterest: false, hasGuardian: true }, true),
      ),
    ).toBe('NOT_IN_CHILDS_BEST_INTEREST');
    expect(
      reasonOf(() =>
        assertReturnApprovable({ ...safe, returnInChildsBestInterest: true, hasGuardian: true }, true),
      ),
    ).toBeNull();
  });
});
