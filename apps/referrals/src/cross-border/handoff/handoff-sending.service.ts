import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  handoffConsentWithdrawnMessageV1,
  handoffOfferedMessageV1,
  handoffStatusChangedV1,
  type DataCategory,
  type HandoffOfferedMessage,
} from '@passage/schemas';
import {
  ExchangeSender,
  HANDOFF_KINDS,
  Outbox,
  type AuthenticatedActor,
  type ExchangeHeader,
} from '@passage/shared';
import { ReferralsAccess, UnitOfWork } from '../../platform/index.js';
import { CaseRecords, IdentificationDecisionEntity } from '../../case-work/index.js';
import { OrganisationDirectory } from '../organisation-directory/organisation-directory.js';
import { crossBorderErrors } from '../cross-border.errors.js';
import { buildHandoffPacket } from './handoff-packet.js';
import { handoffStatusChanged } from './handoff-status.js';
import { HandoffTimeline } from './handoff-timeline.js';
import { SentHandoffs, type SentHandoffRow } from './sent-handoffs.repository.js';
import type { OfferHandoff } from './dtos/handoff.inputs.js';

/**
 * The sending node's side of a handoff: a case's person offered, with a consented packet, to an
 * organisation in another country; the answer and any recognition applied when they come back; and every
 * copy abroad told to erase itself when the survivor withdraws consent.
 */
@Injectable()
export class HandoffSending {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly work: UnitOfWork,
    private readonly records: CaseRecords,
    private readonly access: ReferralsAccess,
    private readonly exchange: ExchangeSender,
    private readonly outbox: Outbox,
    private readonly directory: OrganisationDirectory,
    private readonly timeline: HandoffTimeline,
    private readonly sent: SentHandoffs,
  ) {}

  offer(actor: AuthenticatedActor, input: OfferHandoff): Promise<SentHandoffRow> {
    if (!actor.country || input.recipientCountry === actor.country) {
      throw crossBorderErrors.error('HANDOFF_WITHIN_COUNTRY', 'a handoff goes to another country', {
        field: 'recipientCountry',
      });
    }
    const senderCountry = actor.country;
    return this.work.run(actor, {
      action: 'handoff.offer',
      authorise: (manager) =>
        this.records.authorisePerson(
          manager,
          actor,
          'handoff.offer',
          input.caseId,
          input.personId,
          'personId',
          {
            lock: true,
          },
        ),
      execute: async ({ manager, now, emit, send }, { person, personContext, record }) => {
        await this.directory.addressee(manager, input.recipientOrganisationId, {
          field: 'recipientOrganisationId',
          kinds: HANDOFF_KINDS,
          country: input.recipientCountry,
        });
        // Never more than the sender may see itself: a handoff cannot launder access.
        const visible = this.access.visibleCategories(actor, 'case.read', personContext, input.categories);
        const refused = input.categories.filter((category) => visible[category] !== 'ALLOW');
        if (refused.length > 0) {
          throw crossBorderErrors.error('CATEGORY_NOT_SHAREABLE', `you may not share ${refused.join(', ')}`, {
            field: 'categories',
          });
        }
        const shared = [...new Set<DataCategory>([...input.categories, 'OPERATIONAL'])];
        const decisions = await manager.find(IdentificationDecisionEntity, {
          where: { personId: person.id },
        });
        const message: HandoffOfferedMessage = handoffOfferedMessageV1.schema.parse({
          handoffId: randomUUID(),
          caseReference: record.reference,
          sender: {
            organisationId: actor.organisationId,
            organisationName: actor.organisationName,
            country: senderCountry,
          },
          recipient: { country: input.recipientCountry, organisationId: input.recipientOrganisationId },
          sharedCategories: shared,
          note: input.note,
          packet: buildHandoffPacket(person, decisions, new Set(shared)),
          offeredAt: now.toISOString(),
        });
        await this.sent.insertOffer(manager, {
          id: message.handoffId,
          caseId: record.id,
          personId: person.id,
          senderOrganisationId: actor.organisationId,
          senderCountry,
          senderUserId: actor.userId,
          recipientCountry: input.recipientCountry,
          recipientOrganisationId: input.recipientOrganisationId,
          sharedCategories: shared,
          offeredAt: now,
        });
        await this.timeline.record(manager, message.handoffId, 'SENDER', {
          event: 'OFFERED',
          at: now,
          organisationName: actor.organisationName,
          country: senderCountry,
          detail: null,
        });
        await send(handoffOfferedMessageV1, {
          senderCountry,
          recipientCountry: input.recipientCountry,
          payload: message,
          correlationId: message.handoffId,
        });
        await emit(
          handoffStatusChangedV1,
          handoffStatusChanged(message.handoffId, 'SENDER', 'OFFERED', input.recipientCountry, shared),
        );
        return { handoffId: message.handoffId, caseId: record.id, shared };
      },
      audit: (_authorised, offered) => ({
        resourceType: 'case',
        resourceId: offered.caseId,
        categories: offered.shared,
        fields: ['person'],
        purpose: 'CROSS_BORDER_HANDOFF',
      }),
      view: async ({ manager }, _authorised, offered) => (await this.sent.find(manager, offered.handoffId))!,
    });
  }

  /** The other side answered. */
  async applyResponse(
    message: {
      handoffId: string;
      decision: 'ACCEPTED' | 'DECLINED';
      reason: string | null;
      respondedByOrganisationName: string;
      respondedAt: string;
    },
    header: ExchangeHeader,
    manager: EntityManager,
  ): Promise<void> {
    const row = await this.sent.find(manager, message.handoffId, { lock: true });
    if (!row)
      throw crossBorderErrors.error('HANDOFF_NOT_FOUND', 'response to a handoff this node did not offer');
    if (header.sender.country !== row.recipient_country)
      throw crossBorderErrors.error('SENDER_NOT_ENTITLED', 'only the recipient country may answer');
    if (row.status !== 'OFFERED') return;
    await this.sent.recordResponse(manager, row.id, message);
    await this.timeline.record(manager, row.id, 'SENDER', {
      event: message.decision,
      at: new Date(message.respondedAt),
      organisationName: message.respondedByOrganisationName,
      country: row.recipient_country,
      detail: message.reason,
    });
    await this.outbox.appendEvent(
      manager,
      handoffStatusChangedV1,
      handoffStatusChanged(row.id, 'SENDER', message.decision, row.recipient_country, row.shared_categories),
    );
  }

  /** Another country recognised one of this country's decisions about a handed-off person. */
  async applyRecognition(
    message: {
      handoffId: string;
      decisionJurisdiction: string;
      recognisedByCountry: string;
      recognisedByOrganisationName: string;
      recognisedAt: string;
    },
    header: ExchangeHeader,
    manager: EntityManager,
  ): Promise<void> {
    const row = await this.sent.find(manager, message.handoffId);
    if (!row)
      throw crossBorderErrors.error('HANDOFF_NOT_FOUND', 'recognition for a handoff this node did not offer');
    if (
      header.sender.country !== row.recipient_country ||
      message.recognisedByCountry !== row.recipient_country
    ) {
      throw crossBorderErrors.error(
        'SENDER_NOT_ENTITLED',
        'only the country the case was handed to may recognise its decisions',
      );
    }
    await this.sent.recordRecognition(manager, {
      personId: row.person_id,
      decisionJurisdiction: message.decisionJurisdiction,
      recognisedByCountry: message.recognisedByCountry,
    });
    await this.timeline.record(manager, row.id, 'SENDER', {
      event: 'DECISION_RECOGNISED',
      at: new Date(message.recognisedAt),
      organisationName: message.recognisedByOrganisationName,
      country: message.recognisedByCountry,
      detail: message.decisionJurisdiction,
    });
  }

  /**
   * The survivor withdrew consent to cross-border sharing. Every handoff of the person that crossed a
   * border is told to erase its copy; called in the transaction that records the withdrawal.
   */
  async withdrawConsent(manager: EntityManager, personId: string, now: Date): Promise<number> {
    const rows = await this.sent.withdrawConsentOf(manager, personId, now);
    for (const row of rows) {
      await this.timeline.record(manager, row.id, 'SENDER', {
        event: 'CONSENT_WITHDRAWN',
        at: now,
        organisationName: null,
        country: row.sender_country,
        detail: null,
      });
      await this.exchange.sendMessage(manager, handoffConsentWithdrawnMessageV1, {
        senderCountry: row.sender_country,
        recipientCountry: row.recipient_country,
        payload: { handoffId: row.id, withdrawnAt: now.toISOString() },
        correlationId: row.id,
      });
      await this.outbox.appendEvent(
        manager,
        handoffStatusChangedV1,
        handoffStatusChanged(
          row.id,
          'SENDER',
          'CONSENT_WITHDRAWN',
          row.recipient_country,
          row.shared_categories,
        ),
      );
    }
    return rows.length;
  }

  listSent(actor: AuthenticatedActor): Promise<SentHandoffRow[]> {
    this.access.authoriseAny(actor, 'case.read');
    return this.sent.offeredBy(this.dataSource.manager, actor.organisationId);
  }
}
