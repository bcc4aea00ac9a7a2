import { describe, expect, it } from '@jest/globals';
import {
  FOLLOW_UP_TASK_ACTIONS,
  FOLLOW_UP_TASK_STATUSES,
  createWorkingCalendar,
  type FollowUpTaskAction,
  type FollowUpTaskStatus,
} from '@passage/schemas';
import { InvalidTransitionError } from '../../platform/index.js';
import {
  allowedFollowUpActions,
  followUpTaskDueAt,
  followUpTaskStatusAfter,
  isFollowUpTaskOverdue,
} from './follow-up-task-lifecycle.js';

const VALID: ReadonlyArray<[FollowUpTaskStatus, FollowUpTaskAction, FollowUpTaskStatus]> = [
  ['OPEN', 'COMPLETED', 'DONE'],
  ['OPEN', 'DECLINED', 'DECLINED'],
  ['OPEN', 'REASSIGNED', 'OPEN'],
];

describe('follow-up task life cycle', () => {
  it.each(VALID)('%s, %s → %s', (from, action, to) => {
    expect(followUpTaskStatusAfter(from, action)).toBe(to);
    expect(allowedFollowUpActions(from)).toContain(action);
  });

  it('refuses everything else, naming both statuses', () => {
    const valid = new Set(VALID.map(([from, action]) => `${from}>${action}`));
    let refused = 0;
    for (const from of FOLLOW_UP_TASK_STATUSES) {
      for (const action of FOLLOW_UP_TASK_ACTIONS) {
        if (valid.has(`${from}>${action}`)) continue;
        expect(() => followUpTaskStatusAfter(from, action)).toThrow(InvalidTransitionError);
        expect(() => followUpTaskStatusAfter(from, action)).toThrow(
          expect.objectContaining({ lifecycle: 'FOLLOW_UP_TASK', from, reason: 'NOT_ALLOWED' }),
        );
        expect(allowedFollowUpActions(from)).not.toContain(action);
        refused++;
      }
    }
    // Done and declined tasks are final: nothing may be done to them.
    expect(refused).toBe(6);
    expect(allowedFollowUpActions('DONE')).toEqual([]);
    expect(allowedFollowUpActions('DECLINED')).toEqual([]);
  });
});

describe('follow-up task due times', () => {
  const weekdays = createWorkingCalendar();
  // Friday 17 April 2026, 10:00 UTC; the calendar's week is Monday to Friday.
  const friday = new Date('2026-04-17T10:00:00Z');

  it.each([
    ['RELEASE_FROM_DETENTION', '2026-04-20T10:00:00.000Z'],
    ['NON_PUNISHMENT_NOTICE', '2026-04-21T10:00:00.000Z'],
    ['LEGAL_AID', '2026-04-24T10:00:00.000Z'],
  ] as const)('%s is due on %s, counted in working days', (kind, due) => {
    expect(followUpTaskDueAt(kind, friday, weekdays).toISOString()).toBe(due);
  });

  it('counts an open task as overdue only once its due time has passed', () => {
    const dueAt = new Date('2026-04-20T10:00:00Z');
    expect(isFollowUpTaskOverdue({ status: 'OPEN', dueAt }, new Date('2026-04-20T10:00:00Z'))).toBe(false);
    expect(isFollowUpTaskOverdue({ status: 'OPEN', dueAt }, new Date('2026-04-20T10:00:01Z'))).toBe(true);
    expect(isFollowUpTaskOverdue({ status: 'DONE', dueAt }, new Date('2026-05-01T00:00:00Z'))).toBe(false);
    expect(isFollowUpTaskOverdue({ status: 'DECLINED', dueAt }, new Date('2026-05-01T00:00:00Z'))).toBe(
      false,
    );
    expect(isFollowUpTaskOverdue({ status: 'OPEN', dueAt: null }, new Date('2030-01-01T00:00:00Z'))).toBe(
      false,
    );
  });
});
