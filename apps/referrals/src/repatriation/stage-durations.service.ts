import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  MIN_PLANS_PER_CELL,
  REPATRIATION_STEP_KINDS,
  publishDurationCell,
  type RepatriationStepKind,
} from '@passage/schemas';
import type { AuthenticatedActor } from '@passage/shared';
import type { z } from 'zod';
import { ReferralsAccess } from '../platform/index.js';
import { ReferralsAudit } from '../platform/index.js';
import type { stageDurationsSchema } from './dtos/repatriation.inputs.js';
import type { StageDurationModel } from './graphql/repatriation.model.js';

/**
 * Where people wait: per step, the median and 90th percentile of the days completed steps took in plans
 * of one country (the country the person leaves). Computed in SQL over the recorded step times, only for
 * people who consented to anonymised statistics; a cell resting on fewer than MIN_PLANS_PER_CELL plans
 * never leaves the database with figures.
 */
@Injectable()
export class StageDurationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ReferralsAccess,
    private readonly audit: ReferralsAudit,
  ) {}

  async stageDurations(
    actor: AuthenticatedActor,
    input: z.output<typeof stageDurationsSchema>,
  ): Promise<StageDurationModel[]> {
    // Refuses immigration (firewall) and the platform operator before anything is read.
    const decision = this.access.authorise(actor, 'statistics.read', null);
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
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
        [input.country, input.since, MIN_PLANS_PER_CELL],
      )) as {
        kind: RepatriationStepKind;
        plans: number;
        median_days: number | null;
        p90_days: number | null;
      }[];
      await this.audit.record(manager, actor, {
        action: 'statistics.read',
        resourceType: 'repatriation-stage-durations',
        resourceId: null,
        categories: [],
        fields: ['stageDurations'],
        purpose: 'STATISTICS',
        reason: decision.reason,
      });
      return REPATRIATION_STEP_KINDS.map((step) => {
        const row = rows.find((candidate) => candidate.kind === step);
        const cell = publishDurationCell({
          plans: row?.plans ?? 0,
          medianDays: row?.median_days === null || row === undefined ? null : round(Number(row.median_days)),
          p90Days: row?.p90_days === null || row === undefined ? null : round(Number(row.p90_days)),
        });
        return { step, ...cell };
      });
    });
  }
}

/** Two decimals: a hundredth of a day is about a quarter of an hour, finer than anyone plans by. */
function round(days: number): number {
  return Math.round(days * 100) / 100;
}
