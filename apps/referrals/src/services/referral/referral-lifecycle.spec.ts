import { describe, expect, it } from '@jest/globals';
import { REFERRAL_STATUSES, workingCalendarFor, type ReferralStatus } from '@passage/schemas';
import {
  DEFAULT_REFERRAL_DUE_DURATIONS,
  REFERRAL_TRANSITIONS,
  assertReferralChange,
  referralDueAt,
  referralDueDurations,
  type ReferralSide,
} from './referral-lifecycle.js';

const HOUR = 3_600_000;

/** Every (from, to, side) the life cycle allows, written out by hand. */
const ALLOWED: readonly [ReferralStatus, ReferralStatus, ReferralSide][] = [
  ['PENDING', 'ACCEPTED', 'RECEIVER'],
  ['PENDING', 'DECLINED', 'RECEIVER'],
  ['PENDING', 'WITHDRAWN', 'SENDER'],
  ['ACCEPTED', 'IN_PROGRESS', 'RECEIVER'],
  ['ACCEPTED', 'WITHDRAWN', 'SENDER'],
  ['IN_PROGRESS', 'COMPLETED', 'RECEIVER'],
  ['IN_PROGRESS', 'WITHDRAWN', 'SENDER'],
];

function extras(to: ReferralStatus) {
  return {
    to,
    declineReason: to === 'DECLINED' ? ('NO_CAPACITY' as const) : null,
    outcome: to === 'COMPLETED' ? ('SERVICE_PROVIDED' as const) : null,
  };
}

describe('referral life cycle', () => {
  it('allows exactly the listed changes, each only to its own side', () => {
    for (const from of REFERRAL_STATUSES) {
      for (const to of REFERRAL_STATUSES) {
        for (const side of ['RECEIVER', 'SENDER'] as const) {
          const allowed = ALLOWED.some(([f, t, s]) => f === from && t === to && s === side);
          const attempt = () => assertReferralChange(from, extras(to), side);
          if (allowed) expect(attempt).not.toThrow();
          else
            expect(attempt).toThrow(
              expect.objectContaining({
                code: 'BAD_USER_INPUT',
                details: expect.objectContaining({ field: 'status' }),
              }),
            );
        }
      }
    }
    expect(Object.values(REFERRAL_TRANSITIONS).flat()).toHaveLength(ALLOWED.length);
  });

  it('tells a sender trying the provider’s step that it is the wrong side', () => {
    expect(() => assertReferralChange('PENDING', extras('ACCEPTED'), 'SENDER')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ reason: 'WRONG_SIDE' }) }),
    );
  });

  it('needs a reason to decline and an outcome to complete, and takes neither elsewhere', () => {
    const field = (name: string) =>
      expect.objectContaining({ details: expect.objectContaining({ field: name }) });
    expect(() => assertReferralChange('PENDING', { to: 'DECLINED' }, 'RECEIVER')).toThrow(
      field('declineReason'),
    );
    expect(() =>
      assertReferralChange('PENDING', { to: 'ACCEPTED', declineReason: 'OTHER' }, 'RECEIVER'),
    ).toThrow(field('declineReason'));
    expect(() => assertReferralChange('IN_PROGRESS', { to: 'COMPLETED' }, 'RECEIVER')).toThrow(
      field('outcome'),
    );
    expect(() =>
      assertReferralChange('ACCEPTED', { to: 'WITHDRAWN', outcome: 'SERVICE_PROVIDED' }, 'SENDER'),
    ).toThrow(field('outcome'));
  });

  it('names the field as the domain does and carries its own code as the reason', () => {
    expect(() => assertReferralChange('PENDING', { to: 'DECLINED' }, 'RECEIVER')).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        message: 'declineReason: say why the referral is declined',
        details: { field: 'declineReason', reason: 'DECLINE_REASON_REQUIRED' },
      }),
    );
    expect(() => assertReferralChange('COMPLETED', extras('IN_PROGRESS'), 'RECEIVER')).toThrow(
      expect.objectContaining({
        message: 'status: a COMPLETED referral cannot become IN_PROGRESS here',
        details: { field: 'status', reason: 'NOT_ALLOWED' },
      }),
    );
  });

  it('gives 48 working hours to answer and 72 to start, and no deadline to the service itself', () => {
    const calendar = workingCalendarFor('KH');
    // Wednesday 2026-03-04 10:00 UTC; Cambodia works Monday to Friday.
    const wednesday = new Date('2026-03-04T10:00:00Z');
    expect(referralDueAt('PENDING', wednesday, calendar)).toEqual(new Date('2026-03-06T10:00:00Z'));
    expect(referralDueAt('ACCEPTED', wednesday, calendar)).toEqual(new Date('2026-03-09T10:00:00Z'));
    expect(referralDueAt('IN_PROGRESS', wednesday, calendar)).toBeNull();
    for (const status of ['DECLINED', 'COMPLETED', 'WITHDRAWN'] as const) {
      expect(referralDueAt(status, wednesday, calendar)).toBeNull();
    }
  });

  it('takes overrides, including a deadline for running services, and refuses nonsense', () => {
    const durations = referralDueDurations({ PENDING: 4 * HOUR, IN_PROGRESS: 30 * 24 * HOUR });
    expect(durations).toEqual({
      PENDING: 4 * HOUR,
      ACCEPTED: DEFAULT_REFERRAL_DUE_DURATIONS.ACCEPTED,
      IN_PROGRESS: 30 * 24 * HOUR,
    });
    expect(() => referralDueDurations({ PENDING: 0 })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
    expect(() => referralDueDurations({ ACCEPTED: Number.NaN })).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        message: 'ACCEPTED: the due duration must be a positive number of ms',
        details: { field: 'ACCEPTED', reason: 'DUE_DURATION_INVALID' },
      }),
    );
  });
});
