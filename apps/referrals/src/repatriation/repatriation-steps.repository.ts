import type { EntityManager } from 'typeorm';
import type { RepatriationStepKind } from '@passage/schemas';

/** Days one kind of step took, over completed steps of consenting people's plans of one country. */
export interface StepDurationRow {
  kind: RepatriationStepKind;
  plans: number;
  median_days: number | null;
  p90_days: number | null;
}

/** The steps of the plans this node holds, by what the statistics ask of them. */
export class RepatriationSteps {
  /**
   * Per kind, the median and 90th percentile of the days completed steps took in plans of `country`
   * (left in [`from`, `until`); from the beginning without `from`), only for people who consented to
   * anonymised statistics; kinds resting on fewer than `minPlans` plans never leave the database.
   */
  async durationsByKind(
    manager: EntityManager,
    cell: { country: string; from: Date | null; until: Date; minPlans: number },
  ): Promise<StepDurationRow[]> {
    // Per step, only the quarters in which at least `minPlans` plans completed it count: a small quarter
    // is left out of every window alike, so comparing windows never reveals it (issue 12).
    return (await manager.query(
      `WITH completed AS (
         SELECT s.kind, s.plan_id,
                date_trunc('quarter', s.left_at AT TIME ZONE 'UTC') AS quarter,
                extract(epoch FROM s.left_at - s.entered_at) / 86400.0 AS days
           FROM repatriation_step s
           JOIN repatriation_plan p ON p.id = s.plan_id
          WHERE p.jurisdiction_country = $1
            AND s.left_at IS NOT NULL
            AND ($2::timestamptz IS NULL OR s.left_at >= $2::timestamptz)
            AND s.left_at < $3::timestamptz
            AND EXISTS (SELECT 1 FROM case_consent c
                         WHERE c.person_id = p.person_id AND c.purpose = 'ANONYMISED_STATISTICS'
                           AND c.withdrawn_at IS NULL)
       ),
       publishable_quarter AS (
         SELECT kind, quarter FROM completed GROUP BY kind, quarter HAVING count(DISTINCT plan_id) >= $4
       )
       SELECT c.kind,
              count(DISTINCT c.plan_id)::int AS plans,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY c.days) AS median_days,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY c.days) AS p90_days
         FROM completed c
         JOIN publishable_quarter q ON q.kind = c.kind AND q.quarter = c.quarter
        GROUP BY c.kind
       HAVING count(DISTINCT c.plan_id) >= $4`,
      [cell.country, cell.from, cell.until, cell.minPlans],
    )) as StepDurationRow[];
  }
}
