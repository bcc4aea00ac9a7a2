import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  rescueRequestEscalatedV1,
  rescueRequestReceivedV1,
  rescueRequestStatusChangedMessageV1,
  rescueRequestStatusChangedV1,
  rescueRequestSubmittedMessageV1,
  rescueRequestSubmittedV1,
  type RescueOutcome,
  type RescueRequestStatus,
  type RescueRequestStatusChangedMessage,
  type RescueRequestSubmittedMessage,
} from '@passage/schemas';
import {
  Clock,
  type CodedError,
  ExchangeSender,
  Outbox,
  decide,
  type AuthenticatedActor,
  type ExchangeHeader,
  type ExchangeMessageSendInput,
  type ResourceContext,
} from '@passage/shared';
import { policyActor, ReferralsAccess, UnitOfWork } from '../../platform/index.js';
import { CompoundRepository } from '../compound/compound.repository.js';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../../platform/index.js';
import { intakeErrors } from '../intake.errors.js';
import type { SubmitRescueRequest } from './dtos/submit-rescue-request.input.js';
import { RescueRequestRepository } from './rescue-request.repository.js';
import type { RescueRequestCopy, RescueRequestRow } from './rescue-request.rows.js';
import { RescueTiming } from './rescue-request.timing.js';
import { ReferralsAudit } from '../../platform/index.js';
import type { RescueRequestModel } from './graphql/rescue-request.model.js';
import {
  RESCUE_REQUEST_CATEGORIES,
  RESCUE_REQUEST_FIELDS,
  rescueRequestView,
} from './rescue-request.view.js';

/** A request as one side sees it, loaded with everything a view may need. */
export interface LoadedRescueRequest {
  row: RescueRequestRow;
  resource: ResourceContext;
}

/**
 * Rescue requests: submitted by an embassy, NGO or focal point to the focal point of the country where
 * the compound is, always through the cross-border exchange (even when this node hosts both countries),
 * then moved through their life cycle by that country, with every change sent back to the requester.
 */
@Injectable()
export class RescueRequestService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly work: UnitOfWork,
    @Inject(REFERRALS_CONFIG) private readonly config: ReferralsConfig,
    private readonly access: ReferralsAccess,
    private readonly exchange: ExchangeSender,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly timing: RescueTiming,
    private readonly requests: RescueRequestRepository,
    private readonly compounds: CompoundRepository,
    private readonly audit: ReferralsAudit,
  ) {}

  /**
   * Shapes a request for the actor with what the policy lets them see, and records that they saw it (the
   * categories shown, never the values) in the same transaction.
   */
  async readView(
    actor: AuthenticatedActor,
    { row, resource }: LoadedRescueRequest,
    purpose = 'CASE_WORK',
  ): Promise<RescueRequestModel> {
    return this.dataSource.transaction(async (manager) => {
      const decision = this.access.authorise(actor, 'rescue-request.read', resource);
      const [people, locations, history] = await Promise.all([
        this.requests.people(manager, row.id),
        this.requests.locations(manager, row.id),
        this.requests.statusHistory(manager, row.id),
      ]);
      const visible = this.access.visibleCategories(
        actor,
        'rescue-request.read',
        resource,
        RESCUE_REQUEST_CATEGORIES,
      );
      await this.audit.record(manager, actor, {
        action: 'rescue-request.read',
        resourceType: 'rescue-request',
        resourceId: row.request_id,
        categories: visible,
        fields: RESCUE_REQUEST_FIELDS.filter((field) => visible[field.category] === 'ALLOW').map(
          (field) => field.name,
        ),
        purpose,
        reason: decision.reason,
      });
      return rescueRequestView(row, { people, locations, history }, visible, this.clock.now());
    });
  }

  /** The requester's side: keep its own copy and send the request to the country where the compound is. */
  submit(actor: AuthenticatedActor, input: SubmitRescueRequest): Promise<LoadedRescueRequest> {
    const jurisdiction = input.location.country;
    return this.work.run(actor, {
      action: 'rescue-request.submit',
      authorise: () => {
        const decision = this.access.authorise(actor, 'rescue-request.submit', null);
        const requesterCountry = actor.country;
        if (!requesterCountry || !this.config.HOSTED_COUNTRIES.includes(requesterCountry)) {
          throw intakeErrors.error(
            'ORGANISATION_NOT_HOSTED',
            'Your organisation is not registered on this node.',
          );
        }
        return { decision, requesterCountry };
      },
      execute: async ({ manager, now, emit, send }, { requesterCountry }) => {
        const message: RescueRequestSubmittedMessage = {
          requestId: randomUUID(),
          reference: await this.requests.nextReference(manager, requesterCountry, now.getUTCFullYear()),
          requester: {
            organisationId: actor.organisationId,
            organisationName: actor.organisationName,
            country: requesterCountry,
            kind: reporterKind(actor),
          },
          onBehalfOf: input.onBehalfOf,
          reportedVia: input.reportedVia ?? null,
          people: input.people,
          othersCount: input.othersCount,
          othersNames: input.othersNames ?? [],
          location: { ...input.location, reportedAt: now.toISOString() },
          risks: input.risks,
          safeContact: input.safeContact ?? null,
          submittedAt: now.toISOString(),
          acknowledgementDueAt: this.timing.dueAt('SUBMITTED', jurisdiction, now)!.toISOString(),
        };
        const parsed = rescueRequestSubmittedMessageV1.schema.parse(message);
        await this.requests.insertCopy(manager, 'REQUESTER', parsed, {
          compoundId: null,
          dueAt: new Date(parsed.acknowledgementDueAt),
          changedByUserId: actor.userId,
        });
        await send(rescueRequestSubmittedMessageV1, {
          senderCountry: requesterCountry,
          recipientCountry: jurisdiction,
          payload: parsed,
          correlationId: parsed.requestId,
        });
        await emit(rescueRequestSubmittedV1, {
          aggregateId: parsed.requestId,
          payload: {
            requestId: parsed.requestId,
            requesterOrganisationId: actor.organisationId,
            jurisdictionCountry: jurisdiction,
            peopleListed: parsed.people.length,
            othersCount: parsed.othersCount,
          },
        });
        return parsed.requestId;
      },
      audit: (_authorised, requestId) => ({
        resourceType: 'rescue-request',
        resourceId: requestId,
        categories: RESCUE_REQUEST_CATEGORIES,
        fields: RESCUE_REQUEST_FIELDS.map((field) => field.name),
        purpose: 'RESCUE',
      }),
      view: ({ manager }, _authorised, requestId) => this.loadCopy(manager, requestId, 'REQUESTER'),
    });
  }

  /** The jurisdiction's side: a request arrived through the exchange (at most once per request). */
  async receive(
    message: RescueRequestSubmittedMessage,
    header: ExchangeHeader,
    manager: EntityManager,
  ): Promise<void> {
    if (header.sender.country !== message.requester.country) {
      // A node may only speak for the countries whose keys it holds.
      throw intakeErrors.error('SENDER_NOT_ENTITLED', 'sender country does not match the requester country');
    }
    if (message.location.country !== header.recipient.country) {
      throw intakeErrors.error(
        'REQUEST_MISADDRESSED',
        'request addressed to a country other than where the compound is',
      );
    }
    if (await this.requests.findCopy(manager, message.requestId, 'JURISDICTION')) return;
    const compoundId = await this.compounds.findOrCreate(manager, {
      country: message.location.country,
      name: message.location.compoundName,
      district: message.location.district,
      province: message.location.province,
      insideSez: message.location.insideSpecialEconomicZone,
      reportedAt: new Date(message.submittedAt),
    });
    await this.requests.insertCopy(manager, 'JURISDICTION', message, {
      compoundId,
      dueAt: new Date(message.acknowledgementDueAt),
      changedByUserId: null,
    });
    await this.outbox.appendEvent(manager, rescueRequestReceivedV1, {
      aggregateId: message.requestId,
      payload: {
        requestId: message.requestId,
        jurisdictionCountry: message.location.country,
        compoundId,
        requesterCountry: message.requester.country,
      },
    });
  }

  /** The jurisdiction moves a request on; the requester is told through the exchange. */
  changeStatus(
    actor: AuthenticatedActor,
    requestId: string,
    change: { to: RescueRequestStatus; outcome: RescueOutcome | null; reason: string | null },
  ): Promise<LoadedRescueRequest> {
    const organisationName = actor.organisationName;
    return this.work.run(actor, {
      action: 'rescue-request.update-status',
      authorise: async (manager) => {
        const row = await this.requests.findCopy(manager, requestId, 'JURISDICTION', true);
        const decision = this.access.authorise(
          actor,
          'rescue-request.update-status',
          row ? resourceOf(row, await this.requests.accessGrants(manager, [row.id])) : null,
        );
        if (!row) throw notFound();
        return { decision, row };
      },
      execute: async ({ manager, now, emit, send }, { row }) => {
        this.timing.assertTransition(row.status, change.to, change.outcome);
        const dueAt = this.timing.dueAt(change.to, row.jurisdiction_country, now);
        await this.requests.updateStatus(manager, row.id, {
          status: change.to,
          outcome: change.outcome,
          at: now,
          dueAt,
          escalated: false,
        });
        if (change.to === 'ACKNOWLEDGED') {
          // Acknowledging is taking the request on: the focal point who does it becomes a named person
          // allowed to see the live data (names, places, safe contact), for a limited time.
          await this.requests.grantAccess(manager, row.id, {
            userId: actor.userId,
            grantedBy: actor.userId,
            at: now,
            until: new Date(now.getTime() + this.config.RESCUE_ACCESS_GRANT_MS),
          });
        }
        await this.requests.insertStatusChange(manager, row.id, {
          from: row.status,
          to: change.to,
          outcome: change.outcome,
          reason: change.reason,
          userId: actor.userId,
          organisationName,
          at: now,
        });
        await send(
          rescueRequestStatusChangedMessageV1,
          statusMessageToRequester(row, {
            requestId,
            status: change.to,
            outcome: change.outcome,
            reason: change.reason,
            changedAt: now.toISOString(),
            changedByOrganisationName: organisationName,
            dueAt: dueAt?.toISOString() ?? null,
            escalated: false,
          }),
        );
        await emit(rescueRequestStatusChangedV1, {
          aggregateId: requestId,
          payload: {
            requestId,
            copy: 'JURISDICTION',
            from: row.status,
            to: change.to,
            outcome: change.outcome,
          },
        });
      },
      audit: () => ({
        resourceType: 'rescue-request',
        resourceId: requestId,
        categories: ['OPERATIONAL'],
        fields: ['status', 'outcome', 'reason'],
        purpose: 'RESCUE',
      }),
      view: ({ manager }) => this.loadCopy(manager, requestId, 'JURISDICTION'),
    });
  }

  /** The requester's side: the jurisdiction reported a change. */
  async applyStatusFromJurisdiction(
    message: RescueRequestStatusChangedMessage,
    header: ExchangeHeader,
    manager: EntityManager,
  ): Promise<void> {
    const row = await this.requests.findCopy(manager, message.requestId, 'REQUESTER', true);
    if (!row)
      throw intakeErrors.error('REQUEST_NOT_FOUND', 'status change for a request this node did not send');
    if (header.sender.country !== row.jurisdiction_country) {
      throw intakeErrors.error(
        'SENDER_NOT_ENTITLED',
        'only the country where the compound is may change the request',
      );
    }
    const at = new Date(message.changedAt);
    if (at < row.status_changed_at) return; // an older message overtaken by a newer one
    await this.requests.updateStatus(manager, row.id, {
      status: message.status,
      outcome: message.outcome,
      at,
      dueAt: message.dueAt ? new Date(message.dueAt) : null,
      escalated: message.escalated,
    });
    if (message.status !== row.status) {
      await this.requests.insertStatusChange(manager, row.id, {
        from: row.status,
        to: message.status,
        outcome: message.outcome,
        reason: message.reason,
        userId: null,
        organisationName: message.changedByOrganisationName,
        at,
      });
      await this.outbox.appendEvent(manager, rescueRequestStatusChangedV1, {
        aggregateId: row.request_id,
        payload: {
          requestId: row.request_id,
          copy: 'REQUESTER',
          from: row.status,
          to: message.status,
          outcome: message.outcome,
        },
      });
    }
  }

  /** Marks requests past their due time, so coordinators are alerted and requesters see the delay. */
  async escalateOverdue(limit = 100): Promise<number> {
    // Outside the unit of work by design (ADR 015): a scheduled sweep with no actor that writes no audit entry.
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const overdue = await this.requests.overdueUnescalated(manager, now, limit);
      for (const row of overdue) {
        await this.requests.updateStatus(manager, row.id, {
          status: row.status,
          outcome: row.resolution_outcome,
          at: row.status_changed_at,
          dueAt: row.due_at,
          escalated: true,
        });
        await this.exchange.sendMessage(
          manager,
          rescueRequestStatusChangedMessageV1,
          statusMessageToRequester(row, {
            requestId: row.request_id,
            status: row.status,
            outcome: row.resolution_outcome,
            reason: null,
            changedAt: row.status_changed_at.toISOString(),
            changedByOrganisationName: `focal point of ${row.jurisdiction_country}`,
            dueAt: row.due_at?.toISOString() ?? null,
            escalated: true,
          }),
        );
        await this.outbox.appendEvent(manager, rescueRequestEscalatedV1, {
          aggregateId: row.request_id,
          payload: {
            requestId: row.request_id,
            jurisdictionCountry: row.jurisdiction_country,
            status: row.status,
            dueAt: row.due_at!.toISOString(),
          },
        });
      }
      return overdue.length;
    });
  }

  /** The copy the actor should see: their own organisation's request, or the one their country acts on. */
  async get(actor: AuthenticatedActor, requestId: string): Promise<LoadedRescueRequest> {
    const manager = this.dataSource.manager;
    const requester = await this.requests.findCopy(manager, requestId, 'REQUESTER');
    const row =
      requester && requester.requester_org_id === actor.organisationId
        ? requester
        : await this.requests.findCopy(manager, requestId, 'JURISDICTION');
    const resource = row ? resourceOf(row, await this.requests.accessGrants(manager, [row.id])) : null;
    this.access.authorise(actor, 'rescue-request.read', resource);
    if (!row || !resource) throw notFound();
    return { row, resource };
  }

  /** Requests the actor may see, newest first, one copy per request. */
  async list(
    actor: AuthenticatedActor,
    page: { first: number; before?: { submittedAt: Date; id: string } },
  ): Promise<{ items: LoadedRescueRequest[]; hasNextPage: boolean }> {
    // Kinds that may never read a rescue request (immigration, the platform operator) are refused outright.
    this.access.authoriseAny(actor, 'rescue-request.read');
    const manager = this.dataSource.manager;
    const candidates = await this.requests.listCandidates(
      manager,
      { organisationId: actor.organisationId, jurisdictionCountry: actor.country },
      { limit: page.first + 1, before: page.before },
    );
    const grants = await this.requests.accessGrants(
      manager,
      candidates.map((row) => row.id),
    );
    const now = this.clock.now();
    const visible = candidates.filter(
      (row) => decide(policyActor(actor), 'rescue-request.read', resourceOf(row, grants), now).allowed,
    );
    // When this node holds both copies and the actor is on both sides, show the jurisdiction's one.
    const unique = new Map<string, RescueRequestRow>();
    for (const row of visible)
      if (!unique.has(row.request_id) || row.copy === 'JURISDICTION') unique.set(row.request_id, row);
    const rows = [...unique.values()];
    return {
      items: rows.slice(0, page.first).map((row) => ({ row, resource: resourceOf(row, grants) })),
      hasNextPage: candidates.length > page.first,
    };
  }

  private async loadCopy(
    manager: EntityManager,
    requestId: string,
    copy: RescueRequestCopy,
  ): Promise<LoadedRescueRequest> {
    const row = await this.requests.findCopy(manager, requestId, copy);
    if (!row) throw notFound();
    return { row, resource: resourceOf(row, await this.requests.accessGrants(manager, [row.id])) };
  }
}

/** The exchange message that tells the requester's country of a change to its request. */
function statusMessageToRequester(
  row: RescueRequestRow,
  message: RescueRequestStatusChangedMessage,
): ExchangeMessageSendInput<typeof rescueRequestStatusChangedMessageV1> {
  return {
    senderCountry: row.jurisdiction_country,
    recipientCountry: row.requester_country,
    payload: message,
    correlationId: row.request_id,
  };
}

type AccessGrant = { rescue_request_id: string; user_id: string; valid_until: Date };

/** What the access policy needs to know about one copy of a request, with the named people's access. */
export function resourceOf(row: RescueRequestRow, grants: readonly AccessGrant[] = []): ResourceContext {
  return {
    ownerOrganisationId: row.requester_org_id,
    ownerCountry: row.requester_country,
    jurisdictionCountry: row.jurisdiction_country,
    team: [],
    consents: [],
    rescueAccess: grants
      .filter((grant) => grant.rescue_request_id === row.id)
      .map((grant) => ({ userId: grant.user_id, until: grant.valid_until })),
  };
}

function reporterKind(actor: AuthenticatedActor): RescueRequestSubmittedMessage['requester']['kind'] {
  switch (actor.organisationKind) {
    case 'EMBASSY':
      return 'EMBASSY';
    case 'NRM_COORDINATOR':
      return 'FOCAL_POINT';
    case 'INTERNATIONAL_ORGANISATION':
      return 'INTERNATIONAL_ORGANISATION';
    default:
      return 'NGO';
  }
}

function notFound(): CodedError {
  return intakeErrors.error('REQUEST_NOT_FOUND', 'No rescue request with this id.', { field: 'id' });
}
