import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock, type AuthenticatedActor, type ResourceContext } from '@passage/shared';
import { ReferralsAccess } from '../../platform/index.js';
import { CaseEntity } from '../../case-work/index.js';
import { isStepOverdue } from '../rules/repatriation-steps.js';
import { stayStepKinds } from '../rules/stay-pathway-steps.js';
import { StayPathwayStepEntity } from './entities/stay-pathway-step.entity.js';
import type { StayPathwayEntity } from './entities/stay-pathway.entity.js';
import type { StayPathwayModel } from './graphql/stay-pathway.model.js';

/**
 * Shapes a stay pathway for the caller: its steps in the order they are worked, and the opening reason
 * and step notes only for whoever may see the person's narrative (the case's owner, not a step owner who
 * was given operational facts only).
 */
@Injectable()
export class StayPathwayReader {
  constructor(
    private readonly access: ReferralsAccess,
    private readonly clock: Clock,
  ) {}

  async steps(manager: EntityManager, pathway: StayPathwayEntity): Promise<StayPathwayStepEntity[]> {
    const rows = await manager.find(StayPathwayStepEntity, { where: { pathwayId: pathway.id } });
    return stayStepKinds(pathway.kind).flatMap((kind) => rows.filter((row) => row.kind === kind));
  }

  async read(
    manager: EntityManager,
    actor: AuthenticatedActor,
    pathway: StayPathwayEntity,
    context: ResourceContext,
  ): Promise<StayPathwayModel> {
    const visible = this.access.visibleCategories(actor, 'stay-pathway.plan', context, ['NARRATIVE']);
    const narrative = visible.NARRATIVE === 'ALLOW';
    const today = this.clock.now().toISOString().slice(0, 10);
    const { reference } = await manager.findOneByOrFail(CaseEntity, { id: pathway.caseId });
    return {
      id: pathway.id,
      caseId: pathway.caseId,
      personId: pathway.personId,
      caseReference: reference,
      jurisdictionCountry: pathway.jurisdictionCountry,
      kind: pathway.kind,
      status: pathway.status,
      basis: pathway.basis,
      riskAssessmentId: pathway.riskAssessmentId,
      reason: narrative ? pathway.reason : null,
      ownerOrganisationId: pathway.ownerOrganisationId,
      openedAt: pathway.openedAt,
      closedAt: pathway.closedAt,
      steps: (await this.steps(manager, pathway)).map((step) => ({
        kind: step.kind,
        ownerOrganisationId: step.ownerOrganisationId,
        dueOn: step.dueOn,
        status: step.status,
        outcome: step.outcome,
        notes: narrative ? step.notes : null,
        enteredAt: step.enteredAt,
        leftAt: step.leftAt,
        overdue: isStepOverdue(step, today),
      })),
      withheldCategories: narrative ? [] : ['NARRATIVE'],
    };
  }
}
