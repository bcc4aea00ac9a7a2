import type {
  FollowUpTaskAction,
  FollowUpTaskKind,
  FollowUpTaskStatus,
  WorkingCalendar,
} from '@passage/schemas';
import { InvalidTransitionError, addWorkingTime } from '../../platform/index.js';

/**
 * The life cycle of a follow-up task. An OPEN task is completed (DONE), declined with a reason
 * (DECLINED), or handed to another organisation or person, which leaves it OPEN. DONE and DECLINED are
 * final: a task done wrongly is a new fact for the case, not a rewritten old one.
 */
const STATUS_AFTER: Readonly<Record<FollowUpTaskAction, FollowUpTaskStatus>> = {
  COMPLETED: 'DONE',
  DECLINED: 'DECLINED',
  REASSIGNED: 'OPEN',
};

const ACTIONS_FROM: Readonly<Record<FollowUpTaskStatus, readonly FollowUpTaskAction[]>> = {
  OPEN: ['COMPLETED', 'DECLINED', 'REASSIGNED'],
  DONE: [],
  DECLINED: [],
};

/** What may still be done to a task in `status`. */
export function allowedFollowUpActions(status: FollowUpTaskStatus): readonly FollowUpTaskAction[] {
  return ACTIONS_FROM[status];
}

/**
 * The status a task in `from` has after `action`.
 *
 * @throws InvalidTransitionError (code `INVALID_TRANSITION`) naming both statuses.
 */
export function followUpTaskStatusAfter(
  from: FollowUpTaskStatus,
  action: FollowUpTaskAction,
): FollowUpTaskStatus {
  const to = STATUS_AFTER[action];
  if (!ACTIONS_FROM[from].includes(action)) {
    throw new InvalidTransitionError('FOLLOW_UP_TASK', from, to, 'NOT_ALLOWED');
  }
  return to;
}

/**
 * How long each task may stay open, in the jurisdiction's working time. Release comes first: every day
 * in detention after reasonable grounds is punishment the principle forbids. The notice that stops
 * prosecution and fines follows within two working days, a lawyer within a working week.
 */
export const FOLLOW_UP_DUE_WITHIN_MS: Readonly<Record<FollowUpTaskKind, number>> = {
  RELEASE_FROM_DETENTION: 24 * 3600_000,
  NON_PUNISHMENT_NOTICE: 2 * 24 * 3600_000,
  LEGAL_AID: 5 * 24 * 3600_000,
};

/** When a task of `kind` opened at `openedAt` falls overdue, on the jurisdiction's working calendar. */
export function followUpTaskDueAt(kind: FollowUpTaskKind, openedAt: Date, calendar: WorkingCalendar): Date {
  return addWorkingTime(openedAt, FOLLOW_UP_DUE_WITHIN_MS[kind], calendar);
}

/** Whether a task is still open past its due time. */
export function isFollowUpTaskOverdue(
  task: { status: FollowUpTaskStatus; dueAt: Date | null },
  now: Date,
): boolean {
  return task.status === 'OPEN' && task.dueAt !== null && task.dueAt.getTime() < now.getTime();
}
