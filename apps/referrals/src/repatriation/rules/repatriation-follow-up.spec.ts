import { describe, expect, it } from '@jest/globals';
import { addCalendarMonths, followUpSchedule } from './repatriation-follow-up.js';
import { MIN_PLANS_PER_CELL, publishDurationCell } from './repatriation-statistics.js';

describe('reintegration follow-up schedule', () => {
  it('schedules 1, 3, 6 and 12 months after arrival by default', () => {
    expect(followUpSchedule(new Date('2026-03-15T10:00:00Z'))).toEqual([
      { monthsAfter: 1, dueOn: '2026-04-15' },
      { monthsAfter: 3, dueOn: '2026-06-15' },
      { monthsAfter: 6, dueOn: '2026-09-15' },
      { monthsAfter: 12, dueOn: '2027-03-15' },
    ]);
  });

  it('clamps to the end of a shorter month', () => {
    expect(addCalendarMonths(new Date('2026-01-31T00:00:00Z'), 1)).toBe('2026-02-28');
    expect(addCalendarMonths(new Date('2027-12-31T00:00:00Z'), 2)).toBe('2028-02-29');
  });

  it('takes a configured list, sorted, without duplicates or nonsense', () => {
    expect(
      followUpSchedule(new Date('2026-03-15T00:00:00Z'), [6, 2, 6, 0, -1, 1.5]).map((f) => f.monthsAfter),
    ).toEqual([2, 6]);
  });
});

describe('k-anonymity of duration cells', () => {
  it(`suppresses cells of fewer than ${MIN_PLANS_PER_CELL} plans, count included`, () => {
    expect(publishDurationCell({ plans: MIN_PLANS_PER_CELL - 1, medianDays: 3, p90Days: 9 })).toEqual({
      suppressed: true,
      plans: null,
      medianDays: null,
      p90Days: null,
    });
    expect(publishDurationCell({ plans: MIN_PLANS_PER_CELL, medianDays: 3, p90Days: 9 })).toEqual({
      suppressed: false,
      plans: MIN_PLANS_PER_CELL,
      medianDays: 3,
      p90Days: 9,
    });
  });
});
