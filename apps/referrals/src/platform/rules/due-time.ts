import { isWorkingDay, startOfNextLocalDay, type WorkingCalendar } from '@passage/schemas';

/** Thrown for a start that is not a valid date, a negative or non-finite duration, or a calendar without working days. */
export class InvalidDueTimeError extends Error {
  readonly code = 'INVALID_DUE_TIME';

  constructor(reason: string) {
    super(`Cannot compute a due time: ${reason}`);
    this.name = 'InvalidDueTimeError';
  }
}

/**
 * When a duration counted in working time ends. Non-working days (weekly rest days and holidays of the
 * calendar) are taken out of the timeline altogether, so:
 * - whole days keep the time of day: 24 h from Friday 10:00 ends on Monday 10:00 under a Monday-to-Friday
 *   week;
 * - a shorter duration that runs past midnight into a non-working day continues on the next working day:
 *   6 h from Friday 20:00 ends on Monday 02:00;
 * - a duration that ends exactly at midnight ends at the close of the working day (Saturday 00:00 for
 *   14 h from Friday 10:00), the earlier reading of the same instant;
 * - a start on a non-working day counts from 00:00 of the next working day.
 * Days are the calendar's local days, midnight to midnight in its time zone (a day across a clock change
 * is 23 or 25 hours long); the result is a new Date.
 *
 * @throws InvalidDueTimeError for an invalid start, a negative or non-finite duration, or a calendar with
 *   no working weekday.
 */
export function addWorkingTime(start: Date, durationMs: number, calendar: WorkingCalendar): Date {
  if (Number.isNaN(start.getTime())) throw new InvalidDueTimeError('the start is not a valid date');
  if (!Number.isFinite(durationMs) || durationMs < 0) {
    throw new InvalidDueTimeError('the duration must be a finite, non-negative number of milliseconds');
  }
  if (calendar.workingDays.size === 0) throw new InvalidDueTimeError('the calendar has no working day');

  let cursor = start.getTime();
  if (!isWorkingDay(calendar, new Date(cursor))) cursor = nextWorkingDayStart(cursor, calendar);
  let remaining = durationMs;
  for (;;) {
    const endOfDay = startOfNextLocalDay(calendar, new Date(cursor)).getTime();
    if (remaining <= endOfDay - cursor) return new Date(cursor + remaining);
    remaining -= endOfDay - cursor;
    cursor = isWorkingDay(calendar, new Date(endOfDay)) ? endOfDay : nextWorkingDayStart(endOfDay, calendar);
  }
}

/** Local 00:00 of the first working day after the day containing `instant`. */
function nextWorkingDayStart(instant: number, calendar: WorkingCalendar): number {
  let day = startOfNextLocalDay(calendar, new Date(instant)).getTime();
  while (!isWorkingDay(calendar, new Date(day))) day = startOfNextLocalDay(calendar, new Date(day)).getTime();
  return day;
}
