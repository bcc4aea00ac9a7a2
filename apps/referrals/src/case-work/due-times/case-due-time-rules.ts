import type { WorkingCalendar } from '@passage/schemas';
import { addWorkingTime } from '../../platform/index.js';

/** The steps of a case that are due a number of working days after first contact. */
export const CASE_DUE_STEPS = ['SCREENING', 'IDENTIFICATION'] as const;
export type CaseDueStep = (typeof CASE_DUE_STEPS)[number];

/** How many working days after first contact each step is due. */
export type CaseDueWorkingDays = Readonly<Record<CaseDueStep, number>>;

/**
 * Defaults: screened within 3 working days of first contact, and a first decision beyond PENDING
 * (reasonable grounds, in practice) within 5. A reasonable-grounds decision is what releases a person from
 * detention and fines, so it is measured in days, not weeks; screening comes first and needs an
 * interpreter and a rested person, hence not the same day. ADR 022.
 */
export const DEFAULT_CASE_DUE_WORKING_DAYS: CaseDueWorkingDays = { SCREENING: 3, IDENTIFICATION: 5 };

const WORKING_DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When each step falls due: whole working days from first contact on the jurisdiction's calendar, so the
 * time of day is kept and rest days and public holidays (local days, in the country's time zone) are
 * skipped; first contact on a non-working day counts from the start of the next working day.
 */
export function caseDueTimes(
  firstContact: Date,
  calendar: WorkingCalendar,
  days: CaseDueWorkingDays = DEFAULT_CASE_DUE_WORKING_DAYS,
): Record<CaseDueStep, Date> {
  return {
    SCREENING: addWorkingTime(firstContact, days.SCREENING * WORKING_DAY_MS, calendar),
    IDENTIFICATION: addWorkingTime(firstContact, days.IDENTIFICATION * WORKING_DAY_MS, calendar),
  };
}
