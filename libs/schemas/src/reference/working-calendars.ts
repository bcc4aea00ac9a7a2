import Holidays from 'date-holidays';
import { getCountry as timeZonesOfCountry, getTimezone } from 'countries-and-timezones';
import { z } from 'zod';
import { isKnownCountry } from './countries.js';

/**
 * Working calendars decide which days count towards due times (acknowledging a rescue request, answering
 * a referral). A calendar is a set of working weekdays plus dated public holidays, in a time zone.
 *
 * Days are the country's own calendar days: local midnight to local midnight in the calendar's IANA time
 * zone (a Friday 23:30 UTC is already Saturday in Bangkok). Public holidays come from the `date-holidays`
 * package (type `public` only); configured holidays add to them, and are the only source for countries the
 * package does not cover (Cambodia, Lao PDR, Myanmar, Timor-Leste, Nepal, …). See ADR 017. A calendar
 * without a country counts UTC days and configured holidays only. Every node computes the same due time
 * for the same request, as long as it runs the same package version and configuration.
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
  /** IANA time zone whose local dates are the calendar's days (`UTC` for a calendar without a country). */
  timeZone: string;
  workingDays: ReadonlySet<Weekday>;
  /** Configured holidays as local ISO dates (`2026-04-13`); they are non-working whatever the weekday. */
  holidays: ReadonlySet<string>;
  /**
   * True when `date-holidays` knows the country's public holidays; false when only the configured holidays
   * count, so an operator knows to configure them.
   */
  hasPublicHolidayData: boolean;
  /** The country's public holidays in a year, as local ISO dates; empty without package data. */
  publicHolidays(year: number): ReadonlySet<string>;
}

/** Configuration a calendar is built from, e.g. a node's config file or an admin screen. */
export interface WorkingCalendarConfig {
  countryCode?: string | null;
  /** Defaults to the country's usual week, or Monday to Friday. */
  workingDays?: readonly Weekday[];
  /** Holidays added to the package's public holidays (the only ones for a country it does not cover). */
  holidays?: readonly string[];
  /** IANA time zone; defaults to the country's main zone (the package's own, else its first zone), or UTC. */
  timeZone?: string;
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
  timeZone: z.string().refine(isKnownTimeZone, 'must be an IANA time zone').optional(),
});

/** True for a time zone `Intl` knows (`Asia/Bangkok`, `UTC`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const NO_HOLIDAYS: ReadonlySet<string> = new Set();

/** One `date-holidays` instance per country it covers (null when it does not), built on first use. */
const packageHolidays = new Map<string, Holidays | null>();
/** Public holidays per country and year, computed once: they never change for a given package version. */
const publicHolidaysByYear = new Map<string, ReadonlySet<string>>();

let coveredCountries: ReadonlySet<string> | undefined;

function holidaysOf(countryCode: string): Holidays | null {
  let holidays = packageHolidays.get(countryCode);
  if (holidays === undefined) {
    coveredCountries ??= new Set(Object.keys(new Holidays().getCountries()));
    // Only public holidays: bank, school, optional and observance days are working days for authorities.
    holidays = coveredCountries.has(countryCode) ? new Holidays(countryCode, { types: ['public'] }) : null;
    packageHolidays.set(countryCode, holidays);
  }
  return holidays;
}

/** True when `date-holidays` has public-holiday data for the country. */
export function hasPublicHolidayData(countryCode: string): boolean {
  return holidaysOf(countryCode) !== null;
}

function publicHolidaysOf(countryCode: string, year: number): ReadonlySet<string> {
  const key = `${countryCode}:${year}`;
  let dates = publicHolidaysByYear.get(key);
  if (!dates) {
    const holidays = holidaysOf(countryCode);
    const found = new Set<string>();
    for (const holiday of holidays?.getHolidays(year) ?? []) {
      // `date` is the local start ("2026-04-13 00:00:00"); a holiday of several days lists each day.
      if (holiday.type === 'public') found.add(holiday.date.slice(0, 10));
    }
    dates = found;
    publicHolidaysByYear.set(key, dates);
  }
  return dates;
}

/**
 * The country's main time zone: the one `date-holidays` uses, else the first zone `countries-and-timezones`
 * lists; where that zone is shared with other countries (Cambodia's Asia/Bangkok), the country's own
 * name for it (Asia/Phnom_Penh, the same clock).
 */
export function countryTimeZone(countryCode: string): string {
  const packageZone = holidaysOf(countryCode)?.getTimezones()[0];
  if (packageZone) return packageZone;
  // A zone is the country's own when the country comes first among those using it.
  const isOwn = (zone: string) => getTimezone(zone)?.countries[0] === countryCode;
  const zones = timeZonesOfCountry(countryCode)?.timezones ?? [];
  if (zones.length > 0 && zones.some(isOwn)) return zones[0];
  const aliases = timeZonesOfCountry(countryCode, { deprecated: true })?.timezones ?? [];
  return aliases.find(isOwn) ?? zones[0] ?? 'UTC';
}

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
  const hasData = countryCode !== null && hasPublicHolidayData(countryCode);
  return {
    countryCode,
    timeZone: parsed.data.timeZone ?? (countryCode ? countryTimeZone(countryCode) : 'UTC'),
    workingDays: new Set(workingDays),
    holidays: new Set(parsed.data.holidays ?? []),
    hasPublicHolidayData: hasData,
    publicHolidays: (year) => (hasData ? publicHolidaysOf(countryCode, year) : NO_HOLIDAYS),
  };
}

/**
 * The calendar of a country: its usual week, its time zone, its public holidays from `date-holidays` and
 * whatever holidays the node configured.
 */
export function workingCalendarFor(
  countryCode: string,
  overrides: Omit<WorkingCalendarConfig, 'countryCode'> = {},
): WorkingCalendar {
  return createWorkingCalendar({ ...overrides, countryCode });
}

/** A local calendar date. */
interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of `instant` in `timeZone`, read as if they were UTC (milliseconds dropped). */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
}

function localDateOf(instant: number, timeZone: string): LocalDate {
  const wall = new Date(wallClockAsUtc(instant, timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** The instant local midnight starts `date` in `timeZone` (the first instant of that date). */
function localMidnight(date: LocalDate, timeZone: string): number {
  const wallMidnight = Date.UTC(date.year, date.month - 1, date.day);
  // Offset = wall clock − instant; two rounds settle it across an offset change on that day.
  let instant = wallMidnight - (wallClockAsUtc(wallMidnight, timeZone) - wallMidnight);
  instant = wallMidnight - (wallClockAsUtc(instant, timeZone) - instant);
  // Where midnight does not exist (a clock change at 00:00), the day starts at the first instant after it.
  while (localDateOf(instant, timeZone).day !== date.day) instant += 15 * 60 * 1000;
  while (localDateOf(instant - 1, timeZone).day === date.day) instant -= 15 * 60 * 1000;
  return instant;
}

function isoDate({ year, month, day }: LocalDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The calendar's local date of `instant` as an ISO date (`2026-04-18`). */
export function localIsoDate(calendar: WorkingCalendar, instant: Date): string {
  return isoDate(localDateOf(instant.getTime(), calendar.timeZone));
}

/** The first instant of the calendar's local day containing `instant`. */
export function startOfLocalDay(calendar: WorkingCalendar, instant: Date): Date {
  return new Date(localMidnight(localDateOf(instant.getTime(), calendar.timeZone), calendar.timeZone));
}

/** The first instant of the calendar's local day after the one containing `instant`. */
export function startOfNextLocalDay(calendar: WorkingCalendar, instant: Date): Date {
  const { year, month, day } = localDateOf(instant.getTime(), calendar.timeZone);
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return new Date(
    localMidnight(
      { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() },
      calendar.timeZone,
    ),
  );
}

/**
 * True when the local day (in the calendar's time zone) containing `instant` is a working day: a working
 * weekday that is neither a public holiday of the package nor a configured holiday.
 */
export function isWorkingDay(calendar: WorkingCalendar, instant: Date): boolean {
  const date = localDateOf(instant.getTime(), calendar.timeZone);
  const weekday = WEEKDAYS[new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay()];
  if (!calendar.workingDays.has(weekday)) return false;
  const iso = isoDate(date);
  return !calendar.holidays.has(iso) && !calendar.publicHolidays(date.year).has(iso);
}
