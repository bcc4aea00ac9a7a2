import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  assertStepChange,
  isStepOverdue,
  repatriationArrivalReportedMessageV1,
  repatriationFollowUpReportedMessageV1,
  repatriationStepChangeRequestedMessageV1,
  stepTimesAfter,
  type DataCategory,
  type RepatriationPlanSharedMessage,
  type RepatriationStepKind,
} from '@passage/schemas';
import {
  AccessDeniedError,
  Clock,
  CodedError,
  ExchangeSender,
  type AllowedDecision,
  type AuthenticatedActor,
  type ExchangeHeader,
  type JsonValue,
  type ResourceContext,
} from '@passage/shared';
import type { z } from 'zod';
import { ReferralsAccess } from '../platform/index.js';
import { ReferralsAudit } from '../platform/index.js';
import type {
  confirmArrivalSchema,
  recordFollowUpSchema,
  updateRepatriationStepSchema,
} from './dtos/repatriation.inputs.js';
import type { RepatriationPlanModel } from './graphql/repatriation.model.js';
import { checkArrival } from './repatriation-arrival.js';
import { checkRule } from './repatriation.errors.js';

type SharedPlan = RepatriationPlanSharedMessage;
type SharedStep = SharedPlan['steps'][number];

interface AssignmentRow {
  plan_id: string;
  revision: number;
  case_reference: string;
  jurisdiction_country: string;
  return_country: string;
  owner_organisation_id: string;
  status: SharedPlan['status'];
  approved_at: Date | null;
  arrived_at: Date | null;
  created_at: Date;
  steps: SharedStep[];
  follow_ups: SharedPlan['followUps'];
  refusal: SharedPlan['refusal'];
}

interface FollowUpNoteRow {
  follow_up_id: string;
  notes: string;
  recorded_by_org_id: string;
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
    private readonly access: ReferralsAccess,
    private readonly audit: ReferralsAudit,
    private readonly exchange: ExchangeSender,
    private readonly clock: Clock,
  ) {}

  /** Keeps the newest share of a plan; an older one arriving late changes nothing. */
  async receive(message: SharedPlan, header: ExchangeHeader, manager: EntityManager): Promise<void> {
    if (header.sender.country !== message.jurisdictionCountry) {
      throw new CodedError('FORBIDDEN', "only the plan's country shares its plan");
    }
    if (!message.steps.some((step) => step.ownerCountry === header.recipient.country)) {
      throw new CodedError('FORBIDDEN', 'no step of this plan belongs to the recipient country');
    }
    const owners = [...new Set(message.steps.map((step) => step.ownerOrganisationId))];
    await manager.query(
      `INSERT INTO repatriation_assignment (plan_id, revision, case_reference, jurisdiction_country, return_country,
         owner_organisation_id, owner_organisation_ids, status, approved_at, arrived_at, created_at, steps, follow_ups,
         refusal, shared_at, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (plan_id) DO UPDATE SET revision = EXCLUDED.revision, status = EXCLUDED.status,
         owner_organisation_ids = EXCLUDED.owner_organisation_ids, approved_at = EXCLUDED.approved_at,
         arrived_at = EXCLUDED.arrived_at, steps = EXCLUDED.steps, follow_ups = EXCLUDED.follow_ups,
         refusal = EXCLUDED.refusal, shared_at = EXCLUDED.shared_at, received_at = EXCLUDED.received_at
       WHERE repatriation_assignment.revision < EXCLUDED.revision`,
      [
        message.planId,
        message.revision,
        message.caseReference,
        message.jurisdictionCountry,
        message.returnCountry,
        message.ownerOrganisationId,
        owners,
        message.status,
        message.approvedAt,
        message.arrivedAt,
        message.createdAt,
        JSON.stringify(message.steps),
        JSON.stringify(message.followUps),
        message.refusal ? JSON.stringify(message.refusal) : null,
        message.sharedAt,
        this.clock.now(),
      ],
    );
  }

  async holds(planId: string): Promise<boolean> {
    const rows = (await this.dataSource.query(`SELECT 1 FROM repatriation_assignment WHERE plan_id = $1`, [
      planId,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** Plans of other nodes in which the actor's organisation owns a step. */
  async list(actor: AuthenticatedActor): Promise<RepatriationPlanModel[]> {
    this.access.authoriseAny(actor, 'repatriation.plan');
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT * FROM repatriation_assignment WHERE $1 = ANY(owner_organisation_ids)
          ORDER BY shared_at DESC LIMIT 200`,
        [actor.organisationId],
      )) as AssignmentRow[];
      const plans: RepatriationPlanModel[] = [];
      for (const row of rows) {
        const decision = this.access.authorise(actor, 'repatriation.plan', assignmentContext(row));
        await this.recordAudit(manager, actor, decision, row.plan_id, ['OPERATIONAL'], ['repatriationPlan']);
        plans.push(await this.view(manager, actor, row));
      }
      return plans;
    });
  }

  async requestStepChange(
    actor: AuthenticatedActor,
    input: z.output<typeof updateRepatriationStepSchema>,
  ): Promise<RepatriationPlanModel> {
    if (input.exitClearance) {
      throw new CodedError(
        'BAD_USER_INPUT',
        'input.exitClearance: exit clearance is requested on the node of the country the person leaves',
        { field: 'input.exitClearance' },
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const { row, decision } = await this.authorise(manager, actor, input.planId);
      const step = this.ownStep(row, input.step, actor);
      const now = this.clock.now();
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
          'input.status',
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
      await this.keepLocally(manager, row);
      await this.send(manager, row, step.ownerCountry, {
        type: repatriationStepChangeRequestedMessageV1,
        payload: repatriationStepChangeRequestedMessageV1.schema.parse({
          planId: row.plan_id,
          step: step.kind,
          status: input.status,
          dueOn: input.dueOn,
          requestedByOrganisationId: actor.organisationId,
          requestedBy: actor.userId,
          requestedAt: now.toISOString(),
        }),
      });
      await this.recordAudit(
        manager,
        actor,
        decision,
        row.plan_id,
        ['OPERATIONAL'],
        [`repatriationPlan.steps.${step.kind}`],
      );
      return this.view(manager, actor, row);
    });
  }

  async reportArrival(
    actor: AuthenticatedActor,
    input: z.output<typeof confirmArrivalSchema>,
  ): Promise<RepatriationPlanModel> {
    return this.dataSource.transaction(async (manager) => {
      const { row, decision } = await this.authorise(manager, actor, input.planId);
      const reception = this.ownStep(row, 'RECEPTION', actor);
      const now = this.clock.now();
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
      await this.keepLocally(manager, row);
      await this.send(manager, row, reception.ownerCountry, {
        type: repatriationArrivalReportedMessageV1,
        payload: repatriationArrivalReportedMessageV1.schema.parse({
          planId: row.plan_id,
          arrivedAt: input.arrivedAt.toISOString(),
          confirmedByOrganisationId: actor.organisationId,
          confirmedBy: actor.userId,
          confirmedAt: now.toISOString(),
        }),
      });
      await this.recordAudit(
        manager,
        actor,
        decision,
        row.plan_id,
        ['OPERATIONAL'],
        ['repatriationPlan.arrivedAt'],
      );
      return this.view(manager, actor, row);
    });
  }

  /** Whether a follow-up belongs to a plan held on another node (its id is known here only from a share). */
  async holdsFollowUp(followUpId: string): Promise<boolean> {
    return (await this.planOfFollowUp(this.dataSource.manager, followUpId)) !== null;
  }

  /** The outcome goes to the plan's node; the notes, written by the receiving organisation, stay here. */
  async reportFollowUp(
    actor: AuthenticatedActor,
    input: z.output<typeof recordFollowUpSchema>,
  ): Promise<RepatriationPlanModel> {
    return this.dataSource.transaction(async (manager) => {
      const planId = await this.planOfFollowUp(manager, input.followUpId);
      if (!planId) throw new CodedError('NOT_FOUND', 'No such follow-up.', { field: 'input.followUpId' });
      const { row, decision } = await this.authorise(manager, actor, planId);
      const reception = this.ownStep(row, 'RECEPTION', actor);
      const followUp = row.follow_ups.find((candidate) => candidate.followUpId === input.followUpId)!;
      const [noted] = (await manager.query(
        `SELECT 1 FROM repatriation_follow_up_note WHERE follow_up_id = $1`,
        [followUp.followUpId],
      )) as unknown[];
      if (followUp.recordedAt || noted) {
        throw new CodedError('CONFLICT', 'input.followUpId: this follow-up is already recorded', {
          field: 'input.followUpId',
        });
      }
      const now = this.clock.now();
      Object.assign(followUp, { outcome: input.outcome, recordedAt: now.toISOString() });
      await this.keepLocally(manager, row);
      if (input.notes) {
        await manager.query(
          `INSERT INTO repatriation_follow_up_note (follow_up_id, plan_id, notes, recorded_by, recorded_by_org_id, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [followUp.followUpId, row.plan_id, input.notes, actor.userId, actor.organisationId, now],
        );
      }
      await this.send(manager, row, reception.ownerCountry, {
        type: repatriationFollowUpReportedMessageV1,
        payload: repatriationFollowUpReportedMessageV1.schema.parse({
          planId: row.plan_id,
          followUpId: followUp.followUpId,
          outcome: input.outcome,
          recordedByOrganisationId: actor.organisationId,
          recordedBy: actor.userId,
          recordedAt: now.toISOString(),
        }),
      });
      await this.recordAudit(
        manager,
        actor,
        decision,
        row.plan_id,
        input.notes ? ['OPERATIONAL', 'NARRATIVE'] : ['OPERATIONAL'],
        input.notes ? ['followUps.outcome', 'followUps.notes'] : ['followUps.outcome'],
      );
      return this.view(manager, actor, row);
    });
  }

  private async planOfFollowUp(manager: EntityManager, followUpId: string): Promise<string | null> {
    const [row] = (await manager.query(
      `SELECT plan_id FROM repatriation_assignment WHERE follow_ups @> $1::jsonb`,
      [JSON.stringify([{ followUpId }])],
    )) as { plan_id: string }[];
    return row?.plan_id ?? null;
  }

  /** Locks the copy and asks the policy; a plan this node holds no copy of is refused like one it may not see. */
  private async authorise(
    manager: EntityManager,
    actor: AuthenticatedActor,
    planId: string,
  ): Promise<{ row: AssignmentRow; decision: AllowedDecision }> {
    const [row] = (await manager.query(
      `SELECT * FROM repatriation_assignment WHERE plan_id = $1 FOR UPDATE`,
      [planId],
    )) as AssignmentRow[];
    const decision = this.access.authorise(actor, 'repatriation.plan', row ? assignmentContext(row) : null);
    if (!row) throw new CodedError('NOT_FOUND', 'No such plan.', { field: 'input.planId' });
    return { row, decision };
  }

  /** Only a step's owner works it from here: the plan's owner works on the plan's node. */
  private ownStep(row: AssignmentRow, kind: RepatriationStepKind, actor: AuthenticatedActor): SharedStep {
    const step = row.steps.find((candidate) => candidate.kind === kind)!;
    if (step.ownerOrganisationId !== actor.organisationId || step.ownerCountry !== actor.country) {
      throw new AccessDeniedError('NO_NEED_TO_KNOW');
    }
    return step;
  }

  /** The change shows at once; the plan's node's next share (same revision counter) replaces it. */
  private async keepLocally(manager: EntityManager, row: AssignmentRow): Promise<void> {
    await manager.query(
      `UPDATE repatriation_assignment SET status = $2, arrived_at = $3, steps = $4, follow_ups = $5, refusal = NULL
        WHERE plan_id = $1`,
      [row.plan_id, row.status, row.arrived_at, JSON.stringify(row.steps), JSON.stringify(row.follow_ups)],
    );
    row.refusal = null;
  }

  private async send(
    manager: EntityManager,
    row: AssignmentRow,
    senderCountry: string,
    message: { type: { type: string; version: number }; payload: JsonValue },
  ): Promise<void> {
    await this.exchange.send(manager, {
      senderCountry,
      recipientCountry: row.jurisdiction_country,
      type: message.type.type,
      typeVersion: message.type.version,
      payload: message.payload,
      correlationId: row.plan_id,
    });
  }

  private async view(
    manager: EntityManager,
    actor: AuthenticatedActor,
    row: AssignmentRow,
  ): Promise<RepatriationPlanModel> {
    const notes = (await manager.query(
      `SELECT follow_up_id, notes, recorded_by_org_id FROM repatriation_follow_up_note WHERE plan_id = $1`,
      [row.plan_id],
    )) as FollowUpNoteRow[];
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

  private recordAudit(
    manager: EntityManager,
    actor: AuthenticatedActor,
    decision: AllowedDecision,
    planId: string,
    categories: DataCategory[],
    fields: string[],
  ): Promise<void> {
    return this.audit.record(manager, actor, {
      action: 'repatriation.plan',
      resourceType: 'repatriation-plan',
      resourceId: planId,
      categories,
      fields,
      purpose: 'CASE_WORK',
      reason: decision.reason,
    });
  }
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
