import { describe, expect, it } from '@jest/globals';
import { createWorkingCalendar } from '@passage/schemas';
import { ManualClock } from '@passage/shared';
import { IdentificationDecisionHooks } from '../identification/identification-decision-hooks.js';
import { DEFAULT_CASE_DUE_WORKING_DAYS, caseDueTimes } from './case-due-time-rules.js';
import { CaseDueTimeRepository } from './case-due-time.repository.js';
import { CaseDueTimes } from './case-due-times.js';

const at = (iso: string) => new Date(iso);
const iso = (due: Record<string, Date>) =>
  Object.fromEntries(Object.entries(due).map(([step, date]) => [step, date.toISOString()]));

function dueTimes(config: ConstructorParameters<typeof CaseDueTimes>[0] = {}) {
  return new CaseDueTimes(
    config,
    new ManualClock(at('2026-04-01T00:00:00Z')),
    new CaseDueTimeRepository(),
    new IdentificationDecisionHooks(),
  );
}

describe('case due times', () => {
  it('counts 3 working days to screening and 5 to a decision by default, keeping the time of day', () => {
    expect(DEFAULT_CASE_DUE_WORKING_DAYS).toEqual({ SCREENING: 3, IDENTIFICATION: 5 });
    // Monday 13 April 2026 10:00 on a Monday-to-Friday calendar without holidays.
    expect(iso(caseDueTimes(at('2026-04-13T10:00:00Z'), createWorkingCalendar()))).toEqual({
      SCREENING: '2026-04-16T10:00:00.000Z',
      IDENTIFICATION: '2026-04-20T10:00:00.000Z',
    });
  });

  it("skips Thailand's public holidays, in Bangkok days", () => {
    // Thursday 9 April 10:00 Bangkok (03:00 UTC). Songkran (Monday 13 to Wednesday 15 April) is public:
    // screening counts Friday 10, Thursday 16 and Friday 17; the decision Monday 20 and Tuesday 21 too.
    expect(iso(dueTimes().dueTimesIn('TH', at('2026-04-09T03:00:00Z')))).toEqual({
      SCREENING: '2026-04-17T03:00:00.000Z',
      IDENTIFICATION: '2026-04-21T03:00:00.000Z',
    });
  });

  it("starts counting on the jurisdiction's next working day in its own time zone", () => {
    // Friday 17 April 23:30 UTC is Saturday 06:30 in Bangkok: counting starts Monday 20 April 00:00 there
    // (Sunday 17:00 UTC), so screening is due at the close of Wednesday 22 April, Bangkok time.
    expect(dueTimes().dueTimesIn('TH', at('2026-04-17T23:30:00Z')).SCREENING.toISOString()).toBe(
      '2026-04-22T17:00:00.000Z',
    );
    // Counted in UTC days, the same first contact would be a Friday and give Wednesday 23:30 UTC.
    expect(caseDueTimes(at('2026-04-17T23:30:00Z'), createWorkingCalendar()).SCREENING.toISOString()).toBe(
      '2026-04-22T23:30:00.000Z',
    );
  });

  it("takes a country's own working days and its configured holidays (Lao PDR: none in the package)", () => {
    const laos = dueTimes({
      SCREENING_DUE_WORKING_DAYS: 4,
      IDENTIFICATION_DUE_WORKING_DAYS: 6,
      CASE_DUE_WORKING_DAYS: { LA: { screening: 2, identification: 10 } },
      WORKING_CALENDARS: { LA: { holidays: ['2026-04-14', '2026-04-15', '2026-04-16'] } },
    });
    expect(laos.workingDaysIn('LA')).toEqual({ SCREENING: 2, IDENTIFICATION: 10 });
    // Monday 13 April 09:00 Vientiane (02:00 UTC); Lao New Year 14–16 April as configured: two working
    // days are the rest of Monday, Friday 17 and Monday 20 until 09:00.
    expect(iso(laos.dueTimesIn('LA', at('2026-04-13T02:00:00Z')))).toEqual({
      SCREENING: '2026-04-20T02:00:00.000Z',
      IDENTIFICATION: '2026-04-30T02:00:00.000Z',
    });
    // Other countries take the node's defaults, and a country may replace one step only.
    expect(laos.workingDaysIn('KH')).toEqual({ SCREENING: 4, IDENTIFICATION: 6 });
    expect(dueTimes({ CASE_DUE_WORKING_DAYS: { KH: { identification: 7 } } }).workingDaysIn('KH')).toEqual({
      SCREENING: 3,
      IDENTIFICATION: 7,
    });
  });
});
