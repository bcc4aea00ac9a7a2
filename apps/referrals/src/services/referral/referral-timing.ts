import { workingCalendarFor, type ReferralStatus, type WorkingCalendarConfig } from '@passage/schemas';
import { referralDueAt, type ReferralDueDurations } from './referral-lifecycle.js';

/** Injection token of the {@link ReferralDueDurations} a node uses (defaults: `DEFAULT_REFERRAL_DUE_DURATIONS`). */
export const REFERRAL_DUE_DURATIONS = Symbol('REFERRAL_DUE_DURATIONS');

/** The referral due times with this node's durations, on the working calendar of the referral's country. */
export class ReferralTiming {
  constructor(
    private readonly durations: ReferralDueDurations,
    private readonly calendars: Readonly<Record<string, Omit<WorkingCalendarConfig, 'countryCode'>>> = {},
  ) {}

  /** When a referral entering `status` at `enteredAt` falls overdue; null when it has no due time. */
  dueAt(status: ReferralStatus, country: string, enteredAt: Date): Date | null {
    const calendar = workingCalendarFor(country, this.calendars[country] ?? {});
    return referralDueAt(status, enteredAt, calendar, this.durations);
  }
}
