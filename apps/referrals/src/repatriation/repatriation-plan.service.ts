import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { repatriationPlanApprovedV1, repatriationPlanCreatedV1, type DataCategory } from '@passage/schemas';
import {
  AccessDeniedError,
  REPATRIATION_KINDS,
  type AllowedDecision,
  type AuthenticatedActor,
  type CaseWorkAction,
  type ResourceContext,
} from '@passage/shared';
import { ReferralsAccess, UnitOfWork, type ChangeAudit } from '../platform/index.js';
import { CaseRecords, minorFromAgeBand, type LoadedCase, type PersonEntity } from '../case-work/index.js';
import { OrganisationDirectory } from '../cross-border/index.js';
import { ExitClearanceService } from './exit-clearance/exit-clearance.service.js';
import type {
  ConfirmArrivalValue,
  CreateRepatriationPlanValue,
  RecordFollowUpValue,
  UpdateRepatriationStepValue,
} from './dtos/repatriation.inputs.js';
import { ReintegrationFollowUpEntity } from './entities/reintegration-follow-up.entity.js';
import { RepatriationPlanEntity } from './entities/repatriation-plan.entity.js';
import { RepatriationStepEntity } from './entities/repatriation-step.entity.js';
import { ReturnRiskAssessmentEntity } from './entities/return-risk-assessment.entity.js';
import type { RepatriationPlanModel } from './graphql/repatriation.model.js';
import { RepatriationArrival } from './repatriation-arrival.js';
import { planResourceContext } from './repatriation-context.js';
import { RepatriationPlanSharing } from './repatriation-plan-sharing.js';
import { RepatriationPlanReader } from './repatriation-plan.reader.js';
import { RepatriationStepWriter } from './repatriation-step.writer.js';
import { checkRule, repatriationErrors } from './repatriation.errors.js';
import {
  arrivalConfirmer,
  assertPaceFits,
  inUsualOrder,
  paceStepsProblem,
} from './rules/repatriation-pace.js';
import { RECEIVING_KINDS, receptionCoverage } from './rules/reception-coverage.js';
import { assertReturnApprovable } from './rules/repatriation-risk.js';

/** A plan loaded with everything the policy and the rules need, and the decision that let the actor in. */
interface AuthorisedPlan {
  plan: RepatriationPlanEntity;
  steps: RepatriationStepEntity[];
  loaded: LoadedCase;
  person: PersonEntity;
  context: ResourceContext;
  decision: AllowedDecision;
}

/**
 * Repatriation plans: created only with the person's consent to return, worked step by step by the
 * organisations that own the steps, approved by the jurisdiction's coordinator on a risk assessment that
 * allows it, and closed by the origin side's confirmation of arrival, which schedules reintegration
 * follow-ups. A fast voluntary return is the same plan with fewer steps (rules/repatriation-pace.ts); with
 * no reception planned, its owner confirms arrival. Every change runs in one unit of work with its events
 * and its audit entry.
 */
@Injectable()
export class RepatriationPlanService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly records: CaseRecords,
    private readonly access: ReferralsAccess,
    private readonly reader: RepatriationPlanReader,
    private readonly steps: RepatriationStepWriter,
    private readonly exitClearance: ExitClearanceService,
    private readonly arrival: RepatriationArrival,
    private readonly sharing: RepatriationPlanSharing,
    private readonly directory: OrganisationDirectory,
  ) {}

  create(actor: AuthenticatedActor, input: CreateRepatriationPlanValue): Promise<RepatriationPlanModel> {
    return this.work.run(actor, {
      action: 'repatriation.plan',
      // The policy refuses without the person's standing RETURN consent.
      authorise: (manager) =>
        this.records.authorisePerson(
          manager,
          actor,
          'repatriation.plan',
          input.caseId,
          input.personId,
          'personId',
          { lock: true },
        ),
      execute: async ({ manager, now, emit }, { person, record }) => {
        const returnCountry = input.returnCountry ?? person.nationality;
        if (!returnCountry) {
          throw repatriationErrors.error(
            'RETURN_COUNTRY_UNKNOWN',
            "required when the person's nationality is unknown",
            { field: 'returnCountry' },
          );
        }
        if (returnCountry === record.jurisdictionCountry) {
          throw repatriationErrors.error(
            'RETURN_TO_COUNTRY_LEFT',
            'must differ from the country the person leaves',
            { field: 'returnCountry' },
          );
        }
        // A person whose age is unknown returns as a child would: on a standard plan.
        checkRule(() => assertPaceFits(input.pace, minorFromAgeBand(person.ageBand) !== false), 'pace');
        const problem = paceStepsProblem(
          input.pace,
          input.steps.map((step) => step.kind),
        );
        if (problem) throw repatriationErrors.error('STEP_MISSING', problem, { field: 'steps' });
        const open = await manager
          .getRepository(RepatriationPlanEntity)
          .createQueryBuilder('p')
          .where("p.person_id = :personId AND p.status <> 'COMPLETED'", { personId: person.id })
          .getCount();
        if (open > 0) {
          throw repatriationErrors.error(
            'PLAN_ALREADY_OPEN',
            'this person already has an open repatriation plan',
            { field: 'personId' },
          );
        }
        const coverage = receptionCoverage(
          await this.directory.countActive(manager, returnCountry, RECEIVING_KINDS),
          input.receptionArrangement,
        );
        if (!coverage) {
          throw repatriationErrors.error(
            'RECEPTION_ARRANGEMENT_REQUIRED',
            `no organisation on the platform receives people in ${returnCountry}: say who receives the person instead`,
            { field: 'receptionArrangement' },
          );
        }
        const plan: RepatriationPlanEntity = {
          id: randomUUID(),
          caseId: record.id,
          personId: person.id,
          jurisdictionCountry: record.jurisdictionCountry,
          returnCountry,
          ownerOrganisationId: actor.organisationId,
          status: 'PREPARING',
          pace: input.pace,
          riskAssessmentId: null,
          approvedBy: null,
          approvedByOrganisationId: null,
          approvedAt: null,
          arrivedAt: null,
          receptionGap: coverage.gap,
          receptionArrangement: coverage.arrangement,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        };
        await manager.insert(RepatriationPlanEntity, plan);
        const steps: RepatriationStepEntity[] = [];
        for (const kind of inUsualOrder(input.steps.map((step) => step.kind))) {
          const planned = input.steps.find((step) => step.kind === kind)!;
          // Immigration answers only for the country it guards and owns no other step: it is never a
          // member of the plan. Every other step belongs to an organisation that may work plans (so it
          // can see and move its step), of any country.
          const owner = await this.directory.addressee(manager, planned.ownerOrganisationId, {
            field: `steps.${kind}.ownerOrganisationId`,
            ...(kind === 'EXIT_CLEARANCE'
              ? { kinds: ['IMMIGRATION'], country: record.jurisdictionCountry }
              : { kinds: REPATRIATION_KINDS }),
          });
          steps.push({
            planId: plan.id,
            kind,
            ownerOrganisationId: owner.organisationId,
            ownerCountry: owner.country,
            dueOn: planned.dueOn,
            status: 'PENDING',
            enteredAt: null,
            leftAt: null,
            updatedBy: actor.userId,
            updatedAt: now,
          });
        }
        await manager.insert(RepatriationStepEntity, steps);
        await emit(repatriationPlanCreatedV1, {
          aggregateId: plan.caseId,
          payload: {
            caseId: plan.caseId,
            personId: plan.personId,
            planId: plan.id,
            jurisdictionCountry: plan.jurisdictionCountry,
            returnCountry,
            ownerOrganisationId: plan.ownerOrganisationId,
            steps: steps.map((step) => ({ kind: step.kind, ownerOrganisationId: step.ownerOrganisationId })),
            pace: plan.pace,
            createdBy: actor.userId,
            createdAt: now.toISOString(),
          },
        });
        await this.sharing.share(manager, plan);
        return { plan, steps };
      },
      audit: (_authorised, { plan }) =>
        planAudit(
          plan.id,
          ['OPERATIONAL'],
          [
            'repatriationPlan.returnCountry',
            'repatriationPlan.steps',
            ...(plan.receptionArrangement ? ['repatriationPlan.receptionArrangement'] : []),
          ],
        ),
      view: ({ manager }, { personContext }, { plan, steps }) =>
        this.reader.read(
          manager,
          actor,
          'repatriation.plan',
          plan,
          planResourceContext(personContext, plan, steps),
        ),
    });
  }

  /**
   * Moves one step, by its owner or by the plan's or the case's owner. Starting EXIT_CLEARANCE addresses
   * a new exit-clearance request to the step's owner.
   */
  updateStep(actor: AuthenticatedActor, input: UpdateRepatriationStepValue): Promise<RepatriationPlanModel> {
    return this.work.run(actor, {
      action: 'repatriation.plan',
      authorise: (manager) => this.authorisePlan(manager, actor, 'repatriation.plan', input.planId),
      execute: async (scope, { plan, steps, loaded }) => {
        const { manager, now } = scope;
        const step = steps.find((candidate) => candidate.kind === input.step);
        if (!step)
          throw repatriationErrors.error('STEP_NOT_FOUND', 'no such step in this plan', { field: 'step' });
        const mayWork = [
          step.ownerOrganisationId,
          plan.ownerOrganisationId,
          loaded.record.ownerOrganisationId,
        ];
        if (!mayWork.includes(actor.organisationId)) throw new AccessDeniedError('NO_NEED_TO_KNOW');
        if (input.dueOn !== null && input.dueOn !== step.dueOn) {
          await manager.update(
            RepatriationStepEntity,
            { planId: plan.id, kind: step.kind },
            { dueOn: input.dueOn },
          );
          step.dueOn = input.dueOn;
        }
        const dueOnly = input.status === step.status && input.dueOn !== null;
        if (!dueOnly) await this.steps.change(manager, actor, plan, step, input.status, 'CASE_WORK', now);
        if (input.exitClearance) {
          await this.exitClearance.open(scope, plan, step.ownerOrganisationId, input.exitClearance);
        }
        await manager.update(RepatriationPlanEntity, { id: plan.id }, { updatedAt: now });
        await this.sharing.share(manager, plan);
        return step.kind;
      },
      audit: ({ plan }, kind) => {
        const fields = [`repatriationPlan.steps.${kind}`];
        if (input.exitClearance)
          fields.push('exitClearance.travelDocumentNumber', 'exitClearance.nameOnTravelDocument');
        return planAudit(
          plan.id,
          input.exitClearance ? ['OPERATIONAL', 'IDENTITY'] : ['OPERATIONAL'],
          fields,
        );
      },
      view: ({ manager }, { plan, context }) =>
        this.reader.read(manager, actor, 'repatriation.plan', plan, context),
    });
  }

  /**
   * Approval by the jurisdiction's coordinator, on the person's latest risk assessment. Whether the
   * child track applies is decided from the person's age band now, not when the assessment was made.
   */
  approve(actor: AuthenticatedActor, planId: string): Promise<RepatriationPlanModel> {
    return this.work.run(actor, {
      action: 'repatriation.approve',
      authorise: (manager) => this.authorisePlan(manager, actor, 'repatriation.approve', planId, 'planId'),
      execute: async ({ manager, now, emit }, { plan, person }) => {
        if (plan.status !== 'PREPARING') {
          throw repatriationErrors.error('PLAN_NOT_PREPARING', `a ${plan.status} plan cannot be approved`, {
            field: 'planId',
          });
        }
        const childTrack = minorFromAgeBand(person.ageBand) !== false;
        // The age band may have changed since the plan was made: a child's return is never a fast one.
        checkRule(() => assertPaceFits(plan.pace, childTrack), 'planId');
        const assessment = await manager.findOne(ReturnRiskAssessmentEntity, {
          where: { personId: person.id },
          order: { sequence: 'DESC' },
        });
        checkRule(
          () =>
            assertReturnApprovable(
              assessment && {
                factors: assessment.factors,
                conclusion: assessment.conclusion,
                returnInChildsBestInterest: assessment.returnInChildsBestInterest,
                hasGuardian: assessment.guardianName !== null,
              },
              childTrack,
            ),
          'planId',
        );
        const approval = {
          status: 'APPROVED' as const,
          riskAssessmentId: assessment!.id,
          approvedBy: actor.userId,
          approvedByOrganisationId: actor.organisationId,
          approvedAt: now,
          updatedAt: now,
        };
        await manager.update(RepatriationPlanEntity, { id: plan.id }, approval);
        Object.assign(plan, approval);
        await this.sharing.share(manager, plan);
        await emit(repatriationPlanApprovedV1, {
          aggregateId: plan.caseId,
          payload: {
            caseId: plan.caseId,
            personId: plan.personId,
            planId: plan.id,
            riskAssessmentId: approval.riskAssessmentId,
            conclusion: assessment!.conclusion,
            approvedByOrganisationId: actor.organisationId,
            approvedBy: actor.userId,
            approvedAt: now.toISOString(),
          },
        });
      },
      audit: ({ plan }) =>
        planAudit(
          plan.id,
          ['OPERATIONAL', 'LEGAL'],
          ['repatriationPlan.status', 'returnRiskAssessment.conclusion'],
        ),
      view: ({ manager }, { plan, context }) =>
        this.reader.read(manager, actor, 'repatriation.approve', plan, context),
    });
  }

  /**
   * The origin side (the RECEPTION step's owner) confirms the person arrived: RECEPTION is done, the plan
   * closes, and reintegration follow-ups fall due at the configured months after arrival. A plan without
   * reception (a fast voluntary return) is confirmed by its owner.
   */
  confirmArrival(actor: AuthenticatedActor, input: ConfirmArrivalValue): Promise<RepatriationPlanModel> {
    return this.work.run(actor, {
      action: 'repatriation.plan',
      authorise: (manager) => this.authorisePlan(manager, actor, 'repatriation.plan', input.planId),
      execute: async ({ manager, now }, { plan, steps }) => {
        if (arrivalConfirmer(plan, steps) !== actor.organisationId)
          throw new AccessDeniedError('NO_NEED_TO_KNOW');
        await this.arrival.confirm(manager, actor, plan, steps, input.arrivedAt, now);
        await this.sharing.share(manager, plan);
      },
      audit: ({ plan }) =>
        planAudit(plan.id, ['OPERATIONAL'], ['repatriationPlan.arrivedAt', 'repatriationPlan.followUps']),
      view: ({ manager }, { plan, context }) =>
        this.reader.read(manager, actor, 'repatriation.plan', plan, context),
    });
  }

  /** The outcome of one follow-up, by the organisation that received the person or the plan's owner. */
  recordFollowUp(actor: AuthenticatedActor, input: RecordFollowUpValue): Promise<RepatriationPlanModel> {
    return this.work.run(actor, {
      action: 'repatriation.plan',
      authorise: async (manager) => {
        const followUp = await manager.findOne(ReintegrationFollowUpEntity, {
          where: { id: input.followUpId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!followUp) {
          this.access.authorise(actor, 'repatriation.plan', null);
          throw repatriationErrors.error('FOLLOW_UP_NOT_FOUND', 'No such follow-up.', {
            field: 'followUpId',
          });
        }
        return {
          followUp,
          ...(await this.authorisePlan(manager, actor, 'repatriation.plan', followUp.planId)),
        };
      },
      execute: async ({ manager, now }, { plan, steps, followUp }) => {
        if (![arrivalConfirmer(plan, steps), plan.ownerOrganisationId].includes(actor.organisationId)) {
          throw new AccessDeniedError('NO_NEED_TO_KNOW');
        }
        await this.arrival.recordOutcome(manager, actor, plan, followUp, input.outcome, input.notes, now);
        await this.sharing.share(manager, plan);
      },
      audit: ({ plan }) =>
        planAudit(
          plan.id,
          input.notes ? ['OPERATIONAL', 'NARRATIVE'] : ['OPERATIONAL'],
          input.notes ? ['followUps.outcome', 'followUps.notes'] : ['followUps.outcome'],
        ),
      view: ({ manager }, { plan, context }) =>
        this.reader.read(manager, actor, 'repatriation.plan', plan, context),
    });
  }

  /**
   * Loads and locks a plan and asks the policy about it. A plan that does not exist is refused exactly
   * like one the actor may not see.
   */
  private async authorisePlan(
    manager: EntityManager,
    actor: AuthenticatedActor,
    action: CaseWorkAction,
    planId: string,
    field = 'planId',
  ): Promise<AuthorisedPlan> {
    const plan = await manager.findOne(RepatriationPlanEntity, {
      where: { id: planId },
      lock: { mode: 'pessimistic_write' },
    });
    const loaded = plan ? await this.records.load(manager, plan.caseId) : null;
    const person = loaded?.persons.find((candidate) => candidate.id === plan?.personId);
    if (!plan || !loaded || !person) {
      this.access.authorise(actor, action, null);
      throw repatriationErrors.error('PLAN_NOT_FOUND', 'No such plan.', { field });
    }
    const steps = await this.reader.steps(manager, plan.id);
    const context = planResourceContext(this.records.personContext(loaded, person), plan, steps);
    const decision = this.access.authorise(actor, action, context);
    return { plan, steps, loaded, person, context, decision };
  }
}

/** The one audit entry of a change of a plan. */
function planAudit(planId: string, categories: DataCategory[], fields: string[]): ChangeAudit {
  return { resourceType: 'repatriation-plan', resourceId: planId, categories, fields, purpose: 'CASE_WORK' };
}
