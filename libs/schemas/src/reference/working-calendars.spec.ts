import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_WORKING_WEEK,
  InvalidWorkingCalendarError,
  createWorkingCalendar,
  isWorkingDay,
  workingCalendarFor,
} from './working-calendars.js';

describe('working calendars', () => {
  it('defaults to Monday to Friday without holidays', () => {
    const calendar = createWorkingCalendar();
    expect(calendar.countryCode).toBeNull();
    expect([...calendar.workingDays]).toEqual([...DEFAULT_WORKING_WEEK]);
    expect(calendar.holidays.size).toBe(0);
  });

  it('gives a country its usual week', () => {
    expect([...workingCalendarFor('TH').workingDays]).toEqual([...DEFAULT_WORKING_WEEK]);
    expect(workingCalendarFor('BN').workingDays.has('FRIDAY')).toBe(false);
    expect(workingCalendarFor('BN').workingDays.has('SATURDAY')).toBe(true);
    expect(workingCalendarFor('BD').workingDays.has('SUNDAY')).toBe(true);
    expect(workingCalendarFor('NP').workingDays.size).toBe(6);
  });

  it('lets configuration replace the week and add holidays', () => {
    const calendar = workingCalendarFor('KH', {
      workingDays: ['MONDAY', 'SATURDAY'],
      holidays: ['2026-04-14'],
    });
    expect(calendar.countryCode).toBe('KH');
    expect([...calendar.workingDays]).toEqual(['MONDAY', 'SATURDAY']);
    expect(calendar.holidays.has('2026-04-14')).toBe(true);
  });

  it.each([
    ['an unknown country', { countryCode: 'XX' }],
    ['an empty week', { workingDays: [] }],
    ['a malformed holiday', { holidays: ['14/04/2026'] }],
    ['an impossible holiday', { holidays: ['2026-02-30'] }],
    ['an unknown weekday', { workingDays: ['FUNDAY' as 'MONDAY'] }],
  ])('refuses %s', (_label, config) => {
    expect(() => createWorkingCalendar(config)).toThrow(InvalidWorkingCalendarError);
  });

  it('reports every problem at once with a stable code', () => {
    expect(() => createWorkingCalendar({ countryCode: 'XX', workingDays: [] })).toThrow(
      expect.objectContaining({
        code: 'INVALID_WORKING_CALENDAR',
        issues: [expect.any(String), expect.any(String)],
      }),
    );
  });

  it('decides working days on UTC dates, holidays included', () => {
    const calendar = createWorkingCalendar({ holidays: ['2026-04-14'] });
    expect(isWorkingDay(calendar, new Date('2026-04-13T23:59:59Z'))).toBe(true); // Monday
    expect(isWorkingDay(calendar, new Date('2026-04-14T00:00:00Z'))).toBe(false); // Tuesday, holiday
    expect(isWorkingDay(calendar, new Date('2026-04-18T12:00:00Z'))).toBe(false); // Saturday
    expect(isWorkingDay(calendar, new Date('2026-04-19T12:00:00+07:00'))).toBe(false); // Sunday 05:00 UTC
  });
});
