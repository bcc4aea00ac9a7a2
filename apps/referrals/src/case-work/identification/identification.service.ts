import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { identificationDecidedV1, type OrganisationKind } from '@passage/schemas';
import { CASE_WORK_RULES, Clock, type AuthenticatedActor } from '@passage/shared';
import { ReferralsAccess, UnitOfWork } from '../../platform/index.js';
import { CaseRecords } from '../case/case-records.js';
import { caseWorkErrors, refuseClosedCase, refuseFutureTime } from '../case-work.errors.js';
import { CaseViewReader } from '../case/case-view.reader.js';
import type { CaseModel } from '../case/graphql/case.model.js';
import type { RecordIdentificationDecision } from './dtos/identification.inputs.js';
import { FollowUpTasks } from '../follow-up/follow-up-tasks.repository.js';
import { listedOrganisation } from '../follow-up/listed-organisations.js';
import { IdentificationDecisionHooks } from './identification-decision-hooks.js';
import { IdentificationDecisionEntity } from './entities/identification-decision.entity.js';
import { followUpTasksFor, isAllowedDecision } from './identification-vocabulary.js';

/**
 * Identification decisions, one line of them per person and jurisdiction: destination and origin
 * countries decide separately, each on its own authority, and may recognise each other's decisions.
 */
@Injectable()
export class IdentificationService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly records: CaseRecords,
    private readonly access: ReferralsAccess,
    private readonly views: CaseViewReader,
    // A date in the future is refused before the case is even looked up.
    private readonly clock: Clock,
    private readonly followUpTasks: FollowUpTasks,
    private readonly decisionHooks: IdentificationDecisionHooks,
  ) {}

  async recordDecision(actor: AuthenticatedActor, input: RecordIdentificationDecision): Promise<CaseModel> {
    refuseFutureTime(input.decidedAt, this.clock.now(), 'decidedAt');
    return this.work.run(actor, {
      action: 'identification.decide',
      authorise: async (manager) => {
        // Need to know first: whoever decides must already be allowed to read the case.
        const { person, personContext, record } = await this.records.authorisePerson(
          manager,
          actor,
          'case.read',
          input.caseId,
          input.personId,
          'personId',
          { lock: true },
        );
        const jurisdictionCountry = input.jurisdictionCountry ?? personContext.jurisdictionCountry;
        // Then authority: the policy decides against the deciding jurisdiction, so only that country's
        // coordinator (or its police holding the case) may decide for it.
        const decision = this.access.authorise(actor, 'identification.decide', {
          ...personContext,
          jurisdictionCountry,
        });
        refuseClosedCase(record);
        return { decision, person, jurisdictionCountry };
      },
      execute: async ({ manager, now, emit }, { person, jurisdictionCountry }) => {
        if (input.recognisedBy.includes(jurisdictionCountry)) {
          throw caseWorkErrors.error('RECOGNISED_BY_OWN_COUNTRY', 'must list other countries only', {
            field: 'recognisedBy',
          });
        }
        const current = await manager.findOne(IdentificationDecisionEntity, {
          where: { personId: person.id, jurisdictionCountry },
          order: { recordedAt: 'DESC', id: 'DESC' },
        });
        const authorityOrganisationId = await this.decidingAuthority(
          manager,
          actor,
          input.authorityOrganisationId,
          jurisdictionCountry,
        );
        const from = current?.status ?? null;
        if (!isAllowedDecision(from, input.status)) {
          throw caseWorkErrors.error(
            'DECISION_OUT_OF_SEQUENCE',
            `${input.status} cannot follow ${from ?? 'no decision'} in this jurisdiction`,
            { field: 'status' },
          );
        }
        const record: IdentificationDecisionEntity = {
          id: randomUUID(),
          caseId: input.caseId,
          personId: person.id,
          jurisdictionCountry,
          status: input.status,
          previousStatus: from,
          authorityOrganisationId,
          legalBasis: input.legalBasis,
          decidedAt: input.decidedAt,
          recognisedBy: input.recognisedBy,
          recordedBy: actor.userId,
          recordedAt: now,
        };
        await manager.insert(IdentificationDecisionEntity, record);
        const taskIds: string[] = [];
        for (const kind of followUpTasksFor(input.status)) {
          const taskId = await this.followUpTasks.openOnce(manager, {
            caseId: input.caseId,
            personId: person.id,
            jurisdictionCountry,
            kind,
            decisionId: record.id,
            // The deciding organisation answers for the tasks until it hands them on (ADR 020).
            assigneeOrganisationId: actor.organisationId,
            at: now,
          });
          if (taskId) taskIds.push(taskId);
        }
        await this.decisionHooks.run(manager, {
          caseId: input.caseId,
          personId: person.id,
          decisionId: record.id,
          jurisdictionCountry,
          status: record.status,
          previousStatus: from,
          recordedBy: actor.userId,
          at: now,
        });
        await emit(identificationDecidedV1, {
          aggregateId: input.caseId,
          payload: {
            caseId: input.caseId,
            personId: person.id,
            decisionId: record.id,
            jurisdictionCountry,
            status: record.status,
            previousStatus: from,
            authorityOrganisationId: record.authorityOrganisationId,
            recognisedBy: record.recognisedBy,
            decidedAt: record.decidedAt.toISOString(),
            followUpTaskIds: taskIds,
            recordedBy: actor.userId,
          },
        });
      },
      audit: () => ({
        resourceType: 'case',
        resourceId: input.caseId,
        categories: ['LEGAL'],
        fields: ['identificationDecisions.status', 'identificationDecisions.legalBasis'],
      }),
      view: ({ manager }) => this.views.read(manager, actor, input.caseId),
    });
  }

  /**
   * The organisation on whose authority the decision is taken: the caller's own (the policy let it
   * decide for this jurisdiction), or one named, which must be an active organisation of the deciding
   * jurisdiction of a kind that decides identification (the coordinator, or police), as the regional
   * directory lists it. Anything else would let a decision claim an authority it never had (issue 12).
   */
  private async decidingAuthority(
    manager: EntityManager,
    actor: AuthenticatedActor,
    named: string | null,
    jurisdictionCountry: string,
  ): Promise<string> {
    if (named === null || named === actor.organisationId) return actor.organisationId;
    const organisation = await listedOrganisation(manager, named);
    const problem = !organisation
      ? 'is not an organisation of the directory'
      : !organisation.active
        ? `${organisation.name} no longer takes part`
        : organisation.country !== jurisdictionCountry
          ? `${organisation.name} is not an authority of ${jurisdictionCountry}`
          : !DECIDING_KINDS.includes(organisation.kind)
            ? `${organisation.name} (${organisation.kind}) does not decide identification`
            : null;
    if (problem) {
      throw caseWorkErrors.error('AUTHORITY_NOT_ELIGIBLE', problem, { field: 'authorityOrganisationId' });
    }
    return named;
  }
}

/** Kinds of organisation that decide identification: those the access policy lets decide. */
const DECIDING_KINDS: readonly OrganisationKind[] = CASE_WORK_RULES['identification.decide'].kinds;
