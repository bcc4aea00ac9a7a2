import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

export interface CompoundRow {
  id: string;
  jurisdiction_country: string;
  name: string;
  district: string | null;
  province: string;
  inside_sez: boolean | null;
  first_reported_at: Date;
}

export interface CompoundSummaryRow extends CompoundRow {
  open_requests: number;
  listed_people: number;
  others_reported: number;
  oldest_open_submitted_at: Date | null;
  listed_names: string[];
}

/**
 * Requests that name the same place (same country, province and compound name, written loosely) are
 * grouped, so an operation can cover everyone reported there rather than only one list of names.
 */
export function compoundGroupingKey(name: string, province: string): string {
  const loose = (text: string) =>
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return `${loose(province)}|${loose(name)}`;
}

export class CompoundRepository {
  /** The compound a reported location belongs to, created on first report. */
  async findOrCreate(
    manager: EntityManager,
    place: {
      country: string;
      name: string;
      district: string | null;
      province: string;
      insideSez: boolean | null;
      reportedAt: Date;
    },
  ): Promise<string> {
    const key = compoundGroupingKey(place.name, place.province);
    const [row] = (await manager.query(
      `INSERT INTO compound (id, jurisdiction_country, grouping_key, name, district, province, inside_sez, first_reported_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (jurisdiction_country, grouping_key) DO UPDATE SET grouping_key = EXCLUDED.grouping_key
       RETURNING id`,
      [
        randomUUID(),
        place.country,
        key,
        place.name,
        place.district,
        place.province,
        place.insideSez,
        place.reportedAt,
      ],
    )) as { id: string }[];
    return row.id;
  }

  /** Compounds of a country with everyone reported there in requests still open. */
  async summaries(manager: EntityManager, country: string): Promise<CompoundSummaryRow[]> {
    const rows = (await manager.query(
      `SELECT c.*,
              count(r.id)::int AS open_requests,
              coalesce(sum((SELECT count(*) FROM rescue_request_person p WHERE p.rescue_request_id = r.id)), 0)::int AS listed_people,
              coalesce(sum(r.others_count), 0)::int AS others_reported,
              min(r.submitted_at) AS oldest_open_submitted_at
         FROM compound c
         LEFT JOIN rescue_request r
           ON r.compound_id = c.id AND r.copy = 'JURISDICTION' AND r.status NOT IN ('RESOLVED', 'CLOSED')
        WHERE c.jurisdiction_country = $1
        GROUP BY c.id
        ORDER BY min(r.submitted_at) NULLS LAST, c.first_reported_at`,
      [country],
    )) as Omit<CompoundSummaryRow, 'listed_names'>[];
    const names = (await manager.query(
      `SELECT r.compound_id, p.name_or_alias
         FROM rescue_request r JOIN rescue_request_person p ON p.rescue_request_id = r.id
        WHERE r.jurisdiction_country = $1 AND r.copy = 'JURISDICTION' AND r.status NOT IN ('RESOLVED', 'CLOSED')
        ORDER BY r.submitted_at, p.position`,
      [country],
    )) as { compound_id: string; name_or_alias: string }[];
    return rows.map((row) => ({
      ...row,
      listed_names: names.filter((name) => name.compound_id === row.id).map((name) => name.name_or_alias),
    }));
  }
}
