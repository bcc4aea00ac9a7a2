/** Months after arrival at which reintegration is followed up, unless a node configures otherwise. */
export const DEFAULT_FOLLOW_UP_MONTHS: readonly number[] = [1, 3, 6, 12];

/**
 * The calendar day `months` after `arrival` (UTC), clamped to the end of a shorter month: arriving on
 * 31 January gives 28 or 29 February a month later, never 3 March.
 */
export function addCalendarMonths(arrival: Date, months: number): string {
  const year = arrival.getUTCFullYear();
  const month = arrival.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(arrival.getUTCDate(), lastDay);
  return new Date(Date.UTC(year, month, day)).toISOString().slice(0, 10);
}

/** The follow-ups due after an arrival: one per distinct month count, earliest first, as ISO dates. */
export function followUpSchedule(
  arrival: Date,
  months: readonly number[] = DEFAULT_FOLLOW_UP_MONTHS,
): { monthsAfter: number; dueOn: string }[] {
  return [...new Set(months)]
    .filter((count) => Number.isInteger(count) && count > 0)
    .sort((a, b) => a - b)
    .map((monthsAfter) => ({ monthsAfter, dueOn: addCalendarMonths(arrival, monthsAfter) }));
}
