import { describe, expect, it } from '@jest/globals';
import { statisticsWindow } from './repatriation-statistics.js';

describe('statisticsWindow', () => {
  const now = new Date('2026-08-14T10:00:00Z');

  it('runs from the start of the quarter `since` falls in to the start of the current quarter', () => {
    expect(statisticsWindow(new Date('2026-02-27T23:59:59Z'), now)).toEqual({
      from: new Date('2026-01-01T00:00:00Z'),
      until: new Date('2026-07-01T00:00:00Z'),
    });
  });

  it('gives the same window for every `since` inside one quarter, and all time without one', () => {
    const windows = ['2026-04-01T00:00:00Z', '2026-05-17T08:30:00Z', '2026-06-30T23:59:59Z'].map((since) =>
      statisticsWindow(new Date(since), now),
    );
    for (const window of windows) expect(window).toEqual(windows[0]);
    expect(statisticsWindow(null, now)).toEqual({ from: null, until: new Date('2026-07-01T00:00:00Z') });
  });

  it('does not move while the current quarter runs', () => {
    expect(statisticsWindow(null, new Date('2026-07-01T00:00:00Z'))).toEqual(
      statisticsWindow(null, new Date('2026-09-30T23:59:59Z')),
    );
  });
});
