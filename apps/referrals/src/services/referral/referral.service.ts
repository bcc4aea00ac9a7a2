import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DATA_CATEGORIES,
  referralAcceptedV1,
  referralCreatedV1,
  referralDeclinedV1,
  referralEscalatedV1,
  referralStatusChangedV1,
  type DataCategory,
} from '@passage/schemas';
import {
  AccessDeniedError,
  Clock,
  Outbox,
  decodeCursor,
  toConnection,
  type AllowedDecision,
  type AuthenticatedActor,
  type CaseWorkAction,
  type CodedError,
} from '@passage/shared';
import { ReferralsAccess } from '../../platform/index.js';
import { CaseAudit, UnitOfWork, type ChangeAudit } from '../../platform/index.js';
import { CaseRecords } from '../../case-work/index.js';
import { MigrantSupport } from '../migrant-support/migrant-support.js';
import { ServiceDirectoryService } from '../service-directory/service-directory.service.js';
import { servicesErrors } from '../services.errors.js';
import type {
  CreateReferralValue,
  ReferralListValue,
  RespondToReferralValue,
  UpdateReferralValue,
} from './dtos/referral.inputs.js';
import type { ReferralConnection, ReferralModel } from './graphql/referral.model.js';
import { assertReferralChange, type ReferralSide } from './referral-lifecycle.js';
import { referralRecordContext } from './referral-record-context.js';
import { ReferralTiming } from './referral-timing.js';
import { ReferralRepository, type ReferralRow, type ReferralStatusChangeRow } from './referral.repository.js';

/** What every referral change writes into the audit trail: the referral's operational fields. */
const REFERRAL_FIELDS = ['referrals.status', 'referrals.serviceId', 'referrals.needs'];

/** Kinds that may list every referral of their country: the focal point and the oversight body. */
const JURISDICTION_KINDS: ReadonlySet<string> = new Set(['NRM_COORDINATOR', 'OVERSIGHT']);

/**
 * Referrals inside one country: a case worker refers one person to a listed service, carrying only the
 * categories the survivor's services-referral consent and the sender's own view allow; the provider
 * accepts (and joins the case's team) or declines with a reason, then starts and completes the work.
 */
@Injectable()
export class ReferralService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly work: UnitOfWork,
    private readonly records: CaseRecords,
    private readonly access: ReferralsAccess,
    private readonly audit: CaseAudit,
    private readonly directory: ServiceDirectoryService,
    private readonly referrals: ReferralRepository,
    private readonly timing: ReferralTiming,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly migrantSupport: MigrantSupport,
  ) {}

  createReferral(actor: AuthenticatedActor, input: CreateReferralValue): Promise<ReferralModel> {
    return this.work.run(actor, {
      action: 'referral.create',
      authorise: async (manager) => {
        // Locks the case so that two referrals of the same person to the same service cannot both pass.
        const authorised = await this.records.authorisePerson(
          manager,
          actor,
          'referral.create',
          input.caseId,
          input.personId,
          'personId',
          { lock: true },
        );
        const visible = this.access.visibleCategories(
          actor,
          'referral.create',
          authorised.personContext,
          DATA_CATEGORIES,
        );
        return { ...authorised, visible };
      },
      execute: async ({ manager, now, emit }, authorised) => {
        const decision = authorised.visible;
        const beyondOwnView = input.sharedCategories.filter((category) => decision[category] !== 'ALLOW');
        if (beyondOwnView.length > 0) {
          throw servicesErrors.error(
            'CATEGORY_NOT_VISIBLE',
            `you cannot share what you do not see yourself (${beyondOwnView.join(', ')})`,
            { field: 'sharedCategories' },
          );
        }
        const service = await this.directory.activeService(manager, input.serviceId);
        if (service.country !== authorised.record.jurisdictionCountry) {
          throw servicesErrors.error(
            'SERVICE_IN_OTHER_COUNTRY',
            'the service is in another country; offer a cross-border handoff instead',
            { field: 'serviceId' },
          );
        }
        if (service.organization_id === actor.organisationId) {
          throw servicesErrors.error(
            'SERVICE_OF_OWN_ORGANISATION',
            'refer to another organisation’s service',
            {
              field: 'serviceId',
            },
          );
        }
        if (await this.referrals.hasOpenReferral(manager, input.personId, input.serviceId)) {
          throw servicesErrors.error(
            'REFERRAL_ALREADY_OPEN',
            'this person already has an open referral there',
            {
              field: 'serviceId',
            },
          );
        }
        const person = authorised.person;
        const dueAt = this.timing.dueAt('PENDING', service.country, now)!;
        const id = randomUUID();
        await this.referrals.insert(manager, {
          id,
          case_id: input.caseId,
          person_id: input.personId,
          service_id: service.id,
          service_type: service.service_type,
          jurisdiction_country: service.country,
          from_organisation_id: actor.organisationId,
          from_organisation_name: actor.organisationName,
          to_organisation_id: service.organization_id,
          to_organisation_name: service.organization_name,
          shared_categories: input.sharedCategories,
          // What a provider needs to decide is operational; gender is identity data, so it travels only
          // from a sender who may see identity.
          gender: decision.IDENTITY === 'ALLOW' ? person.gender : 'UNKNOWN',
          age_band: person.ageBand,
          languages: person.languages,
          needs: person.immediateNeeds,
          urgent_medical_need: person.urgentMedicalNeed,
          created_by: actor.userId,
          created_at: now,
          due_at: dueAt,
        });
        await this.referrals.insertStatusChange(manager, {
          referralId: id,
          from: null,
          to: 'PENDING',
          reason: null,
          userId: actor.userId,
          organisationId: actor.organisationId,
          at: now,
        });
        await emit(referralCreatedV1, {
          aggregateId: id,
          payload: {
            referralId: id,
            caseId: input.caseId,
            personId: input.personId,
            serviceId: service.id,
            serviceType: service.service_type,
            fromOrganisationId: actor.organisationId,
            toOrganisationId: service.organization_id,
            jurisdictionCountry: service.country,
            sharedCategories: input.sharedCategories,
            createdBy: actor.userId,
            createdAt: now.toISOString(),
            dueAt: dueAt.toISOString(),
          },
        });
        await this.migrantSupport.settleByReferral(
          manager,
          { personId: input.personId, referralId: id, serviceType: service.service_type },
          { userId: actor.userId, organisationId: actor.organisationId },
          now,
        );
        return id;
      },
      audit: ({ visible }) =>
        referralChange(input.caseId, [
          'OPERATIONAL',
          ...input.sharedCategories,
          ...(visible.IDENTITY === 'ALLOW' ? (['IDENTITY'] as const) : []),
        ]),
      view: ({ manager }, _authorised, id) => this.view(manager, actor, id),
    });
  }

  respondToReferral(actor: AuthenticatedActor, input: RespondToReferralValue): Promise<ReferralModel> {
    return this.work.run(actor, {
      action: 'referral.respond',
      authorise: (manager) => this.lockForSide(manager, actor, input.referralId, 'RECEIVER'),
      execute: async ({ manager, now, emit }, { row }) => {
        const to = input.decision === 'ACCEPT' ? 'ACCEPTED' : 'DECLINED';
        assertReferralChange(row.status, { to, declineReason: input.declineReason }, 'RECEIVER');
        if (to === 'ACCEPTED' && !(await this.referrals.referralConsentStands(manager, row.person_id))) {
          throw servicesErrors.error(
            'CONSENT_WITHDRAWN',
            'The survivor no longer consents to this referral.',
          );
        }
        const dueAt = this.timing.dueAt(to, row.jurisdiction_country, now);
        await this.referrals.updateStatus(manager, row.id, {
          status: to,
          at: now,
          dueAt,
          declineReason: input.declineReason,
          declineNote: to === 'DECLINED' ? input.note : null,
        });
        await this.referrals.insertStatusChange(manager, {
          referralId: row.id,
          from: row.status,
          to,
          reason: input.declineReason,
          userId: actor.userId,
          organisationId: actor.organisationId,
          at: now,
        });
        if (to === 'ACCEPTED') {
          await emit(referralAcceptedV1, {
            aggregateId: row.id,
            payload: {
              referralId: row.id,
              caseId: row.case_id,
              toOrganisationId: row.to_organisation_id,
              respondedBy: actor.userId,
              respondedAt: now.toISOString(),
              dueAt: dueAt!.toISOString(),
            },
          });
        } else {
          await emit(referralDeclinedV1, {
            aggregateId: row.id,
            payload: {
              referralId: row.id,
              caseId: row.case_id,
              toOrganisationId: row.to_organisation_id,
              reason: input.declineReason!,
              respondedBy: actor.userId,
              respondedAt: now.toISOString(),
            },
          });
        }
      },
      audit: ({ row }) => referralChange(row.case_id, ['OPERATIONAL']),
      view: ({ manager }, { row }) => this.view(manager, actor, row.id),
    });
  }

  updateReferral(actor: AuthenticatedActor, input: UpdateReferralValue): Promise<ReferralModel> {
    const side: ReferralSide = input.status === 'WITHDRAWN' ? 'SENDER' : 'RECEIVER';
    return this.work.run(actor, {
      // The action the side is authorised through (see lockForSide), which the audit entry names.
      action: side === 'RECEIVER' ? 'referral.respond' : 'case.read',
      authorise: (manager) => this.lockForSide(manager, actor, input.referralId, side),
      execute: async ({ manager, now, emit }, { row }) => {
        assertReferralChange(row.status, { to: input.status, outcome: input.outcome }, side);
        if (input.note && input.status !== 'COMPLETED') {
          throw servicesErrors.error('NOTE_NOT_ALLOWED', 'only a completion takes a note', { field: 'note' });
        }
        const dueAt = this.timing.dueAt(input.status, row.jurisdiction_country, now);
        await this.referrals.updateStatus(manager, row.id, {
          status: input.status,
          at: now,
          dueAt,
          outcome: input.outcome,
          outcomeNote: input.note,
        });
        await this.referrals.insertStatusChange(manager, {
          referralId: row.id,
          from: row.status,
          to: input.status,
          reason: input.outcome,
          userId: actor.userId,
          organisationId: actor.organisationId,
          at: now,
        });
        await emit(referralStatusChangedV1, {
          aggregateId: row.id,
          payload: {
            referralId: row.id,
            caseId: row.case_id,
            from: row.status,
            to: input.status,
            outcome: input.outcome,
            changedBy: actor.userId,
            changedByOrganisationId: actor.organisationId,
            changedAt: now.toISOString(),
            dueAt: dueAt?.toISOString() ?? null,
          },
        });
      },
      audit: ({ row }) => referralChange(row.case_id, ['OPERATIONAL']),
      view: ({ manager }, { row }) => this.view(manager, actor, row.id),
    });
  }

  /**
   * The referrals the caller's organisation sent or received, or (focal points and oversight) every
   * referral of its country; newest first. Every row is still put to the policy before it is returned.
   */
  async listReferrals(actor: AuthenticatedActor, args: ReferralListValue): Promise<ReferralConnection> {
    // Refuses, before any query, whoever may not read even a case of their own (immigration, a platform
    // operator, a person without a case role).
    const gate = this.access.authorise(actor, 'case.read', {
      ownerOrganisationId: actor.organisationId,
      ownerCountry: actor.country ?? '',
      jurisdictionCountry: actor.country ?? '',
      team: [],
      consents: [],
    });
    if (args.role === 'JURISDICTION' && !JURISDICTION_KINDS.has(actor.organisationKind)) {
      throw new AccessDeniedError('KIND_NOT_PERMITTED');
    }
    return this.dataSource.transaction(async (manager) => {
      const scope =
        args.role === 'JURISDICTION'
          ? { role: args.role, country: actor.country ?? '' }
          : { role: args.role, organisationId: actor.organisationId };
      const { rows, totalCount } = await this.referrals.list(manager, scope, {
        status: args.status,
        before: args.after ? decodeCursor(args.after) : null,
        limit: args.first,
      });
      const readable = rows.filter((row) => this.readAction(actor, row) !== null);
      const history = await this.referrals.history(
        manager,
        readable.map((row) => row.id),
      );
      const connection = toConnection(
        readable.map((row) => ({ createdAt: row.created_at, id: row.id, row })),
        args.first,
        totalCount,
        (entry) => toReferralModel(entry.row, history, actor),
      );
      if (connection.edges.length > 0) {
        await this.audit.recordAudit(manager, actor, {
          action: 'case.read',
          decision: gate,
          resourceType: 'case',
          resourceId: null,
          categories: ['OPERATIONAL'],
          fields: REFERRAL_FIELDS,
        });
      }
      return connection;
    });
  }

  /**
   * Tells the sender and the country's focal point about referrals past their due time, once each: the
   * flag shows on the referral, and an event goes out.
   */
  async escalateOverdue(limit = 100): Promise<number> {
    // Outside the unit of work by design (ADR 015): a scheduled sweep with no actor that writes no audit entry.
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const overdue = await this.referrals.overdueUnescalated(manager, now, limit);
      for (const row of overdue) {
        await this.referrals.markEscalated(manager, row.id, now);
        await this.outbox.appendEvent(manager, referralEscalatedV1, {
          aggregateId: row.id,
          payload: {
            referralId: row.id,
            caseId: row.case_id,
            jurisdictionCountry: row.jurisdiction_country,
            status: row.status as 'PENDING' | 'ACCEPTED' | 'IN_PROGRESS',
            dueAt: row.due_at!.toISOString(),
          },
        });
      }
      return overdue.length;
    });
  }

  /**
   * Locks the referral and checks that the caller stands on `side` of it: the provider as addressee, the
   * sender as owner. A referral that does not exist is refused like one the caller has nothing to do with.
   */
  private async lockForSide(
    manager: EntityManager,
    actor: AuthenticatedActor,
    referralId: string,
    side: ReferralSide,
  ): Promise<{ row: ReferralRow; decision: AllowedDecision; action: CaseWorkAction }> {
    const row = await this.referrals.findById(manager, referralId, { lock: true });
    const context = row ? referralRecordContext(row) : null;
    if (side === 'RECEIVER') {
      const decision = this.access.authorise(actor, 'referral.respond', context);
      if (!row) throw notFound();
      return { row, decision, action: 'referral.respond' };
    }
    const decision = this.access.authorise(actor, 'case.read', context);
    if (!row) throw notFound();
    // Reading a referral is not enough to withdraw it: only the organisation that sent it may.
    if (decision.reason !== 'ALLOWED_OWNER') throw new AccessDeniedError('NO_NEED_TO_KNOW');
    return { row, decision, action: 'case.read' };
  }

  /** The action through which the caller may read this referral's operational facts, if any. */
  private readAction(actor: AuthenticatedActor, row: ReferralRow): CaseWorkAction | null {
    const context = referralRecordContext(row);
    for (const action of ['case.read', 'referral.respond'] as const) {
      if (this.access.visibleCategories(actor, action, context, ['OPERATIONAL']).OPERATIONAL === 'ALLOW') {
        return action;
      }
    }
    return null;
  }

  private async view(manager: EntityManager, actor: AuthenticatedActor, id: string): Promise<ReferralModel> {
    const row = await this.referrals.findById(manager, id);
    if (!row || this.readAction(actor, row) === null) throw notFound();
    return toReferralModel(row, await this.referrals.history(manager, [id]), actor);
  }
}

/** The audit entry of a referral change: the referral's operational fields, on its case. */
function referralChange(caseId: string, categories: readonly DataCategory[]): ChangeAudit {
  return { resourceType: 'case', resourceId: caseId, categories, fields: REFERRAL_FIELDS };
}

function notFound(): CodedError {
  return servicesErrors.error('REFERRAL_NOT_FOUND', 'No such referral.', { field: 'referralId' });
}

/** The public shape of a referral; the notes only for the two organisations it is between. */
export function toReferralModel(
  row: ReferralRow,
  history: readonly ReferralStatusChangeRow[],
  actor: Pick<AuthenticatedActor, 'organisationId'>,
): ReferralModel {
  const party =
    actor.organisationId === row.from_organisation_id || actor.organisationId === row.to_organisation_id;
  return {
    id: row.id,
    caseId: row.case_id,
    personId: row.person_id,
    serviceId: row.service_id,
    serviceName: row.service_name,
    serviceType: row.service_type,
    jurisdictionCountry: row.jurisdiction_country,
    fromOrganisationId: row.from_organisation_id,
    fromOrganisationName: row.from_organisation_name,
    toOrganisationId: row.to_organisation_id,
    toOrganisationName: row.to_organisation_name,
    sharedCategories: row.shared_categories,
    gender: row.gender,
    ageBand: row.age_band,
    languages: row.languages,
    needs: row.needs,
    urgentMedicalNeed: row.urgent_medical_need,
    status: row.status,
    declineReason: row.decline_reason,
    declineNote: party ? row.decline_note : null,
    outcome: row.outcome,
    outcomeNote: party ? row.outcome_note : null,
    createdAt: row.created_at,
    statusChangedAt: row.status_changed_at,
    dueAt: row.due_at,
    escalated: row.escalated_at !== null,
    history: history
      .filter((change) => change.referral_id === row.id)
      .map((change) => ({
        from: change.from_status,
        to: change.to_status,
        reason: change.reason,
        changedByOrganisationId: change.changed_by_org_id,
        changedAt: change.changed_at,
      })),
  };
}
