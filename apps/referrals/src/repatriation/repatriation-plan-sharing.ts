import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  repatriationPlanSharedMessageV1,
  repatriationPlanSharedMessageV2,
  type RepatriationPlanSharedMessage,
} from '@passage/schemas';
import { Clock, ExchangeSender } from '@passage/shared';
import { CaseEntity } from '../case-work/index.js';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../platform/index.js';
import { ReintegrationFollowUpEntity } from './entities/reintegration-follow-up.entity.js';
import type { RepatriationPlanEntity } from './entities/repatriation-plan.entity.js';
import { RepatriationStepEntity } from './entities/repatriation-step.entity.js';
import { RepatriationPlans } from './repatriation-plans.repository.js';

/**
 * Keeps the step owners of other nodes up to date. After every change of a plan, inside the change's
 * transaction, the plan's operational facts go to each country hosted elsewhere whose organisation owns
 * a step; a plan whose owners are all on this node sends nothing.
 */
@Injectable()
export class RepatriationPlanSharing {
  constructor(
    private readonly exchange: ExchangeSender,
    private readonly clock: Clock,
    @Inject(REFERRALS_CONFIG) private readonly config: ReferralsConfig,
    private readonly plans: RepatriationPlans,
  ) {}

  /** Whether a step owner of this country works on another node. */
  isRemote(country: string): boolean {
    return !this.config.HOSTED_COUNTRIES.includes(country);
  }

  async share(
    manager: EntityManager,
    plan: RepatriationPlanEntity,
    refusal: RepatriationPlanSharedMessage['refusal'] = null,
  ): Promise<void> {
    const steps = await manager.find(RepatriationStepEntity, { where: { planId: plan.id } });
    const countries = [...new Set(steps.map((step) => step.ownerCountry))].filter((country) =>
      this.isRemote(country),
    );
    if (countries.length === 0) return;
    const revision = await this.plans.nextSharedRevision(manager, plan.id);
    const { reference } = await manager.findOneByOrFail(CaseEntity, { id: plan.caseId });
    const followUps = await manager.find(ReintegrationFollowUpEntity, {
      where: { planId: plan.id },
      order: { monthsAfter: 'ASC' },
    });
    const payload: RepatriationPlanSharedMessage = {
      planId: plan.id,
      revision,
      caseReference: reference,
      jurisdictionCountry: plan.jurisdictionCountry,
      returnCountry: plan.returnCountry,
      ownerOrganisationId: plan.ownerOrganisationId,
      status: plan.status,
      approvedAt: plan.approvedAt?.toISOString() ?? null,
      arrivedAt: plan.arrivedAt?.toISOString() ?? null,
      createdAt: plan.createdAt.toISOString(),
      steps: steps.map((step) => ({
        kind: step.kind,
        ownerOrganisationId: step.ownerOrganisationId,
        ownerCountry: step.ownerCountry,
        dueOn: step.dueOn,
        status: step.status,
        enteredAt: step.enteredAt?.toISOString() ?? null,
        leftAt: step.leftAt?.toISOString() ?? null,
      })),
      followUps: followUps.map((followUp) => ({
        followUpId: followUp.id,
        monthsAfter: followUp.monthsAfter,
        dueOn: followUp.dueOn,
        outcome: followUp.outcome,
        recordedAt: followUp.recordedAt?.toISOString() ?? null,
      })),
      refusal,
      sharedAt: this.clock.now().toISOString(),
    };
    for (const country of countries) {
      // Also called from exchange handlers, inside the inbox's transaction: no unit of work to send through.
      // A standard plan travels as version 1, which every node reads; a plan with fewer steps as version 2.
      if (plan.pace === 'STANDARD') {
        await this.exchange.sendMessage(manager, repatriationPlanSharedMessageV1, {
          senderCountry: plan.jurisdictionCountry,
          recipientCountry: country,
          payload,
          correlationId: plan.id,
        });
      } else {
        await this.exchange.sendMessage(manager, repatriationPlanSharedMessageV2, {
          senderCountry: plan.jurisdictionCountry,
          recipientCountry: country,
          payload: { ...payload, pace: plan.pace },
          correlationId: plan.id,
        });
      }
    }
  }
}
