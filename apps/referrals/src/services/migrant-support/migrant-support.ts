import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { migrantSupportPromptSettledV1, migrantSupportPromptedV1, type ServiceType } from '@passage/schemas';
import { Outbox, type AuthenticatedActor, type ResourceContext } from '@passage/shared';
import { ReferralsAccess, ReferralsAudit, UnitOfWork } from '../../platform/index.js';
import {
  CaseEntity,
  CaseRecords,
  ScreeningRecordedHooks,
  type ScreeningRecorded,
} from '../../case-work/index.js';
import { servicesErrors } from '../services.errors.js';
import type { DeclineMigrantSupportValue } from './dtos/migrant-support.inputs.js';
import type { MigrantSupportPromptModel } from './graphql/migrant-support.model.js';
import {
  MigrantSupportPrompts,
  type MigrantSupportPromptRow,
  type Settlement,
} from './migrant-support-prompts.repository.js';

/** The service type a prompt asks for. */
const MIGRANT_SUPPORT: ServiceType = 'VULNERABLE_MIGRANT_SUPPORT';

/** How many open prompts one call returns. */
const LIST_LIMIT = 200;

/**
 * A person screened NOT_INDICATED does not drop out: the screening opens a prompt for the case's owner
 * to refer them to a service for vulnerable migrants. A referral to such a service settles it, and so
 * does a later screening that finds otherwise or the person's own refusal. The prompt is opened and
 * settled inside the change that causes it (the screening, the referral), whose audit entry covers it.
 */
@Injectable()
export class MigrantSupport implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly work: UnitOfWork,
    private readonly records: CaseRecords,
    private readonly access: ReferralsAccess,
    private readonly audit: ReferralsAudit,
    private readonly prompts: MigrantSupportPrompts,
    private readonly outbox: Outbox,
    private readonly screenings: ScreeningRecordedHooks,
  ) {}

  onModuleInit(): void {
    this.screenings.register((manager, screening) => this.followScreening(manager, screening));
  }

  /** Called inside a referral's creation: a referral to a service for vulnerable migrants settles the prompt. */
  async settleByReferral(
    manager: EntityManager,
    referral: { personId: string; referralId: string; serviceType: ServiceType },
    by: Settlement['by'],
    at: Date,
  ): Promise<void> {
    if (referral.serviceType !== MIGRANT_SUPPORT) return;
    await this.settle(manager, referral.personId, {
      status: 'REFERRED',
      referralId: referral.referralId,
      note: null,
      by,
      at,
    });
  }

  /** The open prompts on cases the caller's organisation owns, longest waiting first; each read audited. */
  async listOpen(actor: AuthenticatedActor): Promise<MigrantSupportPromptModel[]> {
    this.access.authoriseAny(actor, 'case.read');
    return this.dataSource.transaction(async (manager) => {
      const rows = await this.prompts.openForOwner(manager, actor.organisationId, LIST_LIMIT);
      for (const row of rows) {
        const decision = this.access.authorise(actor, 'case.read', caseContext(row));
        await this.audit.record(manager, actor, {
          action: 'case.read',
          resourceType: 'case',
          resourceId: row.case_id,
          categories: ['OPERATIONAL'],
          fields: ['migrantSupportPrompts'],
          purpose: 'CASE_WORK',
          reason: decision.reason,
        });
      }
      return rows.map(toModel);
    });
  }

  /** The person does not want to be referred: the case's owner records it, with what the person said. */
  decline(actor: AuthenticatedActor, input: DeclineMigrantSupportValue): Promise<MigrantSupportPromptModel> {
    return this.work.run(actor, {
      action: 'case.update',
      authorise: async (manager) => {
        const row = await this.prompts.findForUpdate(manager, input.promptId);
        if (!row) {
          this.access.authorise(actor, 'case.update', null);
          throw servicesErrors.error('MIGRANT_SUPPORT_PROMPT_NOT_FOUND', 'No such prompt.', {
            field: 'promptId',
          });
        }
        const authorised = await this.records.authorisePerson(
          manager,
          actor,
          'case.update',
          row.case_id,
          row.person_id,
          'promptId',
        );
        return { row, decision: authorised.decision };
      },
      execute: async ({ manager, now }, { row }) => {
        if (row.status !== 'OPEN') {
          throw servicesErrors.error('MIGRANT_SUPPORT_PROMPT_SETTLED', `the prompt is ${row.status}`, {
            field: 'promptId',
          });
        }
        await this.settle(manager, row.person_id, {
          status: 'DECLINED',
          referralId: null,
          note: input.note,
          by: { userId: actor.userId, organisationId: actor.organisationId },
          at: now,
        });
      },
      audit: ({ row }) => ({
        resourceType: 'case',
        resourceId: row.case_id,
        categories: ['OPERATIONAL', 'NARRATIVE'],
        fields: ['migrantSupportPrompts.status', 'migrantSupportPrompts.note'],
      }),
      view: async ({ manager }, { row }) => toModel(await this.prompts.findById(manager, row.id)),
    });
  }

  /** NOT_INDICATED opens a prompt (one at a time); any other outcome settles an open one as superseded. */
  private async followScreening(manager: EntityManager, screening: ScreeningRecorded): Promise<void> {
    if (screening.confirmedOutcome !== 'NOT_INDICATED') {
      await this.settle(manager, screening.personId, {
        status: 'SUPERSEDED',
        referralId: null,
        note: null,
        by: { userId: screening.screenedBy, organisationId: screening.screenedByOrganisationId },
        at: screening.at,
      });
      return;
    }
    const promptId = await this.prompts.openOnce(manager, {
      caseId: screening.caseId,
      personId: screening.personId,
      screeningId: screening.screeningId,
      at: screening.at,
    });
    if (!promptId) return;
    const { ownerOrganisationId } = await manager.findOneByOrFail(CaseEntity, { id: screening.caseId });
    await this.outbox.appendEvent(manager, migrantSupportPromptedV1, {
      aggregateId: screening.caseId,
      payload: {
        caseId: screening.caseId,
        personId: screening.personId,
        promptId,
        screeningId: screening.screeningId,
        ownerOrganisationId,
        promptedAt: screening.at.toISOString(),
      },
    });
  }

  private async settle(manager: EntityManager, personId: string, settlement: Settlement): Promise<void> {
    const settled = await this.prompts.settleOpen(manager, personId, settlement);
    if (!settled) return;
    await this.outbox.appendEvent(manager, migrantSupportPromptSettledV1, {
      aggregateId: settled.case_id,
      payload: {
        caseId: settled.case_id,
        personId,
        promptId: settled.id,
        settlement: settlement.status,
        referralId: settlement.referralId,
        settledByOrganisationId: settlement.by.organisationId,
        settledAt: settlement.at.toISOString(),
      },
    });
  }
}

/** The policy's view of the prompt's case: who owns it and where; reading a prompt needs no consent. */
function caseContext(row: MigrantSupportPromptRow): ResourceContext {
  return {
    ownerOrganisationId: row.case_owner_organisation_id,
    ownerCountry: row.case_owner_country,
    jurisdictionCountry: row.case_jurisdiction_country,
    team: [],
    consents: [],
  };
}

function toModel(row: MigrantSupportPromptRow): MigrantSupportPromptModel {
  return {
    id: row.id,
    caseId: row.case_id,
    caseReference: row.case_reference,
    personId: row.person_id,
    screeningId: row.screening_id,
    status: row.status,
    referralId: row.referral_id,
    note: row.note,
    promptedAt: row.prompted_at,
    settledAt: row.settled_at,
  };
}
