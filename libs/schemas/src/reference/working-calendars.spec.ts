import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_WORKING_WEEK,
  InvalidWorkingCalendarError,
  createWorkingCalendar,
  isWorkingDay,
  localIsoDate,
  startOfLocalDay,
  startOfNextLocalDay,
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

  it('takes the country time zone, unless configured', () => {
    expect(workingCalendarFor('TH').timeZone).toBe('Asia/Bangkok');
    expect(workingCalendarFor('KH').timeZone).toBe('Asia/Phnom_Penh');
    expect(workingCalendarFor('LA').timeZone).toBe('Asia/Vientiane');
    expect(workingCalendarFor('MM').timeZone).toBe('Asia/Yangon');
    expect(workingCalendarFor('NP').timeZone).toBe('Asia/Kathmandu');
    expect(workingCalendarFor('TL').timeZone).toBe('Asia/Dili');
    expect(workingCalendarFor('ID').timeZone).toBe('Asia/Jakarta');
    expect(workingCalendarFor('ID', { timeZone: 'Asia/Makassar' }).timeZone).toBe('Asia/Makassar');
    expect(createWorkingCalendar().timeZone).toBe('UTC');
    expect(() => workingCalendarFor('TH', { timeZone: 'Asia/Atlantis' })).toThrow(
      InvalidWorkingCalendarError,
    );
  });

  it('knows Thai public holidays from the package: Songkran is not a working day', () => {
    const thailand = workingCalendarFor('TH');
    expect(thailand.hasPublicHolidayData).toBe(true);
    expect(thailand.publicHolidays(2026).has('2026-04-13')).toBe(true);
    expect(isWorkingDay(thailand, new Date('2026-04-13T03:00:00Z'))).toBe(false); // Monday, Songkran
    expect(isWorkingDay(thailand, new Date('2026-04-15T03:00:00Z'))).toBe(false); // Wednesday, Songkran
    expect(isWorkingDay(thailand, new Date('2026-04-16T03:00:00Z'))).toBe(true); // Thursday
  });

  it('counts public holidays only, not observances or optional days', () => {
    const philippines = workingCalendarFor('PH');
    // Friday 23 January 2026: First Philippine Republic Day, an observance; 17 February, Chinese New Year, optional.
    expect(isWorkingDay(philippines, new Date('2026-01-23T03:00:00Z'))).toBe(true);
    expect(isWorkingDay(philippines, new Date('2026-02-17T03:00:00Z'))).toBe(true);
    expect(isWorkingDay(philippines, new Date('2026-01-01T03:00:00Z'))).toBe(false); // New Year, public
  });

  it('takes configured holidays where the package has no data, and says so', () => {
    expect(workingCalendarFor('KH').hasPublicHolidayData).toBe(false);
    expect(workingCalendarFor('KH').publicHolidays(2026).size).toBe(0);
    const cambodia = workingCalendarFor('KH', { holidays: ['2026-04-14'] });
    expect(isWorkingDay(cambodia, new Date('2026-04-14T03:00:00Z'))).toBe(false); // Tuesday, Khmer New Year
    expect(isWorkingDay(cambodia, new Date('2026-04-13T03:00:00Z'))).toBe(true);
    for (const country of ['LA', 'MM', 'TL', 'NP']) {
      expect(workingCalendarFor(country).hasPublicHolidayData).toBe(false);
    }
  });

  it('adds configured holidays to the package ones', () => {
    const thailand = workingCalendarFor('TH', { holidays: ['2026-04-17'] });
    expect(isWorkingDay(thailand, new Date('2026-04-13T03:00:00Z'))).toBe(false); // package
    expect(isWorkingDay(thailand, new Date('2026-04-17T03:00:00Z'))).toBe(false); // configured
  });

  it('decides the day in the country time zone: Friday 23:30 UTC is Saturday in Bangkok', () => {
    const thailand = workingCalendarFor('TH');
    const fridayNightUtc = new Date('2026-04-17T23:30:00Z');
    expect(localIsoDate(thailand, fridayNightUtc)).toBe('2026-04-18');
    expect(isWorkingDay(thailand, fridayNightUtc)).toBe(false);
    expect(isWorkingDay(createWorkingCalendar(), fridayNightUtc)).toBe(true); // UTC calendar: still Friday
    expect(startOfLocalDay(thailand, fridayNightUtc).toISOString()).toBe('2026-04-17T17:00:00.000Z');
    expect(startOfNextLocalDay(thailand, fridayNightUtc).toISOString()).toBe('2026-04-18T17:00:00.000Z');
  });

  it('keeps local days across a clock change', () => {
    const germany = createWorkingCalendar({ timeZone: 'Europe/Berlin' }); // summer time from 29 March 2026
    const sunday = new Date('2026-03-29T12:00:00Z');
    expect(startOfLocalDay(germany, sunday).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfNextLocalDay(germany, sunday).toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('keeps a Friday-and-Saturday weekend in local time', () => {
    const bangladesh = workingCalendarFor('BD'); // Asia/Dhaka, UTC+6
    expect(bangladesh.timeZone).toBe('Asia/Dhaka');
    expect(isWorkingDay(bangladesh, new Date('2026-04-16T12:00:00Z'))).toBe(true); // Thursday
    expect(isWorkingDay(bangladesh, new Date('2026-04-16T18:30:00Z'))).toBe(false); // Friday 00:30 in Dhaka
    expect(isWorkingDay(bangladesh, new Date('2026-04-18T12:00:00Z'))).toBe(false); // Saturday
    expect(isWorkingDay(bangladesh, new Date('2026-04-19T12:00:00Z'))).toBe(true); // Sunday
  });
});
