import type {
  ReferralDeclineReason,
  ReferralOutcome,
  ReferralStatus,
  WorkingCalendar,
} from '@passage/schemas';
import { addWorkingTime } from '../../platform/index.js';
import { servicesErrors } from '../services.errors.js';

/** Which side of a referral may make a change: the provider it is addressed to, or the one that sent it. */
export type ReferralSide = 'RECEIVER' | 'SENDER';

/**
 * Every status a referral may move to next, and which side moves it there. The provider answers
 * (ACCEPTED or DECLINED), starts (IN_PROGRESS) and completes with an outcome; the sender may withdraw it
 * at any point before it is declined or completed. DECLINED, COMPLETED and WITHDRAWN are final.
 */
export const REFERRAL_TRANSITIONS: Readonly<
  Record<ReferralStatus, readonly { to: ReferralStatus; by: ReferralSide }[]>
> = {
  PENDING: [
    { to: 'ACCEPTED', by: 'RECEIVER' },
    { to: 'DECLINED', by: 'RECEIVER' },
    { to: 'WITHDRAWN', by: 'SENDER' },
  ],
  ACCEPTED: [
    { to: 'IN_PROGRESS', by: 'RECEIVER' },
    { to: 'WITHDRAWN', by: 'SENDER' },
  ],
  IN_PROGRESS: [
    { to: 'COMPLETED', by: 'RECEIVER' },
    { to: 'WITHDRAWN', by: 'SENDER' },
  ],
  DECLINED: [],
  COMPLETED: [],
  WITHDRAWN: [],
};

/** Statuses in which the provider holds the shared categories (the case's team). */
export const TEAM_STATUSES: readonly ReferralStatus[] = ['ACCEPTED', 'IN_PROGRESS'];

/** Statuses that still wait for someone and so can fall overdue. */
export const OPEN_REFERRAL_STATUSES = ['PENDING', 'ACCEPTED', 'IN_PROGRESS'] as const;
export type OpenReferralStatus = (typeof OPEN_REFERRAL_STATUSES)[number];

/** What a change carries besides the new status. */
export interface ReferralChange {
  to: ReferralStatus;
  declineReason?: ReferralDeclineReason | null;
  outcome?: ReferralOutcome | null;
}

/**
 * Refuses a change the life cycle does not allow, or one made by the wrong side, as bad input: a decline
 * needs a reason, a completion an outcome, and nothing else takes either.
 *
 * @throws CodedError BAD_USER_INPUT (a {@link servicesErrors} refusal) naming the field at fault.
 */
export function assertReferralChange(from: ReferralStatus, change: ReferralChange, side: ReferralSide): void {
  const allowed = REFERRAL_TRANSITIONS[from].find((transition) => transition.to === change.to);
  if (!allowed || allowed.by !== side) {
    throw servicesErrors.error(
      allowed ? 'WRONG_SIDE' : 'NOT_ALLOWED',
      `a ${from} referral cannot become ${change.to} here`,
      { field: 'status' },
    );
  }
  if ((change.to === 'DECLINED') !== Boolean(change.declineReason)) {
    throw change.to === 'DECLINED'
      ? servicesErrors.error('DECLINE_REASON_REQUIRED', 'say why the referral is declined', {
          field: 'declineReason',
        })
      : servicesErrors.error('DECLINE_REASON_NOT_ALLOWED', 'only a decline takes a reason', {
          field: 'declineReason',
        });
  }
  if ((change.to === 'COMPLETED') !== Boolean(change.outcome)) {
    throw change.to === 'COMPLETED'
      ? servicesErrors.error('OUTCOME_REQUIRED', 'a completed referral needs an outcome', {
          field: 'outcome',
        })
      : servicesErrors.error('OUTCOME_NOT_ALLOWED', 'only a completion takes an outcome', {
          field: 'outcome',
        });
  }
}

const HOUR_MS = 60 * 60 * 1000;

/** How long a referral may wait in each status before it is overdue; null: no due time. */
export type ReferralDueDurations = Readonly<Record<OpenReferralStatus, number | null>>;

/**
 * Defaults: the provider answers within 48 working hours and starts within 72 working hours of accepting.
 * How long a service runs (a shelter stay, counselling) is the survivor's need, not a deadline, so
 * IN_PROGRESS has none unless a node sets one.
 */
export const DEFAULT_REFERRAL_DUE_DURATIONS: ReferralDueDurations = {
  PENDING: 48 * HOUR_MS,
  ACCEPTED: 72 * HOUR_MS,
  IN_PROGRESS: null,
};

/**
 * The defaults with some durations replaced.
 *
 * @throws CodedError BAD_USER_INPUT (DUE_DURATION_INVALID) for a zero, negative or non-finite duration
 *   (a configuration mistake).
 */
export function referralDueDurations(
  overrides: Partial<Record<OpenReferralStatus, number | null>> = {},
): ReferralDueDurations {
  const merged = { ...DEFAULT_REFERRAL_DUE_DURATIONS, ...overrides };
  for (const status of OPEN_REFERRAL_STATUSES) {
    const duration = merged[status];
    if (duration !== null && (!Number.isFinite(duration) || duration <= 0)) {
      // The field names the status, so the message need not.
      throw servicesErrors.error('DUE_DURATION_INVALID', 'the due duration must be a positive number of ms', {
        field: status,
      });
    }
  }
  return merged;
}

/** When a referral that entered `status` at `enteredAt` falls overdue, in working time; null if never. */
export function referralDueAt(
  status: ReferralStatus,
  enteredAt: Date,
  calendar: WorkingCalendar,
  durations: ReferralDueDurations = DEFAULT_REFERRAL_DUE_DURATIONS,
): Date | null {
  if (!(OPEN_REFERRAL_STATUSES as readonly string[]).includes(status)) return null;
  const duration = durations[status as OpenReferralStatus];
  return duration === null ? null : addWorkingTime(enteredAt, duration, calendar);
}
