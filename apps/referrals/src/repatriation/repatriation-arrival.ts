import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  arrivalConfirmedV1,
  followUpRecordedV1,
  type FollowUpOutcome,
  type RepatriationPlanStatus,
  type RepatriationStepKind,
  type RepatriationStepStatus,
} from '@passage/schemas';
import { Outbox } from '@passage/shared';
import { ReintegrationFollowUpEntity } from './entities/reintegration-follow-up.entity.js';
import { RepatriationPlanEntity } from './entities/repatriation-plan.entity.js';
import type { RepatriationStepEntity } from './entities/repatriation-step.entity.js';
import { RepatriationStepWriter, type StepChanger } from './repatriation-step.writer.js';
import { checkRule, repatriationErrors } from './repatriation.errors.js';
import { assertArrivalConfirmable } from './rules/repatriation-steps.js';
import { followUpSchedule } from './rules/repatriation-follow-up.js';

/** Injection token of the months after arrival at which follow-ups fall due. */
export const REPATRIATION_FOLLOW_UP_MONTHS = Symbol('REPATRIATION_FOLLOW_UP_MONTHS');

/**
 * Whether arrival can be confirmed for a plan: approved, every other step done, at a time between the
 * approval and now. Checked where the plan lives and, first, on the node of a reception owner abroad.
 */
export function checkArrival(
  plan: { status: RepatriationPlanStatus; approvedAt: Date | null },
  steps: readonly { kind: RepatriationStepKind; status: RepatriationStepStatus }[],
  arrivedAt: Date,
  now: Date,
): void {
  if (arrivedAt.getTime() > now.getTime()) {
    throw repatriationErrors.error('TIME_IN_FUTURE', 'must not be in the future', { field: 'arrivedAt' });
  }
  checkRule(() => assertArrivalConfirmable(plan.status, steps), 'planId');
  if (plan.approvedAt && arrivedAt.getTime() < plan.approvedAt.getTime()) {
    throw repatriationErrors.error('ARRIVAL_BEFORE_APPROVAL', 'must not be before the approval', {
      field: 'arrivedAt',
    });
  }
}

/**
 * The end of a plan on the plan's node: arrival closes it and schedules the reintegration follow-ups,
 * and each follow-up's outcome is recorded once. The RECEPTION owner does both, signed in here or, from
 * another country's node, through the exchange; either way the same rules and events apply.
 */
@Injectable()
export class RepatriationArrival {
  constructor(
    private readonly outbox: Outbox,
    private readonly steps: RepatriationStepWriter,
    @Inject(REPATRIATION_FOLLOW_UP_MONTHS) private readonly followUpMonths: readonly number[],
  ) {}

  async confirm(
    manager: EntityManager,
    changer: StepChanger,
    plan: RepatriationPlanEntity,
    steps: RepatriationStepEntity[],
    arrivedAt: Date,
    now: Date,
  ): Promise<void> {
    checkArrival(plan, steps, arrivedAt, now);
    // A fast voluntary return has no reception step: the person is home all the same.
    const reception = steps.find((step) => step.kind === 'RECEPTION');
    if (reception && reception.status !== 'DONE') {
      await this.steps.apply(manager, changer, plan, reception, 'DONE', now);
    }
    const completion = { status: 'COMPLETED' as const, arrivedAt, updatedAt: now };
    await manager.update(RepatriationPlanEntity, { id: plan.id }, completion);
    Object.assign(plan, completion);
    const followUps: ReintegrationFollowUpEntity[] = followUpSchedule(arrivedAt, this.followUpMonths).map(
      (due) => ({
        id: randomUUID(),
        planId: plan.id,
        monthsAfter: due.monthsAfter,
        dueOn: due.dueOn,
        outcome: null,
        notes: null,
        recordedBy: null,
        recordedByOrganisationId: null,
        recordedAt: null,
      }),
    );
    if (followUps.length > 0) await manager.insert(ReintegrationFollowUpEntity, followUps);
    await this.outbox.appendEvent(manager, arrivalConfirmedV1, {
      aggregateId: plan.caseId,
      payload: {
        caseId: plan.caseId,
        personId: plan.personId,
        planId: plan.id,
        arrivedAt: arrivedAt.toISOString(),
        followUps: followUps.map((followUp) => ({
          followUpId: followUp.id,
          monthsAfter: followUp.monthsAfter,
          dueOn: followUp.dueOn,
        })),
        confirmedByOrganisationId: changer.organisationId,
        confirmedBy: changer.userId,
      },
    });
  }

  /** `notes` is null when the follow-up was recorded on another node, which keeps its notes itself. */
  async recordOutcome(
    manager: EntityManager,
    changer: StepChanger,
    plan: RepatriationPlanEntity,
    followUp: ReintegrationFollowUpEntity,
    outcome: FollowUpOutcome,
    notes: string | null,
    now: Date,
  ): Promise<void> {
    if (followUp.recordedAt) {
      throw repatriationErrors.error('FOLLOW_UP_ALREADY_RECORDED', 'this follow-up is already recorded', {
        field: 'followUpId',
      });
    }
    await manager.update(
      ReintegrationFollowUpEntity,
      { id: followUp.id },
      {
        outcome,
        notes,
        recordedBy: changer.userId,
        recordedByOrganisationId: changer.organisationId,
        recordedAt: now,
      },
    );
    await manager.update(RepatriationPlanEntity, { id: plan.id }, { updatedAt: now });
    await this.outbox.appendEvent(manager, followUpRecordedV1, {
      aggregateId: plan.caseId,
      payload: {
        caseId: plan.caseId,
        planId: plan.id,
        followUpId: followUp.id,
        monthsAfter: followUp.monthsAfter,
        outcome,
        recordedByOrganisationId: changer.organisationId,
        recordedBy: changer.userId,
        recordedAt: now.toISOString(),
      },
    });
  }
}
