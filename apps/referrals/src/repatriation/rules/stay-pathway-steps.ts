import type {
  ReturnRiskConclusion,
  StayPathwayBasis,
  StayPathwayKind,
  StayPathwayStatus,
  StayStepKind,
  StayStepOutcome,
  StayStepStatus,
} from '@passage/schemas';
import { RepatriationRuleError } from './repatriation-rule.error.js';

/** One step of a stay pathway: the outcomes it may end with, and those that settle the pathway at once. */
export interface StayStepRule {
  kind: StayStepKind;
  outcomes: readonly StayStepOutcome[];
  /** A decision with no remedy after it (or none needed) settles the pathway; later steps are not needed. */
  settles?: readonly ('GRANTED' | 'REFUSED')[];
}

/**
 * The steps of each pathway, in the order they are worked. An asylum claim is registered (with the
 * authority or UNHCR), heard (unless decided on the papers), decided, and appealed if refused; a grant
 * ends it. A permit is applied for and decided (a refusal ends it), issued, and renewed or not. A
 * resettlement is referred to UNHCR or IOM, submitted to a third country, accepted (a refusal ends it)
 * and travelled. When every step is done, the last decision taken says whether the person may stay.
 */
export const STAY_PATHWAY_STEPS: Readonly<Record<StayPathwayKind, readonly StayStepRule[]>> = {
  TEMPORARY_PERMIT: [
    { kind: 'APPLICATION', outcomes: ['COMPLETED'] },
    { kind: 'DECISION', outcomes: ['GRANTED', 'REFUSED'], settles: ['REFUSED'] },
    { kind: 'ISSUANCE', outcomes: ['COMPLETED'] },
    { kind: 'RENEWAL', outcomes: ['GRANTED', 'REFUSED', 'NOT_NEEDED'] },
  ],
  ASYLUM_OR_REFUGEE_STATUS: [
    { kind: 'REGISTRATION', outcomes: ['COMPLETED'] },
    { kind: 'INTERVIEW', outcomes: ['COMPLETED', 'NOT_NEEDED'] },
    { kind: 'DECISION', outcomes: ['GRANTED', 'REFUSED'], settles: ['GRANTED'] },
    { kind: 'APPEAL', outcomes: ['GRANTED', 'REFUSED', 'NOT_NEEDED'] },
  ],
  RESETTLEMENT: [
    { kind: 'REFERRAL', outcomes: ['COMPLETED'] },
    { kind: 'SUBMISSION', outcomes: ['COMPLETED'] },
    { kind: 'ACCEPTANCE', outcomes: ['GRANTED', 'REFUSED'], settles: ['REFUSED'] },
    { kind: 'TRAVEL', outcomes: ['COMPLETED'] },
  ],
};

/** The step kinds of a pathway, in order. */
export function stayStepKinds(pathway: StayPathwayKind): StayStepKind[] {
  return STAY_PATHWAY_STEPS[pathway].map((rule) => rule.kind);
}

/** What is wrong with the step kinds listed to open a pathway, or null: exactly the pathway's own, once each. */
export function stayStepsProblem(pathway: StayPathwayKind, kinds: readonly StayStepKind[]): string | null {
  const expected = stayStepKinds(pathway);
  if (new Set(kinds).size !== kinds.length) return 'must list each step kind exactly once';
  const missing = expected.filter((kind) => !kinds.includes(kind));
  if (missing.length > 0) return `must list ${missing.join(', ')}`;
  const foreign = kinds.filter((kind) => !expected.includes(kind));
  if (foreign.length > 0) return `${pathway} has no ${foreign.join(', ')} step`;
  return null;
}

/** What may be done to a step: its owner or the pathway's works it, its owner declines it, the pathway's owner gives it to another. */
export const STAY_STEP_ACTIONS = ['START', 'COMPLETE', 'DECLINE', 'REASSIGN'] as const;
export type StayStepAction = (typeof STAY_STEP_ACTIONS)[number];

/** The statuses each action starts from and the one it leads to. */
const ACTION_TRANSITIONS: Readonly<
  Record<StayStepAction, { from: readonly StayStepStatus[]; to: StayStepStatus }>
> = {
  START: { from: ['PENDING'], to: 'IN_PROGRESS' },
  COMPLETE: { from: ['IN_PROGRESS'], to: 'DONE' },
  DECLINE: { from: ['PENDING', 'IN_PROGRESS'], to: 'DECLINED' },
  REASSIGN: { from: ['PENDING', 'DECLINED'], to: 'PENDING' },
};

/** What the rules need to know of one step. */
export interface StayStepFacts {
  kind: StayStepKind;
  status: StayStepStatus;
  outcome: StayStepOutcome | null;
  ownerOrganisationId: string;
}

/**
 * Checks one action on one step of an open pathway and answers the step's status after it. Steps are
 * worked in order: one is started or completed only once every step before it is done. A step that will
 * not be needed (no appeal lodged) is completed NOT_NEEDED without being started. Only the step's owner
 * declines it; a declined or waiting step is given to another owner, and waits again.
 *
 * @throws RepatriationRuleError when the action is refused.
 */
export function stayStepChange(change: {
  pathway: StayPathwayKind;
  pathwayStatus: StayPathwayStatus;
  steps: readonly StayStepFacts[];
  step: StayStepKind;
  action: StayStepAction;
  outcome: StayStepOutcome | null;
  actorOrganisationId: string;
}): StayStepStatus {
  const { pathway, steps, action, outcome } = change;
  if (change.pathwayStatus !== 'OPEN') {
    throw new RepatriationRuleError('STAY_PATHWAY_CLOSED', `the pathway is ${change.pathwayStatus}`);
  }
  const rules = STAY_PATHWAY_STEPS[pathway];
  const index = rules.findIndex((rule) => rule.kind === change.step);
  const step = steps.find((candidate) => candidate.kind === change.step);
  if (index < 0 || !step) {
    throw new RepatriationRuleError('STEP_NOT_FOUND', `${pathway} has no ${change.step} step`);
  }
  const transition = ACTION_TRANSITIONS[action];
  const skipsUnstarted = action === 'COMPLETE' && outcome === 'NOT_NEEDED' && step.status === 'PENDING';
  if (!transition.from.includes(step.status) && !skipsUnstarted) {
    throw new RepatriationRuleError(
      'STEP_TRANSITION_NOT_ALLOWED',
      `${change.step} cannot ${action.toLowerCase()} from ${step.status}`,
    );
  }
  if (action === 'START' || action === 'COMPLETE') {
    const open = rules
      .slice(0, index)
      .filter((rule) => steps.find((candidate) => candidate.kind === rule.kind)?.status !== 'DONE');
    if (open.length > 0) {
      throw new RepatriationRuleError(
        'STAY_STEP_OUT_OF_ORDER',
        `${change.step} waits until ${open.map((rule) => rule.kind).join(', ')} ${open.length > 1 ? 'are' : 'is'} done`,
      );
    }
  }
  if (action === 'COMPLETE' && (outcome === null || !rules[index].outcomes.includes(outcome))) {
    throw new RepatriationRuleError(
      'STAY_OUTCOME_NOT_ALLOWED',
      `${change.step} ends ${rules[index].outcomes.join(' or ')}`,
    );
  }
  if (action === 'DECLINE' && step.ownerOrganisationId !== change.actorOrganisationId) {
    throw new RepatriationRuleError('STAY_STEP_NOT_OWNER', `only the owner of ${change.step} declines it`);
  }
  return transition.to;
}

/**
 * Whether the pathway's steps settle it, and how: a settling decision ends it at once (the steps left
 * are not needed), and once every step is done the last decision taken ends it. Null while it goes on.
 */
export function stayPathwaySettlement(
  pathway: StayPathwayKind,
  steps: readonly Pick<StayStepFacts, 'kind' | 'status' | 'outcome'>[],
): { status: 'GRANTED' | 'REFUSED'; notNeeded: StayStepKind[] } | null {
  const rules = STAY_PATHWAY_STEPS[pathway];
  const ordered = rules.map((rule) => ({
    rule,
    step: steps.find((candidate) => candidate.kind === rule.kind),
  }));
  const settling = ordered.findIndex(
    ({ rule, step }) =>
      step?.status === 'DONE' && rule.settles?.some((outcome) => outcome === step.outcome) === true,
  );
  if (settling >= 0) {
    return {
      status: ordered[settling].step!.outcome as 'GRANTED' | 'REFUSED',
      notNeeded: ordered
        .slice(settling + 1)
        .filter(({ step }) => step?.status !== 'DONE')
        .map(({ rule }) => rule.kind),
    };
  }
  if (ordered.some(({ step }) => step?.status !== 'DONE')) return null;
  const lastDecision = ordered
    .map(({ step }) => step!.outcome)
    .reverse()
    .find((outcome) => outcome === 'GRANTED' || outcome === 'REFUSED');
  // Every pathway has a decision that is never skipped, so a finished one always has one.
  return { status: lastDecision ?? 'REFUSED', notNeeded: [] };
}

/** What opening a pathway needs to know of the person's latest return risk assessment. */
export interface ReturnAssessmentFacts {
  id: string;
  conclusion: ReturnRiskConclusion;
  childTrack: boolean;
  returnInChildsBestInterest: boolean | null;
}

/**
 * Whether an assessment found return unsafe: concluded NOT_SAFE_TO_RETURN, or, for a child, found return
 * not in the child's best interest.
 */
export function returnFoundUnsafe(assessment: ReturnAssessmentFacts): boolean {
  return (
    assessment.conclusion === 'NOT_SAFE_TO_RETURN' ||
    (assessment.childTrack && assessment.returnInChildsBestInterest === false)
  );
}

/**
 * What a pathway rests on: the person's latest assessment when it found return unsafe, otherwise a
 * reason given by a supervisor or focal point (whose role the access policy checks). Neither: refused.
 *
 * @throws RepatriationRuleError RETURN_NOT_FOUND_UNSAFE
 */
export function stayPathwayBasis(
  latestAssessment: ReturnAssessmentFacts | null,
  reason: string | null,
): { basis: StayPathwayBasis; riskAssessmentId: string | null } {
  if (latestAssessment && returnFoundUnsafe(latestAssessment)) {
    return { basis: 'UNSAFE_RETURN_ASSESSMENT', riskAssessmentId: latestAssessment.id };
  }
  if (reason !== null) return { basis: 'DECISION_ROLE_REASON', riskAssessmentId: null };
  throw new RepatriationRuleError(
    'RETURN_NOT_FOUND_UNSAFE',
    latestAssessment
      ? `the latest risk assessment (${latestAssessment.conclusion}) does not find return unsafe; a supervisor or focal point may open the pathway with a reason`
      : 'no risk assessment found return unsafe; a supervisor or focal point may open the pathway with a reason',
  );
}
