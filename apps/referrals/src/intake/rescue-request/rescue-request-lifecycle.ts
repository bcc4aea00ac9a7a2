import {
  RESCUE_OUTCOMES,
  type RescueOutcome,
  type RescueRequestStatus,
  type WorkingCalendar,
} from '@passage/schemas';
import { InvalidTransitionError, addWorkingTime } from '../../platform/index.js';

/**
 * The lifecycle of a rescue request: SUBMITTED → ACKNOWLEDGED → VERIFYING → OPERATION_PLANNED →
 * RESOLVED → CLOSED. The statuses and outcomes themselves are defined once, with the exchange messages
 * that carry them between nodes.
 *
 * The working states follow one another without skips, so that every request is owned (acknowledged)
 * and checked (verifying) before an operation is planned. Resolution is the exception, because what
 * happens to the people does not wait for the paperwork: someone may escape, be ransomed or be moved to
 * another compound at any point after the request was acknowledged. Each outcome therefore lists the
 * states it may be recorded from ({@link RESCUE_RESOLUTION_SOURCES}); a request is never resolved
 * straight from SUBMITTED, and CLOSED follows only RESOLVED.
 *
 * MOVED resolves the request for this location only. The people are still held, now elsewhere: the focal
 * point opens a follow-up request for the new location ({@link requiresFollowUpRequest}) rather than
 * keeping this one open, so each request keeps one location history and one set of due times.
 */

/** The statuses in which a request is still being worked on and has a due time. */
export const OPEN_RESCUE_REQUEST_STATUSES = [
  'SUBMITTED',
  'ACKNOWLEDGED',
  'VERIFYING',
  'OPERATION_PLANNED',
] as const;
export type OpenRescueRequestStatus = (typeof OPEN_RESCUE_REQUEST_STATUSES)[number];

/** Every status a request may move to next, outcome constraints aside. */
export const RESCUE_REQUEST_TRANSITIONS: Readonly<
  Record<RescueRequestStatus, readonly RescueRequestStatus[]>
> = {
  SUBMITTED: ['ACKNOWLEDGED'],
  ACKNOWLEDGED: ['VERIFYING', 'RESOLVED'],
  VERIFYING: ['OPERATION_PLANNED', 'RESOLVED'],
  OPERATION_PLANNED: ['RESOLVED'],
  RESOLVED: ['CLOSED'],
  CLOSED: [],
};

/**
 * The statuses from which each outcome may be recorded.
 * - RELEASED and NOT_FOUND: the result of looking, so verification must at least have started.
 * - ESCAPED, RANSOMED, MOVED: events the people live through whatever the authorities are doing.
 * - DECLINED: the people reached declined help, or the authority declined to act (the reason is
 *   recorded with it); possible at any point once the request is owned.
 */
export const RESCUE_RESOLUTION_SOURCES: Readonly<Record<RescueOutcome, readonly RescueRequestStatus[]>> = {
  RELEASED: ['VERIFYING', 'OPERATION_PLANNED'],
  ESCAPED: ['ACKNOWLEDGED', 'VERIFYING', 'OPERATION_PLANNED'],
  RANSOMED: ['ACKNOWLEDGED', 'VERIFYING', 'OPERATION_PLANNED'],
  MOVED: ['ACKNOWLEDGED', 'VERIFYING', 'OPERATION_PLANNED'],
  NOT_FOUND: ['VERIFYING', 'OPERATION_PLANNED'],
  DECLINED: ['ACKNOWLEDGED', 'VERIFYING', 'OPERATION_PLANNED'],
};

/** The statuses a request in `from` may move to. */
export function allowedRescueRequestTransitions(from: RescueRequestStatus): readonly RescueRequestStatus[] {
  return RESCUE_REQUEST_TRANSITIONS[from];
}

/** The outcomes a request in `from` may be resolved with (empty when it cannot be resolved from there). */
export function allowedRescueOutcomes(from: RescueRequestStatus): readonly RescueOutcome[] {
  return RESCUE_OUTCOMES.filter((outcome) => RESCUE_RESOLUTION_SOURCES[outcome].includes(from));
}

/**
 * Checks a status change. A move to RESOLVED needs an outcome reachable from `from`; any other move must
 * come without one.
 *
 * @throws InvalidTransitionError (code `INVALID_TRANSITION`) naming both statuses.
 */
export function assertRescueRequestTransition(
  from: RescueRequestStatus,
  to: RescueRequestStatus,
  outcome: RescueOutcome | null = null,
): void {
  if (!RESCUE_REQUEST_TRANSITIONS[from].includes(to)) {
    throw new InvalidTransitionError('RESCUE_REQUEST', from, to, 'NOT_ALLOWED', outcome);
  }
  if (to !== 'RESOLVED') {
    if (outcome !== null)
      throw new InvalidTransitionError('RESCUE_REQUEST', from, to, 'UNEXPECTED_OUTCOME', outcome);
    return;
  }
  if (outcome === null) throw new InvalidTransitionError('RESCUE_REQUEST', from, to, 'OUTCOME_REQUIRED');
  if (!RESCUE_RESOLUTION_SOURCES[outcome].includes(from)) {
    throw new InvalidTransitionError('RESCUE_REQUEST', from, to, 'OUTCOME_NOT_ALLOWED', outcome);
  }
}

/** True when a status change with this outcome is valid; the non-throwing form of the assertion. */
export function canTransitionRescueRequest(
  from: RescueRequestStatus,
  to: RescueRequestStatus,
  outcome: RescueOutcome | null = null,
): boolean {
  try {
    assertRescueRequestTransition(from, to, outcome);
    return true;
  } catch (error) {
    if (error instanceof InvalidTransitionError) return false;
    throw error;
  }
}

/** True for an outcome after which the focal point must open a follow-up request (MOVED). */
export function requiresFollowUpRequest(outcome: RescueOutcome): boolean {
  return outcome === 'MOVED';
}

/** True while the request is being worked on (and so has a due time). */
export function isOpenRescueRequestStatus(status: RescueRequestStatus): status is OpenRescueRequestStatus {
  return (OPEN_RESCUE_REQUEST_STATUSES as readonly string[]).includes(status);
}

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** How long a request may stay in each open status, in working time. */
export type RescueRequestDueDurations = Readonly<Record<OpenRescueRequestStatus, number>>;

/**
 * Default time allowed in each open status before the next step is overdue and escalates: acknowledge
 * within 24 h of submission, start verification within 72 h of acknowledgement, plan the operation
 * within 7 days of starting verification, resolve within 14 days of planning. Nodes override them by
 * configuration ({@link rescueRequestDueDurations}).
 */
export const DEFAULT_RESCUE_REQUEST_DUE_DURATIONS: RescueRequestDueDurations = {
  SUBMITTED: 24 * HOUR_MS,
  ACKNOWLEDGED: 72 * HOUR_MS,
  VERIFYING: 7 * DAY_MS,
  OPERATION_PLANNED: 14 * DAY_MS,
};

/** Thrown for a due duration that is not a positive, finite number of milliseconds. */
export class InvalidDueDurationError extends Error {
  readonly code = 'INVALID_DUE_DURATION';

  constructor(readonly status: string) {
    super(`The due duration for ${status} must be a positive, finite number of milliseconds`);
    this.name = 'InvalidDueDurationError';
  }
}

/**
 * The defaults with some durations replaced.
 *
 * @throws InvalidDueDurationError for a zero, negative or non-finite override.
 */
export function rescueRequestDueDurations(
  overrides: Partial<Record<OpenRescueRequestStatus, number>> = {},
): RescueRequestDueDurations {
  const merged = { ...DEFAULT_RESCUE_REQUEST_DUE_DURATIONS, ...overrides };
  for (const status of OPEN_RESCUE_REQUEST_STATUSES) {
    const duration = merged[status];
    if (!Number.isFinite(duration) || duration <= 0) throw new InvalidDueDurationError(status);
  }
  return merged;
}

/**
 * When a request that entered `status` at `enteredAt` becomes overdue, counting working time on the
 * calendar of the country handling it; null for RESOLVED and CLOSED, which have no due time.
 */
export function rescueRequestDueAt(
  status: RescueRequestStatus,
  enteredAt: Date,
  calendar: WorkingCalendar,
  durations: RescueRequestDueDurations = DEFAULT_RESCUE_REQUEST_DUE_DURATIONS,
): Date | null {
  return isOpenRescueRequestStatus(status) ? addWorkingTime(enteredAt, durations[status], calendar) : null;
}
