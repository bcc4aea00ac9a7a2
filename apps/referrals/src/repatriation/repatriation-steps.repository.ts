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
   * (left since `since`, if given), only for people who consented to anonymised statistics; kinds
   * resting on fewer than `minPlans` plans never leave the database.
   */
  async durationsByKind(
    manager: EntityManager,
    cell: { country: string; since: Date | null; minPlans: number },
  ): Promise<StepDurationRow[]> {
    return (await manager.query(
      `SELECT s.kind,
                count(DISTINCT s.plan_id)::int AS plans,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM s.left_at - s.entered_at) / 86400.0) AS median_days,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM s.left_at - s.entered_at) / 86400.0) AS p90_days
           FROM repatriation_step s
           JOIN repatriation_plan p ON p.id = s.plan_id
          WHERE p.jurisdiction_country = $1
            AND s.left_at IS NOT NULL
            AND ($2::timestamptz IS NULL OR s.left_at >= $2::timestamptz)
            AND EXISTS (SELECT 1 FROM case_consent c
                         WHERE c.person_id = p.person_id AND c.purpose = 'ANONYMISED_STATISTICS'
                           AND c.withdrawn_at IS NULL)
          GROUP BY s.kind
         HAVING count(DISTINCT s.plan_id) >= $3`,
      [cell.country, cell.since, cell.minPlans],
    )) as StepDurationRow[];
  }
}
