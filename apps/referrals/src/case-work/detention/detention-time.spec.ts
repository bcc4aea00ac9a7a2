import { describe, expect, it } from '@jest/globals';
import { timeDetainedAfterProtection, type DetentionSpan } from './detention-time.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => new Date(iso);
const now = at('2026-03-20T00:00:00Z');
const protectedInKh = new Map([['KH', at('2026-03-10T00:00:00Z')]]);
const span = (detainedSince: string, releasedAt: string | null, country = 'KH'): DetentionSpan => ({
  country,
  detainedSince: at(detainedSince),
  releasedAt: releasedAt === null ? null : at(releasedAt),
});

describe('time detained after a reasonable-grounds decision', () => {
  it('counts from the decision when the person was detained before it', () => {
    const result = timeDetainedAfterProtection(
      [span('2026-03-01T00:00:00Z', '2026-03-12T12:00:00Z')],
      protectedInKh,
      now,
    );
    expect(result).toEqual({ perSpan: [2.5 * DAY], totalMs: 2.5 * DAY });
  });

  it('counts from the detention when the person was detained after the decision', () => {
    const result = timeDetainedAfterProtection(
      [span('2026-03-15T00:00:00Z', '2026-03-16T06:00:00Z')],
      protectedInKh,
      now,
    );
    expect(result.totalMs).toBe(30 * HOUR);
  });

  it('runs until now while the person is still detained', () => {
    const result = timeDetainedAfterProtection([span('2026-03-01T00:00:00Z', null)], protectedInKh, now);
    expect(result.totalMs).toBe(10 * DAY);
  });

  it('counts nothing for a release before the decision, but says there was a decision', () => {
    const result = timeDetainedAfterProtection(
      [span('2026-03-01T00:00:00Z', '2026-03-05T00:00:00Z')],
      protectedInKh,
      now,
    );
    expect(result).toEqual({ perSpan: [0], totalMs: 0 });
  });

  it('has nothing to count from without a protecting decision in the detaining country', () => {
    expect(
      timeDetainedAfterProtection([span('2026-03-01T00:00:00Z', null, 'TH')], protectedInKh, now),
    ).toEqual({ perSpan: [null], totalMs: null });
    expect(timeDetainedAfterProtection([], protectedInKh, now)).toEqual({ perSpan: [], totalMs: null });
  });

  it("counts each detention against its own country's decision", () => {
    const protectedInBoth = new Map([...protectedInKh, ['TH', at('2026-03-18T00:00:00Z')]]);
    const result = timeDetainedAfterProtection(
      [span('2026-03-01T00:00:00Z', '2026-03-11T00:00:00Z'), span('2026-03-11T00:00:00Z', null, 'TH')],
      protectedInBoth,
      now,
    );
    expect(result).toEqual({ perSpan: [1 * DAY, 2 * DAY], totalMs: 3 * DAY });
  });

  it('counts overlapping records once', () => {
    const result = timeDetainedAfterProtection(
      [
        span('2026-03-09T00:00:00Z', '2026-03-13T00:00:00Z'),
        span('2026-03-12T00:00:00Z', '2026-03-14T00:00:00Z'),
      ],
      protectedInKh,
      now,
    );
    expect(result.perSpan).toEqual([3 * DAY, 2 * DAY]);
    expect(result.totalMs).toBe(4 * DAY);
  });
});
