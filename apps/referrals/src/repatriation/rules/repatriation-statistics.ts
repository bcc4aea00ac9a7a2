/**
 * The smallest number of plans a published statistic may rest on. A cell built from fewer could point at
 * the few people behind it (one Nepali woman repatriated from Lao PDR last quarter), so it is suppressed.
 */
export const MIN_PLANS_PER_CELL = 5;

/** One cell of a duration statistic, before suppression. */
export interface DurationCell {
  plans: number;
  medianDays: number | null;
  p90Days: number | null;
}

/** A published cell: its figures, or nothing but the fact that it was suppressed. */
export type PublishedDurationCell =
  | { suppressed: false; plans: number; medianDays: number | null; p90Days: number | null }
  | { suppressed: true; plans: null; medianDays: null; p90Days: null };

/** Suppresses a cell built from fewer than {@link MIN_PLANS_PER_CELL} plans, count included. */
export function publishDurationCell(cell: DurationCell): PublishedDurationCell {
  if (!Number.isInteger(cell.plans) || cell.plans < MIN_PLANS_PER_CELL) {
    return { suppressed: true, plans: null, medianDays: null, p90Days: null };
  }
  return { suppressed: false, plans: cell.plans, medianDays: cell.medianDays, p90Days: cell.p90Days };
}

/**
 * The window a duration statistic covers: whole calendar quarters (UTC), from the quarter `since` falls
 * in (all time without it) to the start of the current quarter. Nothing finer can be asked for, so two
 * answers can only differ by whole quarters, and an answer does not change while a quarter runs: neither
 * moving `since` nor asking again later isolates one plan. Quarters themselves holding fewer than
 * {@link MIN_PLANS_PER_CELL} plans of a step are left out of every window (see the repository), so the
 * difference between two answers is never a suppressed cell.
 */
export function statisticsWindow(since: Date | null, now: Date): { from: Date | null; until: Date } {
  return { from: since === null ? null : quarterStart(since), until: quarterStart(now) };
}

function quarterStart(instant: Date): Date {
  return new Date(Date.UTC(instant.getUTCFullYear(), Math.floor(instant.getUTCMonth() / 3) * 3, 1));
}
