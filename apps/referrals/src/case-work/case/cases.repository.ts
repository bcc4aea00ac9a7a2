import type { EntityManager } from 'typeorm';

/** How many people a case has, how many may be minors, and whether any needs urgent medical care. */
export interface CasePeopleSummary {
  people: number;
  minors: number;
  urgent: boolean;
}

/** The set-based questions case work asks of cases, beyond loading one (CaseRecords does that). */
export class Cases {
  /** The people summary of each listed case that has people; a case without any is left out. */
  async peopleSummaries(
    manager: EntityManager,
    caseIds: readonly string[],
  ): Promise<Map<string, CasePeopleSummary>> {
    if (caseIds.length === 0) return new Map();
    const rows = (await manager.query(
      `SELECT case_id,
              count(*)::int AS people,
              count(*) FILTER (WHERE age_band IN ('UNDER_14', '14_17', 'UNKNOWN'))::int AS minors,
              bool_or(urgent_medical_need) AS urgent
         FROM case_person WHERE case_id = ANY($1) GROUP BY case_id`,
      [caseIds],
    )) as ({ case_id: string } & CasePeopleSummary)[];
    return new Map(rows.map(({ case_id, ...summary }) => [case_id, summary]));
  }

  /**
   * Whether the jurisdiction's copy of a rescue request was resolved with one of these outcomes in that
   * jurisdiction, holding it (FOR SHARE) until the case opened from it commits.
   */
  async rescueResolvedAs(
    manager: EntityManager,
    rescueRequestId: string,
    outcomes: readonly string[],
    jurisdictionCountry: string,
  ): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT 1 FROM rescue_request
        WHERE request_id = $1 AND copy = 'JURISDICTION' AND status = 'RESOLVED'
          AND resolution_outcome = ANY($2) AND jurisdiction_country = $3
        FOR SHARE`,
      [rescueRequestId, [...outcomes], jurisdictionCountry],
    )) as unknown[];
    return rows.length > 0;
  }
}
