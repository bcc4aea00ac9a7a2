import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { REPATRIATION_STEP_KINDS } from '@passage/schemas';
import { Clock, type AuthenticatedActor, type CaseWorkAction, type ResourceContext } from '@passage/shared';
import { ReferralsAccess } from '../platform/index.js';
import { CaseEntity } from '../case-work/index.js';
import { ExitClearanceRequestEntity } from './exit-clearance/entities/exit-clearance-request.entity.js';
import { ReintegrationFollowUpEntity } from './entities/reintegration-follow-up.entity.js';
import type { RepatriationPlanEntity } from './entities/repatriation-plan.entity.js';
import { RepatriationStepEntity } from './entities/repatriation-step.entity.js';
import type { RepatriationPlanModel } from './graphql/repatriation.model.js';
import { isStepOverdue } from './rules/repatriation-steps.js';

/**
 * Shapes a plan for the caller: steps in their usual order, the latest exit-clearance outcome (never
 * its document, name or code), and follow-ups whose narrative notes only those who may see the person's
 * narrative get.
 */
@Injectable()
export class RepatriationPlanReader {
  constructor(
    private readonly access: ReferralsAccess,
    private readonly clock: Clock,
  ) {}

  async steps(manager: EntityManager, planId: string): Promise<RepatriationStepEntity[]> {
    const rows = await manager.find(RepatriationStepEntity, { where: { planId } });
    return REPATRIATION_STEP_KINDS.flatMap((kind) => rows.filter((row) => row.kind === kind));
  }

  async read(
    manager: EntityManager,
    actor: AuthenticatedActor,
    action: CaseWorkAction,
    plan: RepatriationPlanEntity,
    context: ResourceContext,
  ): Promise<RepatriationPlanModel> {
    const { NARRATIVE } = this.access.visibleCategories(actor, action, context, ['NARRATIVE']);
    const today = this.clock.now().toISOString().slice(0, 10);
    const steps = await this.steps(manager, plan.id);
    const request = await manager.findOne(ExitClearanceRequestEntity, {
      where: { planId: plan.id },
      order: { requestedAt: 'DESC', id: 'DESC' },
    });
    const { reference } = await manager.findOneByOrFail(CaseEntity, { id: plan.caseId });
    const followUps = await manager.find(ReintegrationFollowUpEntity, {
      where: { planId: plan.id },
      order: { monthsAfter: 'ASC' },
    });
    return {
      id: plan.id,
      caseId: plan.caseId,
      personId: plan.personId,
      caseReference: reference,
      sharedFromCountry: null,
      lastRefusal: null,
      jurisdictionCountry: plan.jurisdictionCountry,
      returnCountry: plan.returnCountry,
      ownerOrganisationId: plan.ownerOrganisationId,
      status: plan.status,
      pace: plan.pace,
      receptionGap: plan.receptionGap,
      receptionArrangement: plan.receptionArrangement,
      riskAssessmentId: plan.riskAssessmentId,
      approvedByOrganisationId: plan.approvedByOrganisationId,
      approvedAt: plan.approvedAt,
      arrivedAt: plan.arrivedAt,
      createdAt: plan.createdAt,
      steps: steps.map((step) => ({
        kind: step.kind,
        ownerOrganisationId: step.ownerOrganisationId,
        ownerCountry: step.ownerCountry,
        dueOn: step.dueOn,
        status: step.status,
        enteredAt: step.enteredAt,
        leftAt: step.leftAt,
        overdue: isStepOverdue(step, today),
      })),
      exitClearance: request
        ? {
            requestId: request.id,
            addressedToOrganisationId: request.addressedToOrganisationId,
            status: request.status,
            fineWaived: request.fineWaived,
            reference: request.responseReference,
            requestedAt: request.requestedAt,
            respondedAt: request.respondedAt,
          }
        : null,
      followUps: followUps.map((followUp) => ({
        id: followUp.id,
        monthsAfter: followUp.monthsAfter,
        dueOn: followUp.dueOn,
        outcome: followUp.outcome,
        notes: NARRATIVE === 'ALLOW' ? followUp.notes : null,
        recordedAt: followUp.recordedAt,
      })),
    };
  }
}
