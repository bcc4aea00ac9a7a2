import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  stayPathwayClosedV1,
  stayPathwayOpenedV1,
  stayPathwayStepChangedV1,
  type DataCategory,
  type StayStepOutcome,
  type StayStepStatus,
} from '@passage/schemas';
import {
  AccessDeniedError,
  STAY_PATHWAY_WORKER_KINDS,
  type AllowedDecision,
  type AuthenticatedActor,
  type ResourceContext,
} from '@passage/shared';
import { ReferralsAccess, UnitOfWork, type ChangeAudit, type ChangeScope } from '../../platform/index.js';
import { CaseRecords, minorFromAgeBand, type LoadedCase } from '../../case-work/index.js';
import { OrganisationDirectory } from '../../cross-border/index.js';
import { ReturnRiskAssessmentEntity } from '../entities/return-risk-assessment.entity.js';
import { planResourceContext } from '../repatriation-context.js';
import { checkRule, repatriationErrors } from '../repatriation.errors.js';
import { stepTimesAfter } from '../rules/repatriation-steps.js';
import {
  stayPathwayBasis,
  stayPathwaySettlement,
  stayStepChange,
  stayStepKinds,
} from '../rules/stay-pathway-steps.js';
import type { OpenStayPathwayValue, WorkStayPathwayStepValue } from './dtos/stay-pathway.inputs.js';
import { StayPathwayStepEntity } from './entities/stay-pathway-step.entity.js';
import { StayPathwayEntity } from './entities/stay-pathway.entity.js';
import type { StayPathwayModel } from './graphql/stay-pathway.model.js';
import { StayPathwayReader } from './stay-pathway.reader.js';

/** A pathway loaded with what the policy and the rules need, and the decision that let the actor in. */
interface AuthorisedPathway {
  pathway: StayPathwayEntity;
  steps: StayPathwayStepEntity[];
  loaded: LoadedCase;
  context: ResourceContext;
  decision: AllowedDecision;
}

/**
 * Stay pathways: when return is not safe, a permit, an asylum or refugee status claim, or resettlement,
 * each worked step by step by organisations of the country the person is in. A pathway is opened on the
 * person's STAY_PATHWAY consent and on an assessment that found return unsafe, or on a supervisor's or
 * focal point's reason; its steps are worked in order and the decision that settles it closes it. Every
 * change runs in one unit of work with its events and its audit entry. A pathway never leaves its node:
 * an asylum claim is not shared across borders, least of all with the country the person fled.
 */
@Injectable()
export class StayPathwayService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly records: CaseRecords,
    private readonly access: ReferralsAccess,
    private readonly directory: OrganisationDirectory,
    private readonly reader: StayPathwayReader,
  ) {}

  open(actor: AuthenticatedActor, input: OpenStayPathwayValue): Promise<StayPathwayModel> {
    return this.work.run(actor, {
      action: 'stay-pathway.plan',
      // The policy refuses without the person's standing STAY_PATHWAY consent.
      authorise: (manager) =>
        this.records.authorisePerson(
          manager,
          actor,
          'stay-pathway.plan',
          input.caseId,
          input.personId,
          'personId',
          { lock: true },
        ),
      execute: async ({ manager, now, emit }, { person, record, personContext }) => {
        const latest = await manager.findOne(ReturnRiskAssessmentEntity, {
          where: { personId: person.id },
          order: { sequence: 'DESC' },
        });
        const { basis, riskAssessmentId } = checkRule(
          () =>
            stayPathwayBasis(
              latest && {
                id: latest.id,
                conclusion: latest.conclusion,
                // Judged by the person's age band now, like the approval of a return.
                childTrack: minorFromAgeBand(person.ageBand) !== false,
                returnInChildsBestInterest: latest.returnInChildsBestInterest,
              },
              input.reason,
            ),
          'reason',
        );
        // Without an assessment behind it, the pathway rests on the reason of a decision role.
        if (basis === 'DECISION_ROLE_REASON')
          this.access.authorise(actor, 'stay-pathway.decide', personContext);
        const open = await manager.countBy(StayPathwayEntity, { personId: person.id, status: 'OPEN' });
        if (open > 0) {
          throw repatriationErrors.error(
            'STAY_PATHWAY_ALREADY_OPEN',
            'this person already has an open stay pathway',
            {
              field: 'personId',
            },
          );
        }
        const pathway: StayPathwayEntity = {
          id: randomUUID(),
          caseId: record.id,
          personId: person.id,
          jurisdictionCountry: record.jurisdictionCountry,
          kind: input.kind,
          ownerOrganisationId: actor.organisationId,
          status: 'OPEN',
          basis,
          riskAssessmentId,
          reason: input.reason,
          openedBy: actor.userId,
          openedByOrganisationId: actor.organisationId,
          openedAt: now,
          closedAt: null,
          updatedAt: now,
        };
        const steps: StayPathwayStepEntity[] = [];
        for (const kind of stayStepKinds(input.kind)) {
          const index = input.steps.findIndex((step) => step.kind === kind);
          const owner = await this.directory.addressee(manager, input.steps[index].ownerOrganisationId, {
            field: `steps.${index}.ownerOrganisationId`,
            kinds: STAY_PATHWAY_WORKER_KINDS,
            country: record.jurisdictionCountry,
          });
          steps.push({
            pathwayId: pathway.id,
            kind,
            ownerOrganisationId: owner.organisationId,
            dueOn: input.steps[index].dueOn,
            status: 'PENDING',
            outcome: null,
            notes: null,
            enteredAt: null,
            leftAt: null,
            updatedBy: actor.userId,
            updatedAt: now,
          });
        }
        await manager.insert(StayPathwayEntity, pathway);
        await manager.insert(StayPathwayStepEntity, steps);
        await emit(stayPathwayOpenedV1, {
          aggregateId: pathway.caseId,
          payload: {
            caseId: pathway.caseId,
            personId: pathway.personId,
            pathwayId: pathway.id,
            kind: pathway.kind,
            jurisdictionCountry: pathway.jurisdictionCountry,
            basis,
            riskAssessmentId,
            ownerOrganisationId: pathway.ownerOrganisationId,
            steps: steps.map((step) => ({
              kind: step.kind,
              ownerOrganisationId: step.ownerOrganisationId,
              dueOn: step.dueOn,
            })),
            openedBy: actor.userId,
            openedAt: now.toISOString(),
          },
        });
        return { pathway, steps };
      },
      audit: (_authorised, { pathway }) =>
        pathwayAudit(
          pathway.id,
          pathway.reason ? ['OPERATIONAL', 'LEGAL', 'NARRATIVE'] : ['OPERATIONAL', 'LEGAL'],
          ['stayPathway.kind', 'stayPathway.steps', ...(pathway.reason ? ['stayPathway.reason'] : [])],
        ),
      view: ({ manager }, { personContext }, { pathway, steps }) =>
        this.reader.read(manager, actor, pathway, planResourceContext(personContext, pathway, steps)),
    });
  }

  /**
   * One action on one step. Its owner, the pathway's owner or the case's owner starts and completes it;
   * only its owner declines it; the pathway's or the case's owner gives it to another organisation. The
   * decision that settles the pathway closes it, and the steps left after it are marked not needed.
   */
  workStep(actor: AuthenticatedActor, input: WorkStayPathwayStepValue): Promise<StayPathwayModel> {
    return this.work.run(actor, {
      action: 'stay-pathway.plan',
      authorise: (manager) => this.authorisePathway(manager, actor, input.pathwayId),
      execute: async (scope, { pathway, steps, loaded }) => {
        const { manager, now } = scope;
        const step = steps.find((candidate) => candidate.kind === input.step);
        if (!step) {
          const message = `a ${pathway.kind} pathway has no ${input.step} step`;
          throw repatriationErrors.error('STEP_NOT_FOUND', message, { field: 'step' });
        }
        const coordinators = [pathway.ownerOrganisationId, loaded.record.ownerOrganisationId];
        const mayAct =
          input.action === 'REASSIGN' ? coordinators : [...coordinators, step.ownerOrganisationId];
        if (!mayAct.includes(actor.organisationId)) throw new AccessDeniedError('NO_NEED_TO_KNOW');
        const to = checkRule(
          () =>
            stayStepChange({
              pathway: pathway.kind,
              pathwayStatus: pathway.status,
              steps,
              step: input.step,
              action: input.action,
              outcome: input.outcome,
              actorOrganisationId: actor.organisationId,
            }),
          (reason) => (reason === 'STAY_OUTCOME_NOT_ALLOWED' ? 'outcome' : 'step'),
        );
        if (input.action === 'REASSIGN') {
          const owner = await this.directory.addressee(manager, input.ownerOrganisationId!, {
            field: 'ownerOrganisationId',
            kinds: STAY_PATHWAY_WORKER_KINDS,
            country: pathway.jurisdictionCountry,
          });
          step.ownerOrganisationId = owner.organisationId;
        }
        if (input.dueOn !== null) step.dueOn = input.dueOn;
        if (input.notes !== null) step.notes = input.notes;
        await this.moveStep(scope, pathway, step, to, input.action === 'COMPLETE' ? input.outcome : null);
        const settled = stayPathwaySettlement(pathway.kind, steps);
        if (settled) {
          for (const kind of settled.notNeeded) {
            await this.moveStep(
              scope,
              pathway,
              steps.find((candidate) => candidate.kind === kind)!,
              'DONE',
              'NOT_NEEDED',
            );
          }
          Object.assign(pathway, { status: settled.status, closedAt: now });
          await scope.emit(stayPathwayClosedV1, {
            aggregateId: pathway.caseId,
            payload: {
              caseId: pathway.caseId,
              personId: pathway.personId,
              pathwayId: pathway.id,
              kind: pathway.kind,
              status: settled.status,
              closedAt: now.toISOString(),
            },
          });
        }
        pathway.updatedAt = now;
        await manager.update(
          StayPathwayEntity,
          { id: pathway.id },
          { status: pathway.status, closedAt: pathway.closedAt, updatedAt: now },
        );
        return step.kind;
      },
      audit: ({ pathway }, kind) => {
        const categories: DataCategory[] = ['OPERATIONAL', 'LEGAL'];
        const fields = [`stayPathway.steps.${kind}`];
        if (input.notes !== null) {
          categories.push('NARRATIVE');
          fields.push(`stayPathway.steps.${kind}.notes`);
        }
        return pathwayAudit(pathway.id, categories, fields);
      },
      view: async ({ manager }, { pathway, loaded }) => {
        // Re-read the team: a reassigned step changes who the pathway's members are.
        const steps = await this.reader.steps(manager, pathway);
        const person = loaded.persons.find((candidate) => candidate.id === pathway.personId)!;
        const context = planResourceContext(this.records.personContext(loaded, person), pathway, steps);
        return this.reader.read(manager, actor, pathway, context);
      },
    });
  }

  /** Writes a step's new status, outcome and times, with its event. */
  private async moveStep(
    { manager, actor, now, emit }: ChangeScope,
    pathway: StayPathwayEntity,
    step: StayPathwayStepEntity,
    to: StayStepStatus,
    outcome: StayStepOutcome | null,
  ): Promise<void> {
    const from = step.status;
    const times = stepTimesAfter(step, to, now);
    Object.assign(step, { status: to, outcome, ...times, updatedBy: actor.userId, updatedAt: now });
    await manager.update(
      StayPathwayStepEntity,
      { pathwayId: pathway.id, kind: step.kind },
      {
        ownerOrganisationId: step.ownerOrganisationId,
        dueOn: step.dueOn,
        status: to,
        outcome,
        notes: step.notes,
        enteredAt: times.enteredAt,
        leftAt: times.leftAt,
        updatedBy: actor.userId,
        updatedAt: now,
      },
    );
    await emit(stayPathwayStepChangedV1, {
      aggregateId: pathway.caseId,
      payload: {
        caseId: pathway.caseId,
        pathwayId: pathway.id,
        step: step.kind,
        from,
        to,
        outcome,
        ownerOrganisationId: step.ownerOrganisationId,
        enteredAt: times.enteredAt?.toISOString() ?? null,
        leftAt: times.leftAt?.toISOString() ?? null,
        changedByOrganisationId: actor.organisationId,
        changedBy: actor.userId,
        changedAt: now.toISOString(),
      },
    });
  }

  /**
   * Loads and locks a pathway and asks the policy about it. A pathway that does not exist is refused
   * exactly like one the actor may not see.
   */
  private async authorisePathway(
    manager: EntityManager,
    actor: AuthenticatedActor,
    pathwayId: string,
  ): Promise<AuthorisedPathway> {
    const pathway = await manager.findOne(StayPathwayEntity, {
      where: { id: pathwayId },
      lock: { mode: 'pessimistic_write' },
    });
    const loaded = pathway ? await this.records.load(manager, pathway.caseId) : null;
    const person = loaded?.persons.find((candidate) => candidate.id === pathway?.personId);
    if (!pathway || !loaded || !person) {
      this.access.authorise(actor, 'stay-pathway.plan', null);
      throw repatriationErrors.error('STAY_PATHWAY_NOT_FOUND', 'No such pathway.', { field: 'pathwayId' });
    }
    const steps = await this.reader.steps(manager, pathway);
    const context = planResourceContext(this.records.personContext(loaded, person), pathway, steps);
    const decision = this.access.authorise(actor, 'stay-pathway.plan', context);
    return { pathway, steps, loaded, context, decision };
  }
}

/** The one audit entry of a change of a pathway: an asylum claim is legal data. */
function pathwayAudit(pathwayId: string, categories: DataCategory[], fields: string[]): ChangeAudit {
  return { resourceType: 'stay-pathway', resourceId: pathwayId, categories, fields, purpose: 'CASE_WORK' };
}
