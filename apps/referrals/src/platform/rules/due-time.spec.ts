import { describe, expect, it } from '@jest/globals';
import { EVERY_DAY, createWorkingCalendar, workingCalendarFor } from '@passage/schemas';
import { InvalidDueTimeError, addWorkingTime } from './due-time.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const weekdays = createWorkingCalendar();
// April 2026: Mon 13, Tue 14, ..., Fri 17, Sat 18, Sun 19, Mon 20.
const at = (iso: string) => new Date(iso);

describe('addWorkingTime', () => {
  it.each([
    [
      '24 h from Friday 10:00 ends Monday 10:00',
      '2026-04-17T10:00:00Z',
      24 * HOUR,
      '2026-04-20T10:00:00.000Z',
    ],
    [
      '24 h from Monday 10:00 ends Tuesday 10:00',
      '2026-04-13T10:00:00Z',
      24 * HOUR,
      '2026-04-14T10:00:00.000Z',
    ],
    [
      '72 h from Thursday 09:30 ends Tuesday 09:30',
      '2026-04-16T09:30:00Z',
      72 * HOUR,
      '2026-04-21T09:30:00.000Z',
    ],
    [
      '7 days from Wednesday ends Friday of the next week',
      '2026-04-15T08:00:00Z',
      7 * DAY,
      '2026-04-24T08:00:00.000Z',
    ],
    ['14 days span two weekends', '2026-04-13T12:00:00Z', 14 * DAY, '2026-05-01T12:00:00.000Z'],
    ['2 h within a working day', '2026-04-14T09:00:00Z', 2 * HOUR, '2026-04-14T11:00:00.000Z'],
    ['6 h from Friday 20:00 skips the weekend', '2026-04-17T20:00:00Z', 6 * HOUR, '2026-04-20T02:00:00.000Z'],
    [
      'an exact fit ends at the close of Friday',
      '2026-04-17T10:00:00Z',
      14 * HOUR,
      '2026-04-18T00:00:00.000Z',
    ],
    [
      'a start on Saturday counts from Monday 00:00',
      '2026-04-18T15:00:00Z',
      24 * HOUR,
      '2026-04-21T00:00:00.000Z',
    ],
    ['a start on Sunday with a short duration', '2026-04-19T23:00:00Z', 3 * HOUR, '2026-04-20T03:00:00.000Z'],
    ['zero from a working time is that time', '2026-04-15T10:00:00Z', 0, '2026-04-15T10:00:00.000Z'],
    ['zero from Saturday is Monday 00:00', '2026-04-18T10:00:00Z', 0, '2026-04-20T00:00:00.000Z'],
    ['milliseconds are kept', '2026-04-17T10:00:00.123Z', 24 * HOUR + 1, '2026-04-20T10:00:00.124Z'],
  ])('%s', (_label, start, duration, expected) => {
    expect(addWorkingTime(at(start), duration, weekdays).toISOString()).toBe(expected);
  });

  it('skips a holiday like a weekend day', () => {
    const calendar = createWorkingCalendar({ holidays: ['2026-04-14', '2026-04-15'] });
    // Monday 10:00 + 24 h: Tuesday and Wednesday are holidays, so Thursday 10:00.
    expect(addWorkingTime(at('2026-04-13T10:00:00Z'), 24 * HOUR, calendar).toISOString()).toBe(
      '2026-04-16T10:00:00.000Z',
    );
    // A holiday on the Monday after a weekend pushes Friday's deadline to Tuesday.
    const mondayOff = createWorkingCalendar({ holidays: ['2026-04-20'] });
    expect(addWorkingTime(at('2026-04-17T10:00:00Z'), 24 * HOUR, mondayOff).toISOString()).toBe(
      '2026-04-21T10:00:00.000Z',
    );
  });

  it('follows the country week', () => {
    // Brunei rests on Friday and Sunday: Thursday 10:00 + 24 h ends Saturday 10:00.
    expect(
      addWorkingTime(at('2026-04-16T10:00:00Z'), 24 * HOUR, workingCalendarFor('BN')).toISOString(),
    ).toBe('2026-04-18T10:00:00.000Z');
  });

  it('moves a due time across a Thai public holiday by a day, in Bangkok days', () => {
    const thailand = workingCalendarFor('TH');
    // Thursday 9 April 10:00 in Bangkok (03:00 UTC) + 24 h: Friday 10 April 10:00, no holiday.
    expect(addWorkingTime(at('2026-04-09T03:00:00Z'), 24 * HOUR, thailand).toISOString()).toBe(
      '2026-04-10T03:00:00.000Z',
    );
    // Friday 10 April 10:00 + 24 h: the weekend and Songkran (13–15 April) pass; Thursday 16 April 10:00.
    expect(addWorkingTime(at('2026-04-10T03:00:00Z'), 24 * HOUR, thailand).toISOString()).toBe(
      '2026-04-16T03:00:00.000Z',
    );
    // Thursday 2 April 10:00 + 24 h: Chakri Memorial Day (Monday 6 April) moves it from Monday to Tuesday.
    // The weekend calendar without holidays ends on Friday 3 April; a day later across the holiday:
    expect(addWorkingTime(at('2026-04-03T03:00:00Z'), 24 * HOUR, thailand).toISOString()).toBe(
      '2026-04-07T03:00:00.000Z',
    );
    expect(addWorkingTime(at('2026-04-03T03:00:00Z'), 24 * HOUR, weekdays).toISOString()).toBe(
      '2026-04-06T03:00:00.000Z',
    );
  });

  it('counts days in the country time zone', () => {
    const thailand = workingCalendarFor('TH');
    // Friday 23:30 UTC is Saturday 06:30 in Bangkok: counting starts Monday 00:00 Bangkok (Sunday 17:00 UTC).
    expect(addWorkingTime(at('2026-04-17T23:30:00Z'), 2 * HOUR, thailand).toISOString()).toBe(
      '2026-04-19T19:00:00.000Z',
    );
    // Friday 20:00 Bangkok (13:00 UTC) + 6 h runs past local midnight: Monday 02:00 Bangkok.
    expect(addWorkingTime(at('2026-04-24T13:00:00Z'), 6 * HOUR, thailand).toISOString()).toBe(
      '2026-04-26T19:00:00.000Z',
    );
  });

  it('follows a Friday-and-Saturday weekend in local days', () => {
    // Bangladesh (Asia/Dhaka, UTC+6): Thursday 16 April 10:00 local + 24 h ends Sunday 19 April 10:00 local.
    expect(
      addWorkingTime(at('2026-04-16T04:00:00Z'), 24 * HOUR, workingCalendarFor('BD')).toISOString(),
    ).toBe('2026-04-19T04:00:00.000Z');
  });

  it('counts every day on a seven-day calendar', () => {
    const always = createWorkingCalendar({ workingDays: EVERY_DAY });
    expect(addWorkingTime(at('2026-04-17T10:00:00Z'), 24 * HOUR, always).toISOString()).toBe(
      '2026-04-18T10:00:00.000Z',
    );
  });

  it('does not change its arguments', () => {
    const start = at('2026-04-17T10:00:00Z');
    addWorkingTime(start, 24 * HOUR, weekdays);
    expect(start.toISOString()).toBe('2026-04-17T10:00:00.000Z');
  });

  it.each([
    ['a negative duration', at('2026-04-17T10:00:00Z'), -1],
    ['an infinite duration', at('2026-04-17T10:00:00Z'), Number.POSITIVE_INFINITY],
    ['a NaN duration', at('2026-04-17T10:00:00Z'), Number.NaN],
    ['an invalid start', new Date('not a date'), HOUR],
  ])('refuses %s', (_label, start, duration) => {
    expect(() => addWorkingTime(start, duration, weekdays)).toThrow(InvalidDueTimeError);
  });

  it('refuses a calendar without working days instead of looping', () => {
    const broken = {
      countryCode: null,
      timeZone: 'UTC',
      workingDays: new Set<never>(),
      holidays: new Set<string>(),
      hasPublicHolidayData: false,
      publicHolidays: () => new Set<string>(),
    };
    expect(() => addWorkingTime(at('2026-04-17T10:00:00Z'), HOUR, broken)).toThrow(
      expect.objectContaining({ code: 'INVALID_DUE_TIME' }),
    );
  });
});
