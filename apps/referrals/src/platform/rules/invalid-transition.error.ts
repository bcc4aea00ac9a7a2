/** The state machines whose transitions the rules check. */
export type LifecycleName = 'RESCUE_REQUEST' | 'IDENTIFICATION' | 'FOLLOW_UP_TASK' | 'PENALTY';

/**
 * Why a transition was refused: the target is not reachable from the current state; a resolution came
 * without an outcome; the outcome cannot be reached from the current state; or an outcome was given for
 * a transition that takes none.
 */
export type InvalidTransitionReason =
  'NOT_ALLOWED' | 'OUTCOME_REQUIRED' | 'OUTCOME_NOT_ALLOWED' | 'UNEXPECTED_OUTCOME';

/**
 * Thrown when a state change breaks a lifecycle. Services map the stable code to a conflict at the edge;
 * the message names both states (and the outcome) so the log says exactly what was attempted, and holds
 * no personal data.
 */
export class InvalidTransitionError extends Error {
  readonly code = 'INVALID_TRANSITION';

  constructor(
    readonly lifecycle: LifecycleName,
    readonly from: string,
    readonly to: string,
    readonly reason: InvalidTransitionReason,
    readonly outcome: string | null = null,
  ) {
    super(
      `Invalid ${lifecycle} transition from ${from} to ${to}` +
        (outcome === null ? '' : ` with outcome ${outcome}`) +
        ` (${reason})`,
    );
    this.name = 'InvalidTransitionError';
  }
}
