import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { repatriationStepChangedV1, type RepatriationStepStatus } from '@passage/schemas';
import { Outbox, type AuthenticatedActor } from '@passage/shared';
import type { RepatriationPlanEntity } from './entities/repatriation-plan.entity.js';
import { RepatriationStepEntity } from './entities/repatriation-step.entity.js';
import { checkRule } from './repatriation.errors.js';
import { assertStepChange, stepTimesAfter, type StepChangeSource } from './rules/repatriation-steps.js';

/**
 * Who changed a step: a signed-in actor of this node, or an organisation of another country whose
 * request came through the exchange (its people are not users of this node).
 */
export type StepChanger = Pick<AuthenticatedActor, 'userId' | 'organisationId'>;

/**
 * Moves a step and records when it was entered and left, with its event, inside the caller's
 * transaction. Both the organisations working the plan and the immigration authority's answer go
 * through here, so the recorded times always follow the same rules.
 */
@Injectable()
export class RepatriationStepWriter {
  constructor(private readonly outbox: Outbox) {}

  async change(
    manager: EntityManager,
    actor: StepChanger,
    plan: RepatriationPlanEntity,
    step: RepatriationStepEntity,
    to: RepatriationStepStatus,
    source: StepChangeSource,
    at: Date,
    field = 'status',
  ): Promise<void> {
    checkRule(
      () => assertStepChange({ kind: step.kind, from: step.status, to, planStatus: plan.status, source }),
      field,
    );
    await this.apply(manager, actor, plan, step, to, at);
  }

  /**
   * Records a change the caller has already checked (arrival completes RECEPTION whatever its status:
   * the person is home). A step that never left PENDING is entered and left at the same instant.
   */
  async apply(
    manager: EntityManager,
    actor: StepChanger,
    plan: RepatriationPlanEntity,
    step: RepatriationStepEntity,
    to: RepatriationStepStatus,
    at: Date,
  ): Promise<void> {
    const from = step.status;
    const times = stepTimesAfter(step, to, at);
    await manager.update(
      RepatriationStepEntity,
      { planId: plan.id, kind: step.kind },
      {
        status: to,
        enteredAt: times.enteredAt,
        leftAt: times.leftAt,
        updatedBy: actor.userId,
        updatedAt: at,
      },
    );
    Object.assign(step, { status: to, ...times, updatedBy: actor.userId, updatedAt: at });
    await this.outbox.appendEvent(manager, repatriationStepChangedV1, {
      aggregateId: plan.caseId,
      payload: {
        caseId: plan.caseId,
        planId: plan.id,
        step: step.kind,
        from,
        to,
        planStatus: plan.status,
        enteredAt: times.enteredAt?.toISOString() ?? null,
        leftAt: times.leftAt?.toISOString() ?? null,
        changedByOrganisationId: actor.organisationId,
        changedBy: actor.userId,
        changedAt: at.toISOString(),
      },
    });
  }
}
