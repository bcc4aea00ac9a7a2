import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  RepatriationArrivalReportedMessage,
  RepatriationFollowUpReportedMessage,
  RepatriationStepChangeRequestedMessage,
  RepatriationStepKind,
} from '@passage/schemas';
import { Clock, CodedError, type ExchangeHeader } from '@passage/shared';
import { CaseRecords } from '../case-work/index.js';
import { ReintegrationFollowUpEntity } from './entities/reintegration-follow-up.entity.js';
import { RepatriationPlanEntity } from './entities/repatriation-plan.entity.js';
import { RepatriationStepEntity } from './entities/repatriation-step.entity.js';
import { RepatriationArrival } from './repatriation-arrival.js';
import { RepatriationPlanSharing } from './repatriation-plan-sharing.js';
import { RepatriationStepWriter, type StepChanger } from './repatriation-step.writer.js';
import { repatriationErrors } from './repatriation.errors.js';

/**
 * The plan's node applying the work of step owners on other nodes. The envelope's sender country and
 * the step's recorded owner are checked first: a message from anyone else is refused outright (and
 * parked). A request the plan's rules refuse (a step moved out of order, arrival before every step is
 * done) is not an attack but a race or a mistake, so the plan is shared back with the refusal, and the
 * other side sees both the true state and why its change did not take.
 */
// Outside the unit of work by design (ADR 015): exchange handlers applied inside the inbox's transaction, with no actor and no audit entry.
@Injectable()
export class RemoteStepWork {
  constructor(
    private readonly steps: RepatriationStepWriter,
    private readonly arrival: RepatriationArrival,
    private readonly sharing: RepatriationPlanSharing,
    private readonly records: CaseRecords,
    private readonly clock: Clock,
  ) {}

  async applyStepChange(
    message: RepatriationStepChangeRequestedMessage,
    header: ExchangeHeader,
    manager: EntityManager,
  ): Promise<void> {
    const { plan, steps } = await this.load(manager, message.planId);
    const step = this.ownedStep(steps, message.step, header, message.requestedByOrganisationId);
    const changer = { userId: message.requestedBy, organisationId: message.requestedByOrganisationId };
    await this.orRefuse(manager, plan, async () => {
      const now = this.clock.now();
      if (message.dueOn !== null && message.dueOn !== step.dueOn) {
        await manager.update(
          RepatriationStepEntity,
          { planId: plan.id, kind: step.kind },
          { dueOn: message.dueOn },
        );
        step.dueOn = message.dueOn;
      }
      if (message.status !== step.status || message.dueOn === null) {
        await this.steps.change(manager, changer, plan, step, message.status, 'CASE_WORK', now);
      }
      await manager.update(RepatriationPlanEntity, { id: plan.id }, { updatedAt: now });
    });
  }

  async applyArrival(
    message: RepatriationArrivalReportedMessage,
    header: ExchangeHeader,
    manager: EntityManager,
  ): Promise<void> {
    const { plan, steps } = await this.load(manager, message.planId);
    this.ownedStep(steps, 'RECEPTION', header, message.confirmedByOrganisationId);
    const changer = { userId: message.confirmedBy, organisationId: message.confirmedByOrganisationId };
    await this.orRefuse(manager, plan, () =>
      this.arrival.confirm(manager, changer, plan, steps, new Date(message.arrivedAt), this.clock.now()),
    );
  }

  async applyFollowUp(
    message: RepatriationFollowUpReportedMessage,
    header: ExchangeHeader,
    manager: EntityManager,
  ): Promise<void> {
    const { plan, steps } = await this.load(manager, message.planId);
    this.ownedStep(steps, 'RECEPTION', header, message.recordedByOrganisationId);
    const followUp = await manager.findOne(ReintegrationFollowUpEntity, {
      where: { id: message.followUpId, planId: plan.id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!followUp)
      throw repatriationErrors.error('FOLLOW_UP_NOT_FOUND', 'follow-up of another plan or none at all');
    const changer: StepChanger = {
      userId: message.recordedBy,
      organisationId: message.recordedByOrganisationId,
    };
    await this.orRefuse(manager, plan, () =>
      this.arrival.recordOutcome(manager, changer, plan, followUp, message.outcome, null, this.clock.now()),
    );
  }

  /**
   * The survivor may withdraw consent to return at any time; from then on nobody works the plan, on this
   * node (the policy refuses) or from afar (refused here, and the owner told why).
   */
  private async assertReturnConsent(manager: EntityManager, plan: RepatriationPlanEntity): Promise<void> {
    const loaded = await this.records.load(manager, plan.caseId);
    if (!loaded?.standingConsents.get(plan.personId)?.includes('RETURN')) {
      throw repatriationErrors.error('CONSENT_REQUIRED', 'the person no longer consents to return');
    }
  }

  private async load(manager: EntityManager, planId: string) {
    const plan = await manager.findOne(RepatriationPlanEntity, {
      where: { id: planId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!plan) throw repatriationErrors.error('PLAN_NOT_FOUND', 'work on a plan this node does not hold');
    const rows = await manager.find(RepatriationStepEntity, { where: { planId } });
    return { plan, steps: rows };
  }

  private ownedStep(
    steps: RepatriationStepEntity[],
    kind: RepatriationStepKind,
    header: ExchangeHeader,
    organisationId: string,
  ): RepatriationStepEntity {
    const step = steps.find((candidate) => candidate.kind === kind);
    if (
      !step ||
      step.ownerCountry !== header.sender.country ||
      step.ownerOrganisationId !== organisationId ||
      !this.sharing.isRemote(step.ownerCountry)
    ) {
      throw repatriationErrors.error(
        'SENDER_NOT_ENTITLED',
        `only the owner of ${kind}, on its own node, may work it from afar`,
      );
    }
    return step;
  }

  /** Runs the change in a savepoint so that a refused change leaves nothing half-written. */
  private async orRefuse(
    manager: EntityManager,
    plan: RepatriationPlanEntity,
    change: () => Promise<void>,
  ): Promise<void> {
    await manager.query('SAVEPOINT remote_step_work');
    try {
      await this.assertReturnConsent(manager, plan);
      await change();
      await manager.query('RELEASE SAVEPOINT remote_step_work');
    } catch (error) {
      if (!(error instanceof CodedError) || !['CONFLICT', 'BAD_USER_INPUT'].includes(error.code)) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT remote_step_work');
      const current = await manager.findOneByOrFail(RepatriationPlanEntity, { id: plan.id });
      await this.sharing.share(manager, current, {
        code: error.details.reason ?? error.code,
        message: error.message.slice(0, 500),
      });
      return;
    }
    await this.sharing.share(manager, plan);
  }
}
