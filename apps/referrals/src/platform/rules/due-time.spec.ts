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
    const broken = { countryCode: null, workingDays: new Set<never>(), holidays: new Set<string>() };
    expect(() => addWorkingTime(at('2026-04-17T10:00:00Z'), HOUR, broken)).toThrow(
      expect.objectContaining({ code: 'INVALID_DUE_TIME' }),
    );
  });
});
