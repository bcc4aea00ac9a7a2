/** One detention as the computation needs it. */
export interface DetentionSpan {
  country: string;
  detainedSince: Date;
  /** Null while the person is still detained: the span then runs until now. */
  releasedAt: Date | null;
}

/** The time a person spent in detention after a reasonable-grounds decision. */
export interface TimeDetainedAfterProtection {
  /** Per span, in the order given: milliseconds detained after protection began there; null if it never did. */
  perSpan: (number | null)[];
  /**
   * Milliseconds in all, overlapping spans counted once; null when no span's country has protected the
   * person (there is no decision to count from).
   */
  totalMs: number | null;
}

/**
 * How long a person stayed detained after the non-punishment principle protected them: for each
 * detention, from the later of its start and the first protecting decision of the detaining country,
 * until release (or `now`, while it lasts). Protection is the detaining country's own: another
 * country's decision does not bind its police. Overlapping records (a transfer recorded twice) count
 * once, so the total never exceeds the time that really passed.
 *
 * @param protectedSince the first reasonable-grounds (or better) decision per country, by decision date
 */
export function timeDetainedAfterProtection(
  spans: readonly DetentionSpan[],
  protectedSince: ReadonlyMap<string, Date>,
  now: Date,
): TimeDetainedAfterProtection {
  const intervals: [number, number][] = [];
  const perSpan = spans.map((span) => {
    const since = protectedSince.get(span.country);
    if (since === undefined) return null;
    const start = Math.max(span.detainedSince.getTime(), since.getTime());
    const end = (span.releasedAt ?? now).getTime();
    if (end <= start) return 0;
    intervals.push([start, end]);
    return end - start;
  });
  if (perSpan.every((value) => value === null)) return { perSpan, totalMs: null };
  return { perSpan, totalMs: unionLength(intervals) };
}

/** The length of the union of half-open intervals. */
function unionLength(intervals: [number, number][]): number {
  let total = 0;
  let reached = Number.NEGATIVE_INFINITY;
  for (const [start, end] of [...intervals].sort((a, b) => a[0] - b[0])) {
    if (end <= reached) continue;
    total += end - Math.max(start, reached);
    reached = end;
  }
  return total;
}
