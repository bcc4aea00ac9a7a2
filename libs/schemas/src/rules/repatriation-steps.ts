import { RepatriationRuleError } from './repatriation-rule.error.js';

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

/** How an immigration authority answers an exit-clearance request. */
export const EXIT_CLEARANCE_DECISIONS = ['GRANTED', 'REFUSED'] as const;
export type ExitClearanceDecision = (typeof EXIT_CLEARANCE_DECISIONS)[number];

/**
 * An exit-clearance request is PENDING until answered; WITHDRAWN when a new request replaces it (after a
 * refusal, or when the travel document changed).
 */
export const EXIT_CLEARANCE_STATUSES = ['PENDING', 'GRANTED', 'REFUSED', 'WITHDRAWN'] as const;
export type ExitClearanceStatus = (typeof EXIT_CLEARANCE_STATUSES)[number];

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

/** A step not done by the end of its due day (`today` and `dueOn` are calendar days, YYYY-MM-DD). */
export function isStepOverdue(
  step: { status: RepatriationStepStatus; dueOn: string },
  today: string,
): boolean {
  return step.status !== 'DONE' && step.dueOn < today;
}

/** The timestamps a step keeps after a change: entered when it first leaves PENDING, left when DONE. */
export function stepTimesAfter(
  times: { enteredAt: Date | null; leftAt: Date | null },
  to: RepatriationStepStatus,
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
