import { describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { CodedError, fieldInArguments } from '@passage/shared';
import type { ReferralsConfig } from '../../platform/index.js';
import { RescueTiming } from './rescue-request.timing.js';

const HOUR = 3_600_000;

const timing = new RescueTiming({
  RESCUE_ACKNOWLEDGE_WITHIN_MS: 24 * HOUR,
  RESCUE_VERIFY_WITHIN_MS: 72 * HOUR,
  RESCUE_PLAN_OPERATION_WITHIN_MS: 168 * HOUR,
  RESCUE_RESOLVE_WITHIN_MS: 336 * HOUR,
  WORKING_CALENDARS: {},
} as unknown as ReferralsConfig);

describe('RescueTiming.assertTransition', () => {
  it('allows a step the life cycle allows', () => {
    expect(() => timing.assertTransition('SUBMITTED', 'ACKNOWLEDGED', null)).not.toThrow();
  });

  it('refuses a skipped step on the status field, with the rule reason', () => {
    expect(() => timing.assertTransition('SUBMITTED', 'OPERATION_PLANNED', null)).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        message: 'status: a request in SUBMITTED cannot move to OPERATION_PLANNED',
        details: { field: 'status', reason: 'NOT_ALLOWED' },
      }),
    );
  });

  it('refuses resolving without an outcome on the outcome field', () => {
    let thrown: unknown;
    try {
      timing.assertTransition('OPERATION_PLANNED', 'RESOLVED', null);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CodedError);
    expect(thrown).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'outcome: a request in OPERATION_PLANNED cannot move to RESOLVED',
      details: { field: 'outcome', reason: 'OUTCOME_REQUIRED' },
    });
  });

  it('is placed under the input argument at the GraphQL edge, whether or not the caller sent the field', () => {
    const args = { input: { id: 'r', status: 'OPERATION_PLANNED' } };
    expect(fieldInArguments('status', args)).toBe('input.status');
    expect(fieldInArguments('outcome', args)).toBe('input.outcome');
  });
});

describe('RescueTiming.onApplicationBootstrap', () => {
  it('says once which countries have no public holidays in the package', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      new RescueTiming({
        RESCUE_ACKNOWLEDGE_WITHIN_MS: 24 * HOUR,
        RESCUE_VERIFY_WITHIN_MS: 72 * HOUR,
        RESCUE_PLAN_OPERATION_WITHIN_MS: 168 * HOUR,
        RESCUE_RESOLVE_WITHIN_MS: 336 * HOUR,
        HOSTED_COUNTRIES: ['KH', 'TH', 'LA'],
        WORKING_CALENDARS: { KH: { holidays: ['2026-04-14'] } },
      } as unknown as ReferralsConfig).onApplicationBootstrap();
      expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
        expect.stringMatching(/^LA: no public holidays in date-holidays.*configure them$/),
      ]);
      expect(log.mock.calls.map(([message]) => String(message))).toEqual([
        expect.stringMatching(/^KH: .* 1 holiday\(s\) configured in WORKING_CALENDARS$/),
      ]);
    } finally {
      warn.mockRestore();
      log.mockRestore();
    }
  });
});
