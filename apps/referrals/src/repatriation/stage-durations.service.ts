import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { REPATRIATION_STEP_KINDS } from '@passage/schemas';
import { Clock, type AuthenticatedActor } from '@passage/shared';
import { ReferralsAccess } from '../platform/index.js';
import { ReferralsAudit } from '../platform/index.js';
import type { StageDurationsValue } from './dtos/repatriation.inputs.js';
import type { StageDurationModel } from './graphql/repatriation.model.js';
import { RepatriationSteps } from './repatriation-steps.repository.js';
import {
  MIN_PLANS_PER_CELL,
  publishDurationCell,
  statisticsWindow,
} from './rules/repatriation-statistics.js';

/**
 * Where people wait: per step, the median and 90th percentile of the days completed steps took in plans
 * of one country (the country the person leaves). Computed in SQL over the recorded step times, only for
 * people who consented to anonymised statistics, over whole quarters (see `statisticsWindow`); a cell
 * resting on fewer than MIN_PLANS_PER_CELL plans never leaves the database with figures.
 */
@Injectable()
export class StageDurationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ReferralsAccess,
    private readonly audit: ReferralsAudit,
    private readonly steps: RepatriationSteps,
    private readonly clock: Clock,
  ) {}

  async stageDurations(actor: AuthenticatedActor, input: StageDurationsValue): Promise<StageDurationModel[]> {
    // Refuses immigration (firewall) and the platform operator before anything is read.
    const decision = this.access.authorise(actor, 'statistics.read', null);
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.steps.durationsByKind(manager, {
        country: input.country,
        ...statisticsWindow(input.since, this.clock.now()),
        minPlans: MIN_PLANS_PER_CELL,
      });
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
