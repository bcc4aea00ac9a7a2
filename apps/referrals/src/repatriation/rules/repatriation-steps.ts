import type {
  RepatriationPlanStatus,
  RepatriationStepKind,
  RepatriationStepStatus,
  StayStepStatus,
} from '@passage/schemas';
import { RepatriationRuleError } from './repatriation-rule.error.js';

/**
 * Every status a step may move to next. DONE is final; a step is never done without having been started
 * (so its recorded duration is real), and a blocked step is either resumed or, when the blocking answer
 * arrives late, completed.
 */
export const REPATRIATION_STEP_TRANSITIONS: Readonly<
  Record<RepatriationStepStatus, readonly RepatriationStepStatus[]>
> = {
  PENDING: ['IN_PROGRESS', 'BLOCKED'],
  IN_PROGRESS: ['BLOCKED', 'DONE'],
  BLOCKED: ['IN_PROGRESS', 'DONE'],
  DONE: [],
};

/** Steps that put the person on the move: nobody books, escorts or receives before the plan is approved. */
export const STEPS_AFTER_APPROVAL: readonly RepatriationStepKind[] = ['TRAVEL_BOOKED', 'ESCORT', 'RECEPTION'];

/** Who moves a step: the organisations doing case work, or the immigration authority answering. */
export type StepChangeSource = 'CASE_WORK' | 'IMMIGRATION_ANSWER';

/**
 * Checks a change of a step's status against the step life cycle and the plan's status.
 *
 * @throws RepatriationRuleError when the change is refused.
 */
export function assertStepChange(change: {
  kind: RepatriationStepKind;
  from: RepatriationStepStatus;
  to: RepatriationStepStatus;
  planStatus: RepatriationPlanStatus;
  source: StepChangeSource;
}): void {
  const { kind, from, to, planStatus, source } = change;
  if (planStatus === 'COMPLETED') {
    throw new RepatriationRuleError('PLAN_NOT_PREPARING', `the plan is completed; ${kind} cannot change`);
  }
  if (!REPATRIATION_STEP_TRANSITIONS[from].includes(to)) {
    throw new RepatriationRuleError(
      'STEP_TRANSITION_NOT_ALLOWED',
      `${kind} cannot move from ${from} to ${to}`,
    );
  }
  if (kind === 'EXIT_CLEARANCE' && to === 'DONE' && source !== 'IMMIGRATION_ANSWER') {
    throw new RepatriationRuleError(
      'STEP_ANSWERED_BY_IMMIGRATION',
      'EXIT_CLEARANCE is done only when the immigration authority grants it',
    );
  }
  if (STEPS_AFTER_APPROVAL.includes(kind) && planStatus !== 'APPROVED') {
    throw new RepatriationRuleError('STEP_NEEDS_APPROVAL', `${kind} waits until the plan is approved`);
  }
}

/**
 * A step not done by the end of its due day (`today` and `dueOn` are calendar days, YYYY-MM-DD); the
 * steps of a stay pathway fall due the same way.
 */
export function isStepOverdue(
  step: { status: RepatriationStepStatus | StayStepStatus; dueOn: string },
  today: string,
): boolean {
  return step.status !== 'DONE' && step.dueOn < today;
}

/**
 * The timestamps a step keeps after a change: entered when it first leaves PENDING, left when DONE. A
 * stay pathway's step keeps the time it was first entered even when it is given to another owner.
 */
export function stepTimesAfter(
  times: { enteredAt: Date | null; leftAt: Date | null },
  to: RepatriationStepStatus | StayStepStatus,
  at: Date,
): { enteredAt: Date | null; leftAt: Date | null } {
  return {
    enteredAt: times.enteredAt ?? (to === 'PENDING' ? null : at),
    leftAt: to === 'DONE' ? (times.leftAt ?? at) : null,
  };
}

/**
 * Checks that arrival can be confirmed: the plan is approved and every step but RECEPTION (which the
 * confirmation itself completes) is done.
 *
 * @throws RepatriationRuleError when it cannot.
 */
export function assertArrivalConfirmable(
  planStatus: RepatriationPlanStatus,
  steps: readonly { kind: RepatriationStepKind; status: RepatriationStepStatus }[],
): void {
  if (planStatus !== 'APPROVED') {
    throw new RepatriationRuleError(
      'PLAN_NOT_APPROVED',
      `arrival cannot be confirmed for a ${planStatus} plan`,
    );
  }
  const open = steps.filter((step) => step.kind !== 'RECEPTION' && step.status !== 'DONE');
  if (open.length > 0) {
    throw new RepatriationRuleError(
      'STEPS_NOT_DONE',
      `arrival needs every step done first; still open: ${open.map((step) => step.kind).join(', ')}`,
    );
  }
}
