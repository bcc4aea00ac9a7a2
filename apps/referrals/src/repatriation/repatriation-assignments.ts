import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  repatriationArrivalReportedMessageV1,
  repatriationFollowUpReportedMessageV1,
  repatriationStepChangeRequestedMessageV1,
  type DataCategory,
  type RepatriationPlanShare,
  type RepatriationStepKind,
} from '@passage/schemas';
import {
  AccessDeniedError,
  Clock,
  type AllowedDecision,
  type AuthenticatedActor,
  type ExchangeHeader,
  type ResourceContext,
} from '@passage/shared';
import { ReferralsAccess, ReferralsAudit, UnitOfWork, type ChangeAudit } from '../platform/index.js';
import { AssignedPlans, type AssignmentRow, type FollowUpNoteRow } from './assigned-plans.repository.js';
import type {
  ConfirmArrivalValue,
  RecordFollowUpValue,
  UpdateRepatriationStepValue,
} from './dtos/repatriation.inputs.js';
import type { RepatriationPlanModel } from './graphql/repatriation.model.js';
import { checkArrival } from './repatriation-arrival.js';
import { checkRule, repatriationErrors } from './repatriation.errors.js';
import { assertStepChange, isStepOverdue, stepTimesAfter } from './rules/repatriation-steps.js';

type SharedPlan = RepatriationPlanShare;
type SharedStep = SharedPlan['steps'][number];

/** A copy locked for a change and the decision that let the actor in. */
interface AuthorisedCopy {
  row: AssignmentRow;
  decision: AllowedDecision;
}

/**
 * The step owner's side of a plan held on another node: an operational copy of the plan (no personal
 * field ever reaches it), kept current by the plan's node, and the way this node's organisations work
 * their steps, confirm arrival and record follow-ups. Every change is checked here against the copy, so
 * a user gets a coded error at once, then travels to the plan's node, which decides; the copy shows the
 * change at once and is replaced by the plan's node's answer (with its refusal, if it refused).
 */
@Injectable()
export class RepatriationAssignments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly work: UnitOfWork,
    private readonly access: ReferralsAccess,
    private readonly audit: ReferralsAudit,
    private readonly clock: Clock,
    private readonly assigned: AssignedPlans,
  ) {}

  /** Keeps the newest share of a plan; an older one arriving late changes nothing. */
  // Outside the unit of work by design (ADR 015): an exchange handler inside the inbox's transaction, with no actor and no audit entry.
  async receive(message: SharedPlan, header: ExchangeHeader, manager: EntityManager): Promise<void> {
    if (header.sender.country !== message.jurisdictionCountry) {
      throw repatriationErrors.error('SENDER_NOT_ENTITLED', "only the plan's country shares its plan");
    }
    if (!message.steps.some((step) => step.ownerCountry === header.recipient.country)) {
      throw repatriationErrors.error(
        'SENDER_NOT_ENTITLED',
        'no step of this plan belongs to the recipient country',
      );
    }
    // The plan id is the sender's word: a copy already held belongs to the country that first shared it,
    // and another country claiming the same id must not replace its steps or status.
    const heldFor = await this.assigned.jurisdictionOf(manager, message.planId);
    if (heldFor !== null && heldFor !== message.jurisdictionCountry) {
      throw repatriationErrors.error('SENDER_NOT_ENTITLED', `this plan is ${heldFor}'s`);
    }
    await this.assigned.keepNewest(manager, message, this.clock.now());
  }

  holds(planId: string): Promise<boolean> {
    return this.assigned.exists(this.dataSource.manager, planId);
  }

  /** Plans of other nodes in which the actor's organisation owns a step. */
  async list(actor: AuthenticatedActor): Promise<RepatriationPlanModel[]> {
    this.access.authoriseAny(actor, 'repatriation.plan');
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.assigned.stepOwnedBy(manager, actor.organisationId);
      const plans: RepatriationPlanModel[] = [];
      for (const row of rows) {
        const decision = this.access.authorise(actor, 'repatriation.plan', assignmentContext(row));
        await this.audit.record(manager, actor, {
          action: 'repatriation.plan',
          resourceType: 'repatriation-plan',
          resourceId: row.plan_id,
          categories: ['OPERATIONAL'],
          fields: ['repatriationPlan'],
          purpose: 'CASE_WORK',
          reason: decision.reason,
        });
        plans.push(await this.view(manager, actor, row));
      }
      return plans;
    });
  }

  async requestStepChange(
    actor: AuthenticatedActor,
    input: UpdateRepatriationStepValue,
  ): Promise<RepatriationPlanModel> {
    if (input.exitClearance) {
      throw repatriationErrors.error(
        'EXIT_CLEARANCE_ELSEWHERE',
        'exit clearance is requested on the node of the country the person leaves',
        { field: 'exitClearance' },
      );
    }
    return this.work.run(actor, {
      action: 'repatriation.plan',
      authorise: (manager) => this.authorise(manager, actor, input.planId),
      execute: async ({ manager, now, send }, { row }) => {
        const step = this.ownStep(row, input.step, actor);
        const dueOnly = input.status === step.status && input.dueOn !== null;
        if (!dueOnly) {
          checkRule(
            () =>
              assertStepChange({
                kind: step.kind,
                from: step.status,
                to: input.status,
                planStatus: row.status,
                source: 'CASE_WORK',
              }),
            'status',
          );
          const times = stepTimesAfter(
            { enteredAt: toDate(step.enteredAt), leftAt: toDate(step.leftAt) },
            input.status,
            now,
          );
          Object.assign(step, {
            status: input.status,
            enteredAt: times.enteredAt?.toISOString() ?? null,
            leftAt: times.leftAt?.toISOString() ?? null,
          });
        }
        if (input.dueOn !== null) step.dueOn = input.dueOn;
        await this.assigned.keepLocally(manager, row);
        await send(repatriationStepChangeRequestedMessageV1, {
          senderCountry: step.ownerCountry,
          recipientCountry: row.jurisdiction_country,
          payload: {
            planId: row.plan_id,
            step: step.kind,
            status: input.status,
            dueOn: input.dueOn,
            requestedByOrganisationId: actor.organisationId,
            requestedBy: actor.userId,
            requestedAt: now.toISOString(),
          },
          correlationId: row.plan_id,
        });
        return step.kind;
      },
      audit: ({ row }, kind) => planAudit(row.plan_id, ['OPERATIONAL'], [`repatriationPlan.steps.${kind}`]),
      view: ({ manager }, { row }) => this.view(manager, actor, row),
    });
  }

  async reportArrival(actor: AuthenticatedActor, input: ConfirmArrivalValue): Promise<RepatriationPlanModel> {
    return this.work.run(actor, {
      action: 'repatriation.plan',
      authorise: (manager) => this.authorise(manager, actor, input.planId),
      execute: async ({ manager, now, send }, { row }) => {
        const reception = this.ownStep(row, 'RECEPTION', actor);
        checkArrival({ status: row.status, approvedAt: row.approved_at }, row.steps, input.arrivedAt, now);
        const times = stepTimesAfter(
          { enteredAt: toDate(reception.enteredAt), leftAt: toDate(reception.leftAt) },
          'DONE',
          now,
        );
        Object.assign(reception, {
          status: 'DONE',
          enteredAt: times.enteredAt!.toISOString(),
          leftAt: times.leftAt!.toISOString(),
        });
        Object.assign(row, { status: 'COMPLETED', arrived_at: input.arrivedAt });
        await this.assigned.keepLocally(manager, row);
        await send(repatriationArrivalReportedMessageV1, {
          senderCountry: reception.ownerCountry,
          recipientCountry: row.jurisdiction_country,
          payload: {
            planId: row.plan_id,
            arrivedAt: input.arrivedAt.toISOString(),
            confirmedByOrganisationId: actor.organisationId,
            confirmedBy: actor.userId,
            confirmedAt: now.toISOString(),
          },
          correlationId: row.plan_id,
        });
      },
      audit: ({ row }) => planAudit(row.plan_id, ['OPERATIONAL'], ['repatriationPlan.arrivedAt']),
      view: ({ manager }, { row }) => this.view(manager, actor, row),
    });
  }

  /** Whether a follow-up belongs to a plan held on another node (its id is known here only from a share). */
  async holdsFollowUp(followUpId: string): Promise<boolean> {
    return (await this.assigned.planOfFollowUp(this.dataSource.manager, followUpId)) !== null;
  }

  /** The outcome goes to the plan's node; the notes, written by the receiving organisation, stay here. */
  async reportFollowUp(
    actor: AuthenticatedActor,
    input: RecordFollowUpValue,
  ): Promise<RepatriationPlanModel> {
    return this.work.run(actor, {
      action: 'repatriation.plan',
      authorise: async (manager) => {
        const planId = await this.assigned.planOfFollowUp(manager, input.followUpId);
        if (!planId)
          throw repatriationErrors.error('FOLLOW_UP_NOT_FOUND', 'No such follow-up.', {
            field: 'followUpId',
          });
        return this.authorise(manager, actor, planId);
      },
      execute: async ({ manager, now, send }, { row }) => {
        const reception = this.ownStep(row, 'RECEPTION', actor);
        const followUp = row.follow_ups.find((candidate) => candidate.followUpId === input.followUpId)!;
        const noted = await this.assigned.hasNote(manager, followUp.followUpId);
        if (followUp.recordedAt || noted) {
          throw repatriationErrors.error('FOLLOW_UP_ALREADY_RECORDED', 'this follow-up is already recorded', {
            field: 'followUpId',
          });
        }
        Object.assign(followUp, { outcome: input.outcome, recordedAt: now.toISOString() });
        await this.assigned.keepLocally(manager, row);
        if (input.notes) {
          await this.assigned.insertNote(manager, {
            followUpId: followUp.followUpId,
            planId: row.plan_id,
            notes: input.notes,
            recordedBy: actor.userId,
            recordedByOrganisationId: actor.organisationId,
            recordedAt: now,
          });
        }
        await send(repatriationFollowUpReportedMessageV1, {
          senderCountry: reception.ownerCountry,
          recipientCountry: row.jurisdiction_country,
          payload: {
            planId: row.plan_id,
            followUpId: followUp.followUpId,
            outcome: input.outcome,
            recordedByOrganisationId: actor.organisationId,
            recordedBy: actor.userId,
            recordedAt: now.toISOString(),
          },
          correlationId: row.plan_id,
        });
      },
      audit: ({ row }) =>
        planAudit(
          row.plan_id,
          input.notes ? ['OPERATIONAL', 'NARRATIVE'] : ['OPERATIONAL'],
          input.notes ? ['followUps.outcome', 'followUps.notes'] : ['followUps.outcome'],
        ),
      view: ({ manager }, { row }) => this.view(manager, actor, row),
    });
  }

  /** Locks the copy and asks the policy; a plan this node holds no copy of is refused like one it may not see. */
  private async authorise(
    manager: EntityManager,
    actor: AuthenticatedActor,
    planId: string,
  ): Promise<AuthorisedCopy> {
    const row = await this.assigned.findForUpdate(manager, planId);
    const decision = this.access.authorise(actor, 'repatriation.plan', row ? assignmentContext(row) : null);
    if (!row) throw repatriationErrors.error('PLAN_NOT_FOUND', 'No such plan.', { field: 'planId' });
    return { row, decision };
  }

  /**
   * Only a step's owner works it from here: the plan's owner works on the plan's node. A step the plan
   * does not have (a fast voluntary return has no reception) is nobody's here.
   */
  private ownStep(row: AssignmentRow, kind: RepatriationStepKind, actor: AuthenticatedActor): SharedStep {
    const step = row.steps.find((candidate) => candidate.kind === kind);
    if (!step || step.ownerOrganisationId !== actor.organisationId || step.ownerCountry !== actor.country) {
      throw new AccessDeniedError('NO_NEED_TO_KNOW');
    }
    return step;
  }

  private async view(
    manager: EntityManager,
    actor: AuthenticatedActor,
    row: AssignmentRow,
  ): Promise<RepatriationPlanModel> {
    const notes = await this.assigned.notesOf(manager, row.plan_id);
    const today = this.clock.now().toISOString().slice(0, 10);
    return {
      id: row.plan_id,
      caseId: null,
      personId: null,
      caseReference: row.case_reference,
      sharedFromCountry: row.jurisdiction_country,
      lastRefusal: row.refusal,
      jurisdictionCountry: row.jurisdiction_country,
      returnCountry: row.return_country,
      ownerOrganisationId: row.owner_organisation_id,
      status: row.status,
      pace: row.pace,
      receptionGap: null,
      receptionArrangement: null,
      riskAssessmentId: null,
      approvedByOrganisationId: null,
      approvedAt: row.approved_at,
      arrivedAt: toDate(row.arrived_at),
      createdAt: row.created_at,
      steps: row.steps.map((step) => ({
        kind: step.kind,
        ownerOrganisationId: step.ownerOrganisationId,
        ownerCountry: step.ownerCountry,
        dueOn: step.dueOn,
        status: step.status,
        enteredAt: toDate(step.enteredAt),
        leftAt: toDate(step.leftAt),
        overdue: isStepOverdue(step, today),
      })),
      exitClearance: null,
      followUps: row.follow_ups.map((followUp) => {
        const note = notes.find((candidate) => candidate.follow_up_id === followUp.followUpId);
        return {
          id: followUp.followUpId,
          monthsAfter: followUp.monthsAfter,
          dueOn: followUp.dueOn,
          outcome: followUp.outcome,
          notes: note && this.mayReadNote(actor, row, note) ? note.notes : null,
          recordedAt: toDate(followUp.recordedAt),
        };
      }),
    };
  }

  /** A follow-up's notes are the recording organisation's own record, held on its node. */
  private mayReadNote(actor: AuthenticatedActor, row: AssignmentRow, note: FollowUpNoteRow): boolean {
    const context: ResourceContext = {
      ownerOrganisationId: note.recorded_by_org_id,
      ownerCountry: actor.country ?? '',
      jurisdictionCountry: row.jurisdiction_country,
      team: [],
      consents: ['RETURN'],
    };
    return (
      this.access.visibleCategories(actor, 'repatriation.plan', context, ['NARRATIVE']).NARRATIVE === 'ALLOW'
    );
  }
}

/** The one audit entry of a change of a copy: the plan held elsewhere, by its id. */
function planAudit(planId: string, categories: DataCategory[], fields: string[]): ChangeAudit {
  return { resourceType: 'repatriation-plan', resourceId: planId, categories, fields, purpose: 'CASE_WORK' };
}

/**
 * The policy's view of a copy: the plan's owner on the other node owns it, and every step owner is a
 * team member with operational facts only. A plan exists only with the person's RETURN consent, which
 * the plan's node checked when it created the plan.
 */
function assignmentContext(row: AssignmentRow): ResourceContext {
  return {
    ownerOrganisationId: row.owner_organisation_id,
    ownerCountry: row.jurisdiction_country,
    jurisdictionCountry: row.jurisdiction_country,
    team: [...new Set(row.steps.map((step) => step.ownerOrganisationId))].map((organisationId) => ({
      organisationId,
      via: 'REFERRAL' as const,
      sharedCategories: ['OPERATIONAL'],
    })),
    consents: ['RETURN'],
  };
}

function toDate(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}
