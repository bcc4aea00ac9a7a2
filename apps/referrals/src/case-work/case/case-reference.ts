import type { EntityManager } from 'typeorm';

/** `KH-2026-000123`: jurisdiction, year, and a sequence that restarts every year in every jurisdiction. */
export function formatCaseReference(jurisdictionCountry: string, year: number, sequence: number): string {
  return `${jurisdictionCountry}-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * Reserves `count` consecutive references for a jurisdiction and year in one statement. The counter
 * row stays locked until the caller's transaction ends, so concurrent openings never share a number and
 * a rolled-back opening gives its numbers back.
 */
export async function allocateCaseReferences(
  manager: EntityManager,
  jurisdictionCountry: string,
  year: number,
  count: number,
): Promise<string[]> {
  const [row] = (await manager.query(
    `INSERT INTO case_reference_counter (jurisdiction_country, year, last_value) VALUES ($1, $2, $3)
     ON CONFLICT (jurisdiction_country, year)
     DO UPDATE SET last_value = case_reference_counter.last_value + EXCLUDED.last_value
     RETURNING last_value`,
    [jurisdictionCountry, year, count],
  )) as { last_value: number }[];
  const first = row.last_value - count + 1;
  return Array.from({ length: count }, (_, index) =>
    formatCaseReference(jurisdictionCountry, year, first + index),
  );
}
