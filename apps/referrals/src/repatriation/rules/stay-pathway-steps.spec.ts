import { describe, expect, it } from '@jest/globals';
import {
  STAY_PATHWAY_KINDS,
  STAY_STEP_KINDS,
  STAY_STEP_STATUSES,
  type StayPathwayKind,
  type StayStepKind,
  type StayStepOutcome,
  type StayStepStatus,
} from '@passage/schemas';
import { RepatriationRuleError } from './repatriation-rule.error.js';
import {
  STAY_PATHWAY_STEPS,
  STAY_STEP_ACTIONS,
  returnFoundUnsafe,
  stayPathwayBasis,
  stayPathwaySettlement,
  stayStepChange,
  stayStepKinds,
  stayStepsProblem,
  type StayStepAction,
  type StayStepFacts,
} from './stay-pathway-steps.js';

const OWNER = 'org-step-owner';

const reasonOf = (run: () => unknown): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof RepatriationRuleError ? error.reason : 'OTHER';
  }
};

/** A pathway's steps: those named done with their outcome, the rest as given or PENDING. */
function stepsOf(
  pathway: StayPathwayKind,
  done: Partial<Record<StayStepKind, StayStepOutcome>> = {},
  statuses: Partial<Record<StayStepKind, StayStepStatus>> = {},
): StayStepFacts[] {
  return stayStepKinds(pathway).map((kind) => ({
    kind,
    status: done[kind] ? 'DONE' : (statuses[kind] ?? 'PENDING'),
    outcome: done[kind] ?? null,
    ownerOrganisationId: OWNER,
  }));
}

function change(
  pathway: StayPathwayKind,
  steps: StayStepFacts[],
  step: StayStepKind,
  action: StayStepAction,
  outcome: StayStepOutcome | null = null,
  actorOrganisationId = OWNER,
) {
  return stayStepChange({
    pathway,
    pathwayStatus: 'OPEN',
    steps,
    step,
    action,
    outcome,
    actorOrganisationId,
  });
}

describe('stay pathway steps', () => {
  it('give every pathway its own steps, of the vocabulary, each once, with a decision among them', () => {
    expect(stayStepKinds('ASYLUM_OR_REFUGEE_STATUS')).toEqual([
      'REGISTRATION',
      'INTERVIEW',
      'DECISION',
      'APPEAL',
    ]);
    expect(stayStepKinds('TEMPORARY_PERMIT')).toEqual(['APPLICATION', 'DECISION', 'ISSUANCE', 'RENEWAL']);
    expect(stayStepKinds('RESETTLEMENT')).toEqual(['REFERRAL', 'SUBMISSION', 'ACCEPTANCE', 'TRAVEL']);
    for (const pathway of STAY_PATHWAY_KINDS) {
      const kinds = stayStepKinds(pathway);
      expect(new Set(kinds).size).toBe(kinds.length);
      for (const kind of kinds) expect(STAY_STEP_KINDS).toContain(kind);
      // A decision that can never be skipped, so a finished pathway always has a result.
      expect(
        STAY_PATHWAY_STEPS[pathway].some(
          (rule) => rule.outcomes.includes('GRANTED') && !rule.outcomes.includes('NOT_NEEDED'),
        ),
      ).toBe(true);
    }
  });

  it('open with exactly the pathway’s own steps', () => {
    expect(stayStepsProblem('RESETTLEMENT', ['REFERRAL', 'SUBMISSION', 'ACCEPTANCE', 'TRAVEL'])).toBeNull();
    expect(stayStepsProblem('RESETTLEMENT', ['REFERRAL', 'SUBMISSION', 'ACCEPTANCE'])).toBe(
      'must list TRAVEL',
    );
    expect(
      stayStepsProblem('TEMPORARY_PERMIT', ['APPLICATION', 'DECISION', 'ISSUANCE', 'RENEWAL', 'APPEAL']),
    ).toBe('TEMPORARY_PERMIT has no APPEAL step');
    expect(stayStepsProblem('TEMPORARY_PERMIT', ['APPLICATION', 'APPLICATION'])).toBe(
      'must list each step kind exactly once',
    );
  });

  it.each(
    STAY_STEP_STATUSES.flatMap((status) => STAY_STEP_ACTIONS.map((action) => [status, action] as const)),
  )('from %s, %s follows the step life cycle', (status, action) => {
    const steps = stepsOf('TEMPORARY_PERMIT', {}, { APPLICATION: status });
    const outcome = action === 'COMPLETE' ? 'COMPLETED' : null;
    const allowed: Record<StayStepAction, readonly StayStepStatus[]> = {
      START: ['PENDING'],
      COMPLETE: ['IN_PROGRESS'],
      DECLINE: ['PENDING', 'IN_PROGRESS'],
      REASSIGN: ['PENDING', 'DECLINED'],
    };
    const reason = reasonOf(() => change('TEMPORARY_PERMIT', steps, 'APPLICATION', action, outcome));
    expect(reason).toBe(allowed[action].includes(status) ? null : 'STEP_TRANSITION_NOT_ALLOWED');
  });

  it('answers the status each action leads to', () => {
    const steps = stepsOf('TEMPORARY_PERMIT', {}, { APPLICATION: 'IN_PROGRESS' });
    expect(change('TEMPORARY_PERMIT', steps, 'APPLICATION', 'COMPLETE', 'COMPLETED')).toBe('DONE');
    expect(change('TEMPORARY_PERMIT', steps, 'APPLICATION', 'DECLINE')).toBe('DECLINED');
    expect(change('TEMPORARY_PERMIT', stepsOf('TEMPORARY_PERMIT'), 'APPLICATION', 'START')).toBe(
      'IN_PROGRESS',
    );
    const declined = stepsOf('TEMPORARY_PERMIT', {}, { APPLICATION: 'DECLINED' });
    expect(change('TEMPORARY_PERMIT', declined, 'APPLICATION', 'REASSIGN')).toBe('PENDING');
  });

  it('works steps in order: nothing is started or completed before the steps before it are done', () => {
    const fresh = stepsOf('ASYLUM_OR_REFUGEE_STATUS');
    expect(reasonOf(() => change('ASYLUM_OR_REFUGEE_STATUS', fresh, 'INTERVIEW', 'START'))).toBe(
      'STAY_STEP_OUT_OF_ORDER',
    );
    expect(
      reasonOf(() => change('ASYLUM_OR_REFUGEE_STATUS', fresh, 'APPEAL', 'COMPLETE', 'NOT_NEEDED')),
    ).toBe('STAY_STEP_OUT_OF_ORDER');
    const registered = stepsOf('ASYLUM_OR_REFUGEE_STATUS', { REGISTRATION: 'COMPLETED' });
    expect(change('ASYLUM_OR_REFUGEE_STATUS', registered, 'INTERVIEW', 'START')).toBe('IN_PROGRESS');
    // Reassigning a later step, or declining it, is not working it: allowed at any time.
    expect(change('ASYLUM_OR_REFUGEE_STATUS', fresh, 'APPEAL', 'REASSIGN')).toBe('PENDING');
    expect(change('ASYLUM_OR_REFUGEE_STATUS', fresh, 'APPEAL', 'DECLINE')).toBe('DECLINED');
  });

  it('keeps a declined step in the way until it is given to another owner', () => {
    const declined = stepsOf('RESETTLEMENT', {}, { REFERRAL: 'DECLINED' });
    expect(reasonOf(() => change('RESETTLEMENT', declined, 'SUBMISSION', 'START'))).toBe(
      'STAY_STEP_OUT_OF_ORDER',
    );
  });

  it('lets a step end only with an outcome it can have', () => {
    const registering = stepsOf('ASYLUM_OR_REFUGEE_STATUS', {}, { REGISTRATION: 'IN_PROGRESS' });
    expect(
      reasonOf(() => change('ASYLUM_OR_REFUGEE_STATUS', registering, 'REGISTRATION', 'COMPLETE', 'GRANTED')),
    ).toBe('STAY_OUTCOME_NOT_ALLOWED');
    expect(
      reasonOf(() => change('ASYLUM_OR_REFUGEE_STATUS', registering, 'REGISTRATION', 'COMPLETE', null)),
    ).toBe('STAY_OUTCOME_NOT_ALLOWED');
    const deciding = stepsOf(
      'ASYLUM_OR_REFUGEE_STATUS',
      { REGISTRATION: 'COMPLETED', INTERVIEW: 'COMPLETED' },
      { DECISION: 'IN_PROGRESS' },
    );
    expect(
      reasonOf(() => change('ASYLUM_OR_REFUGEE_STATUS', deciding, 'DECISION', 'COMPLETE', 'NOT_NEEDED')),
    ).toBe('STAY_OUTCOME_NOT_ALLOWED');
    expect(change('ASYLUM_OR_REFUGEE_STATUS', deciding, 'DECISION', 'COMPLETE', 'REFUSED')).toBe('DONE');
  });

  it('skips a step that will not be needed without starting it, and only such a step', () => {
    const registered = stepsOf('ASYLUM_OR_REFUGEE_STATUS', { REGISTRATION: 'COMPLETED' });
    expect(change('ASYLUM_OR_REFUGEE_STATUS', registered, 'INTERVIEW', 'COMPLETE', 'NOT_NEEDED')).toBe(
      'DONE',
    );
    expect(
      reasonOf(() => change('ASYLUM_OR_REFUGEE_STATUS', registered, 'INTERVIEW', 'COMPLETE', 'COMPLETED')),
    ).toBe('STEP_TRANSITION_NOT_ALLOWED');
  });

  it('lets only the step’s owner decline it', () => {
    const steps = stepsOf('RESETTLEMENT');
    expect(
      reasonOf(() => change('RESETTLEMENT', steps, 'REFERRAL', 'DECLINE', null, 'org-pathway-owner')),
    ).toBe('STAY_STEP_NOT_OWNER');
  });

  it('changes nothing in a settled pathway, and knows no step of another pathway', () => {
    const steps = stepsOf('RESETTLEMENT');
    expect(
      reasonOf(() =>
        stayStepChange({
          pathway: 'RESETTLEMENT',
          pathwayStatus: 'GRANTED',
          steps,
          step: 'REFERRAL',
          action: 'START',
          outcome: null,
          actorOrganisationId: OWNER,
        }),
      ),
    ).toBe('STAY_PATHWAY_CLOSED');
    expect(reasonOf(() => change('RESETTLEMENT', steps, 'APPEAL', 'START'))).toBe('STEP_NOT_FOUND');
  });
});

describe('stay pathway settlement', () => {
  it('grants asylum on a positive decision at once, with no appeal needed', () => {
    const steps = stepsOf('ASYLUM_OR_REFUGEE_STATUS', {
      REGISTRATION: 'COMPLETED',
      INTERVIEW: 'COMPLETED',
      DECISION: 'GRANTED',
    });
    expect(stayPathwaySettlement('ASYLUM_OR_REFUGEE_STATUS', steps)).toEqual({
      status: 'GRANTED',
      notNeeded: ['APPEAL'],
    });
  });

  it('waits for the appeal after a refusal, and follows its outcome', () => {
    const refused = { REGISTRATION: 'COMPLETED', INTERVIEW: 'COMPLETED', DECISION: 'REFUSED' } as const;
    expect(
      stayPathwaySettlement('ASYLUM_OR_REFUGEE_STATUS', stepsOf('ASYLUM_OR_REFUGEE_STATUS', refused)),
    ).toBeNull();
    for (const [appeal, status] of [
      ['GRANTED', 'GRANTED'],
      ['REFUSED', 'REFUSED'],
      ['NOT_NEEDED', 'REFUSED'],
    ] as const) {
      const steps = stepsOf('ASYLUM_OR_REFUGEE_STATUS', { ...refused, APPEAL: appeal });
      expect(stayPathwaySettlement('ASYLUM_OR_REFUGEE_STATUS', steps)).toEqual({ status, notNeeded: [] });
    }
  });

  it('ends a permit on a refusal, and otherwise on its renewal', () => {
    expect(
      stayPathwaySettlement(
        'TEMPORARY_PERMIT',
        stepsOf('TEMPORARY_PERMIT', { APPLICATION: 'COMPLETED', DECISION: 'REFUSED' }),
      ),
    ).toEqual({ status: 'REFUSED', notNeeded: ['ISSUANCE', 'RENEWAL'] });
    const issued = { APPLICATION: 'COMPLETED', DECISION: 'GRANTED', ISSUANCE: 'COMPLETED' } as const;
    expect(stayPathwaySettlement('TEMPORARY_PERMIT', stepsOf('TEMPORARY_PERMIT', issued))).toBeNull();
    expect(
      stayPathwaySettlement(
        'TEMPORARY_PERMIT',
        stepsOf('TEMPORARY_PERMIT', { ...issued, RENEWAL: 'NOT_NEEDED' }),
      ),
    ).toEqual({ status: 'GRANTED', notNeeded: [] });
    expect(
      stayPathwaySettlement(
        'TEMPORARY_PERMIT',
        stepsOf('TEMPORARY_PERMIT', { ...issued, RENEWAL: 'REFUSED' }),
      ),
    ).toEqual({ status: 'REFUSED', notNeeded: [] });
  });

  it('resettles once the person has travelled, and ends on a third country’s refusal', () => {
    const accepted = { REFERRAL: 'COMPLETED', SUBMISSION: 'COMPLETED', ACCEPTANCE: 'GRANTED' } as const;
    expect(stayPathwaySettlement('RESETTLEMENT', stepsOf('RESETTLEMENT', accepted))).toBeNull();
    expect(
      stayPathwaySettlement('RESETTLEMENT', stepsOf('RESETTLEMENT', { ...accepted, TRAVEL: 'COMPLETED' })),
    ).toEqual({
      status: 'GRANTED',
      notNeeded: [],
    });
    expect(
      stayPathwaySettlement(
        'RESETTLEMENT',
        stepsOf('RESETTLEMENT', { REFERRAL: 'COMPLETED', SUBMISSION: 'COMPLETED', ACCEPTANCE: 'REFUSED' }),
      ),
    ).toEqual({ status: 'REFUSED', notNeeded: ['TRAVEL'] });
  });
});

describe('what a stay pathway rests on', () => {
  const assessment = (overrides: Partial<Parameters<typeof returnFoundUnsafe>[0]> = {}) => ({
    id: 'assessment-1',
    conclusion: 'NOT_SAFE_TO_RETURN' as const,
    childTrack: false,
    returnInChildsBestInterest: null,
    ...overrides,
  });

  it('finds return unsafe on a NOT_SAFE conclusion, or when return is not in a child’s best interest', () => {
    expect(returnFoundUnsafe(assessment())).toBe(true);
    expect(returnFoundUnsafe(assessment({ conclusion: 'RETURN_WITH_SAFEGUARDS' }))).toBe(false);
    expect(
      returnFoundUnsafe(
        assessment({ conclusion: 'SAFE_TO_RETURN', childTrack: true, returnInChildsBestInterest: false }),
      ),
    ).toBe(true);
    expect(
      returnFoundUnsafe(
        assessment({ conclusion: 'SAFE_TO_RETURN', childTrack: true, returnInChildsBestInterest: true }),
      ),
    ).toBe(false);
  });

  it('rests on the unsafe assessment when there is one, even with a reason given', () => {
    expect(stayPathwayBasis(assessment(), null)).toEqual({
      basis: 'UNSAFE_RETURN_ASSESSMENT',
      riskAssessmentId: 'assessment-1',
    });
    expect(stayPathwayBasis(assessment(), 'asked for asylum')).toEqual({
      basis: 'UNSAFE_RETURN_ASSESSMENT',
      riskAssessmentId: 'assessment-1',
    });
  });

  it('rests on a reason otherwise, and without one is refused', () => {
    const safe = assessment({ conclusion: 'SAFE_TO_RETURN' });
    expect(stayPathwayBasis(safe, 'asked for asylum')).toEqual({
      basis: 'DECISION_ROLE_REASON',
      riskAssessmentId: null,
    });
    expect(stayPathwayBasis(null, 'asked for asylum').basis).toBe('DECISION_ROLE_REASON');
    expect(reasonOf(() => stayPathwayBasis(safe, null))).toBe('RETURN_NOT_FOUND_UNSAFE');
    expect(reasonOf(() => stayPathwayBasis(null, null))).toBe('RETURN_NOT_FOUND_UNSAFE');
  });
});
