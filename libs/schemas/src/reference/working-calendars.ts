import { z } from 'zod';
import { isKnownCountry } from './countries.js';

/**
 * Working calendars decide which days count towards due times (acknowledging a rescue request, answering
 * a referral). A calendar is a set of working weekdays plus dated public holidays.
 *
 * Days are UTC calendar days. Real offices work in their own time zone, so a deadline can fall a few hours
 * off local midnight; per-country offsets are a later refinement. Using UTC keeps every node computing the
 * same due time for the same request.
 */

/** Weekday names, indexed like `Date.prototype.getUTCDay` (Sunday is 0). */
export const WEEKDAYS = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WorkingCalendar {
  /** ISO 3166-1 alpha-2 code of the country whose calendar this is, when it is one. */
  countryCode: string | null;
  workingDays: ReadonlySet<Weekday>;
  /** Public holidays as ISO dates (`2026-04-13`); they are non-working whatever the weekday. */
  holidays: ReadonlySet<string>;
}

/** Configuration a calendar is built from, e.g. a node's config file or an admin screen. */
export interface WorkingCalendarConfig {
  countryCode?: string | null;
  /** Defaults to the country's usual week, or Monday to Friday. */
  workingDays?: readonly Weekday[];
  holidays?: readonly string[];
}

/** Monday to Friday: the public-administration week of most countries in scope. */
export const DEFAULT_WORKING_WEEK: readonly Weekday[] = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
];

/** Every day of the week, for tracks that must not pause at weekends (a node may choose it for rescues). */
export const EVERY_DAY: readonly Weekday[] = WEEKDAYS;

/**
 * Countries whose government offices do not work Monday to Friday. Deadlines fall on focal points and
 * public authorities, so their week is what counts. Malaysia keeps the default although four states
 * (Johor, Kedah, Kelantan, Terengganu) rest on Friday and Saturday; a node there can configure its own
 * week. We know of no country in scope whose national public week runs Monday to Saturday; a node that
 * works Saturdays configures it.
 */
export const COUNTRY_WORKING_WEEKS: Readonly<Partial<Record<string, readonly Weekday[]>>> = {
  // Brunei: Friday and Sunday are the rest days.
  BN: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'SATURDAY'],
  // Bangladesh and Egypt: Friday and Saturday are the weekend.
  BD: ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY'],
  EG: ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY'],
  // Nepal: Saturday is the only weekly rest day.
  NP: ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
};

/** Runtime schema of {@link WorkingCalendarConfig}; holiday dates must be real ISO calendar dates. */
export const workingCalendarConfigSchema = z.object({
  countryCode: z.string().refine(isKnownCountry, 'must be a country of the catalogue').nullable().optional(),
  workingDays: z.array(z.enum(WEEKDAYS)).min(1, 'a calendar needs at least one working day').optional(),
  holidays: z.array(z.iso.date()).optional(),
});

/** Thrown when a calendar configuration is invalid; `issues` lists every problem found. */
export class InvalidWorkingCalendarError extends Error {
  readonly code = 'INVALID_WORKING_CALENDAR';

  constructor(readonly issues: readonly string[]) {
    super(`Invalid working calendar: ${issues.join('; ')}`);
    this.name = 'InvalidWorkingCalendarError';
  }
}

/**
 * Builds a calendar from configuration. Without `workingDays` it takes the country's usual week, or
 * Monday to Friday.
 *
 * @throws InvalidWorkingCalendarError for an unknown country, an empty week or a malformed holiday.
 */
export function createWorkingCalendar(config: WorkingCalendarConfig = {}): WorkingCalendar {
  const parsed = workingCalendarConfigSchema.safeParse(config);
  if (!parsed.success) {
    throw new InvalidWorkingCalendarError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`),
    );
  }
  const countryCode = parsed.data.countryCode ?? null;
  const workingDays =
    parsed.data.workingDays ??
    (countryCode ? COUNTRY_WORKING_WEEKS[countryCode] : undefined) ??
    DEFAULT_WORKING_WEEK;
  return {
    countryCode,
    workingDays: new Set(workingDays),
    holidays: new Set(parsed.data.holidays ?? []),
  };
}

/** The calendar of a country, with its usual week and whatever holidays the node configured. */
export function workingCalendarFor(
  countryCode: string,
  overrides: Omit<WorkingCalendarConfig, 'countryCode'> = {},
): WorkingCalendar {
  return createWorkingCalendar({ ...overrides, countryCode });
}

/** True when the UTC calendar day containing `instant` is a working day of the calendar. */
export function isWorkingDay(calendar: WorkingCalendar, instant: Date): boolean {
  return (
    calendar.workingDays.has(WEEKDAYS[instant.getUTCDay()]) &&
    !calendar.holidays.has(instant.toISOString().slice(0, 10))
  );
}
