import { describe, expect, it } from '@jest/globals';
import {
  RESCUE_OUTCOMES,
  RESCUE_REQUEST_STATUSES,
  createWorkingCalendar,
  type RescueOutcome,
  type RescueRequestStatus,
} from '@passage/schemas';
import { InvalidTransitionError } from '../../platform/index.js';
import {
  DEFAULT_RESCUE_REQUEST_DUE_DURATIONS,
  InvalidDueDurationError,
  allowedRescueOutcomes,
  allowedRescueRequestTransitions,
  assertRescueRequestTransition,
  canTransitionRescueRequest,
  isOpenRescueRequestStatus,
  requiresFollowUpRequest,
  rescueRequestDueAt,
  rescueRequestDueDurations,
} from './rescue-request-lifecycle.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Every valid (from, to, outcome) triple, written out by hand. */
const VALID: ReadonlyArray<[RescueRequestStatus, RescueRequestStatus, RescueOutcome | null]> = [
  ['SUBMITTED', 'ACKNOWLEDGED', null],
  ['ACKNOWLEDGED', 'VERIFYING', null],
  ['VERIFYING', 'OPERATION_PLANNED', null],
  ['RESOLVED', 'CLOSED', null],
  ['ACKNOWLEDGED', 'RESOLVED', 'ESCAPED'],
  ['ACKNOWLEDGED', 'RESOLVED', 'RANSOMED'],
  ['ACKNOWLEDGED', 'RESOLVED', 'MOVED'],
  ['ACKNOWLEDGED', 'RESOLVED', 'DECLINED'],
  ['VERIFYING', 'RESOLVED', 'RELEASED'],
  ['VERIFYING', 'RESOLVED', 'ESCAPED'],
  ['VERIFYING', 'RESOLVED', 'RANSOMED'],
  ['VERIFYING', 'RESOLVED', 'MOVED'],
  ['VERIFYING', 'RESOLVED', 'NOT_FOUND'],
  ['VERIFYING', 'RESOLVED', 'DECLINED'],
  ['OPERATION_PLANNED', 'RESOLVED', 'RELEASED'],
  ['OPERATION_PLANNED', 'RESOLVED', 'ESCAPED'],
  ['OPERATION_PLANNED', 'RESOLVED', 'RANSOMED'],
  ['OPERATION_PLANNED', 'RESOLVED', 'MOVED'],
  ['OPERATION_PLANNED', 'RESOLVED', 'NOT_FOUND'],
  ['OPERATION_PLANNED', 'RESOLVED', 'DECLINED'],
];

const key = (from: string, to: string, outcome: string | null) => `${from}>${to}>${outcome ?? '-'}`;
const VALID_KEYS = new Set(VALID.map(([from, to, outcome]) => key(from, to, outcome)));
const ALL = RESCUE_REQUEST_STATUSES.flatMap((from) =>
  RESCUE_REQUEST_STATUSES.flatMap((to) =>
    [null, ...RESCUE_OUTCOMES].map(
      (outcome) => [from, to, outcome] as [RescueRequestStatus, RescueRequestStatus, RescueOutcome | null],
    ),
  ),
);

describe('rescue request lifecycle', () => {
  it.each(VALID)('allows %s → %s (outcome %s)', (from, to, outcome) => {
    expect(() => assertRescueRequestTransition(from, to, outcome)).not.toThrow();
    expect(canTransitionRescueRequest(from, to, outcome)).toBe(true);
  });

  it('refuses every other combination of statuses and outcomes', () => {
    const invalid = ALL.filter(([from, to, outcome]) => !VALID_KEYS.has(key(from, to, outcome)));
    expect(invalid.length).toBe(ALL.length - VALID.length);
    for (const [from, to, outcome] of invalid) {
      expect(() => assertRescueRequestTransition(from, to, outcome)).toThrow(InvalidTransitionError);
      expect(canTransitionRescueRequest(from, to, outcome)).toBe(false);
    }
  });

  it('names both statuses in a coded error', () => {
    expect(() => assertRescueRequestTransition('SUBMITTED', 'VERIFYING')).toThrow(
      expect.objectContaining({
        code: 'INVALID_TRANSITION',
        lifecycle: 'RESCUE_REQUEST',
        from: 'SUBMITTED',
        to: 'VERIFYING',
        reason: 'NOT_ALLOWED',
        message: expect.stringMatching(/SUBMITTED.*VERIFYING/),
      }),
    );
  });

  it.each([
    ['skipping acknowledgement', 'SUBMITTED', 'VERIFYING', null, 'NOT_ALLOWED'],
    ['skipping verification', 'ACKNOWLEDGED', 'OPERATION_PLANNED', null, 'NOT_ALLOWED'],
    ['resolving before acknowledgement', 'SUBMITTED', 'RESOLVED', 'ESCAPED', 'NOT_ALLOWED'],
    ['closing an open request', 'OPERATION_PLANNED', 'CLOSED', null, 'NOT_ALLOWED'],
    ['going back', 'VERIFYING', 'ACKNOWLEDGED', null, 'NOT_ALLOWED'],
    ['reopening a closed request', 'CLOSED', 'SUBMITTED', null, 'NOT_ALLOWED'],
    ['staying put', 'VERIFYING', 'VERIFYING', null, 'NOT_ALLOWED'],
    ['resolving without an outcome', 'OPERATION_PLANNED', 'RESOLVED', null, 'OUTCOME_REQUIRED'],
    ['releasing before any verification', 'ACKNOWLEDGED', 'RESOLVED', 'RELEASED', 'OUTCOME_NOT_ALLOWED'],
    ['not finding before looking', 'ACKNOWLEDGED', 'RESOLVED', 'NOT_FOUND', 'OUTCOME_NOT_ALLOWED'],
    ['an outcome on a non-resolving step', 'VERIFYING', 'OPERATION_PLANNED', 'ESCAPED', 'UNEXPECTED_OUTCOME'],
    ['an outcome on closing', 'RESOLVED', 'CLOSED', 'RELEASED', 'UNEXPECTED_OUTCOME'],
  ] as const)('refuses %s with reason %s', (_label, from, to, outcome, reason) => {
    expect(() => assertRescueRequestTransition(from, to, outcome)).toThrow(
      expect.objectContaining({ code: 'INVALID_TRANSITION', from, to, reason }),
    );
  });

  it('lists the allowed next statuses', () => {
    expect(allowedRescueRequestTransitions('SUBMITTED')).toEqual(['ACKNOWLEDGED']);
    expect(allowedRescueRequestTransitions('VERIFYING')).toEqual(['OPERATION_PLANNED', 'RESOLVED']);
    expect(allowedRescueRequestTransitions('RESOLVED')).toEqual(['CLOSED']);
    expect(allowedRescueRequestTransitions('CLOSED')).toEqual([]);
  });

  it('lists the outcomes reachable from each status', () => {
    expect(allowedRescueOutcomes('SUBMITTED')).toEqual([]);
    expect(allowedRescueOutcomes('ACKNOWLEDGED')).toEqual(['ESCAPED', 'RANSOMED', 'MOVED', 'DECLINED']);
    expect(allowedRescueOutcomes('OPERATION_PLANNED')).toEqual([...RESCUE_OUTCOMES]);
    expect(allowedRescueOutcomes('RESOLVED')).toEqual([]);
    expect(allowedRescueOutcomes('CLOSED')).toEqual([]);
  });

  it('asks for a follow-up request only when the people were moved', () => {
    for (const outcome of RESCUE_OUTCOMES) expect(requiresFollowUpRequest(outcome)).toBe(outcome === 'MOVED');
  });

  it('treats the four working statuses as open', () => {
    expect(RESCUE_REQUEST_STATUSES.filter(isOpenRescueRequestStatus)).toEqual([
      'SUBMITTED',
      'ACKNOWLEDGED',
      'VERIFYING',
      'OPERATION_PLANNED',
    ]);
  });
});

describe('rescue request due times', () => {
  const weekdays = createWorkingCalendar();

  it('defaults to 24 h, 72 h, 7 days and 14 days', () => {
    expect(DEFAULT_RESCUE_REQUEST_DUE_DURATIONS).toEqual({
      SUBMITTED: 24 * HOUR,
      ACKNOWLEDGED: 72 * HOUR,
      VERIFYING: 7 * DAY,
      OPERATION_PLANNED: 14 * DAY,
    });
  });

  it('accepts overrides and keeps the other defaults', () => {
    expect(rescueRequestDueDurations({ SUBMITTED: 4 * HOUR })).toEqual({
      ...DEFAULT_RESCUE_REQUEST_DUE_DURATIONS,
      SUBMITTED: 4 * HOUR,
    });
    expect(rescueRequestDueDurations()).toEqual(DEFAULT_RESCUE_REQUEST_DUE_DURATIONS);
  });

  it.each([0, -HOUR, Number.NaN, Number.POSITIVE_INFINITY])('refuses an override of %s', (duration) => {
    expect(() => rescueRequestDueDurations({ VERIFYING: duration })).toThrow(InvalidDueDurationError);
    expect(() => rescueRequestDueDurations({ VERIFYING: duration })).toThrow(
      expect.objectContaining({ code: 'INVALID_DUE_DURATION', status: 'VERIFYING' }),
    );
  });

  it('computes the due time of an open status in working time', () => {
    // Submitted on Friday 17 April 2026 at 10:00 UTC: acknowledgement due Monday 10:00.
    expect(rescueRequestDueAt('SUBMITTED', new Date('2026-04-17T10:00:00Z'), weekdays)?.toISOString()).toBe(
      '2026-04-20T10:00:00.000Z',
    );
    expect(
      rescueRequestDueAt(
        'SUBMITTED',
        new Date('2026-04-17T10:00:00Z'),
        weekdays,
        rescueRequestDueDurations({ SUBMITTED: 2 * HOUR }),
      )?.toISOString(),
    ).toBe('2026-04-17T12:00:00.000Z');
  });

  it('has no due time once resolved or closed', () => {
    expect(rescueRequestDueAt('RESOLVED', new Date('2026-04-17T10:00:00Z'), weekdays)).toBeNull();
    expect(rescueRequestDueAt('CLOSED', new Date('2026-04-17T10:00:00Z'), weekdays)).toBeNull();
  });
});
