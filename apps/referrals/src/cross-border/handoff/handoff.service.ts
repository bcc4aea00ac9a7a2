import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  handoffConsentWithdrawnMessageV1,
  handoffOfferedMessageV1,
  handoffRespondedMessageV1,
  handoffStatusChangedV1,
  identificationRecognisedMessageV1,
  type DataCategory,
  type HandoffOfferedMessage,
} from '@passage/schemas';
import {
  Clock,
  CodedError,
  ExchangeSender,
  HANDOFF_KINDS,
  Outbox,
  type AuthenticatedActor,
  type ExchangeHeader,
  type ResourceContext,
} from '@passage/shared';
import { ReferralsAccess } from '../../platform/index.js';
import { ReferralsAudit } from '../../platform/index.js';
import { CaseRecords } from '../../case-work/index.js';
import { IdentificationDecisionEntity } from '../../case-work/index.js';
import { OrganisationDirectory } from '../organisation-directory/organisation-directory.js';
import { buildHandoffPacket } from './handoff-packet.js';
import { HandoffTimeline, type HandoffSide, type HandoffTimelineEntry } from './handoff-timeline.js';

export interface SentHandoffRow {
  id: string;
  sender_country: string;
  case_id: string;
  person_id: string;
  recipient_country: string;
  recipient_org_id: string;
  shared_categories: DataCategory[];
  status: string;
  response_reason: string | null;
  responded_by_org_name: string | null;
  offered_at: Date;
  responded_at: Date | null;
}

export interface ReceivedHandoffRow {
  id: string;
  sender_org_id: string;
  recipient_country: string;
  case_reference: string;
  sender_org_name: string;
  sender_country: string;
  recipient_org_id: string;
  shared_categories: DataCategory[];
  note: string | null;
  packet: HandoffOfferedMessage['packet'] | null;
  status: string;
  offered_at: Date;
  responded_at: Date | null;
}

/**
 * Cross-border handoffs: a case's person offered, with a consented packet, to an organisation in another
 * country, which accepts (and keeps its own copy) or declines (and keeps nothing). Withdrawing consent
 * erases every copy that crossed the border.
 */
@Injectable()
export class HandoffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: CaseRecords,
    private readonly access: ReferralsAccess,
    private readonly audit: ReferralsAudit,
    private readonly exchange: ExchangeSender,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly directory: OrganisationDirectory,
    private readonly timeline: HandoffTimeline,
  ) {}

  async offer(
    actor: AuthenticatedActor,
    input: {
      caseId: string;
      personId: string;
      recipientCountry: string;
      recipientOrganisationId: string;
      categories: DataCategory[];
      note: string | null;
    },
  ): Promise<SentHandoffRow> {
    if (!actor.country || input.recipientCountry === actor.country) {
      throw new CodedError('BAD_USER_INPUT', 'input.recipientCountry: a handoff goes to another country', {
        field: 'input.recipientCountry',
      });
    }
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const { person, personContext, decision, record } = await this.records.authorisePerson(
        manager,
        actor,
        'handoff.offer',
        input.caseId,
        input.personId,
        'input.personId',
        { lock: true },
      );
      await this.directory.addressee(manager, input.recipientOrganisationId, {
        field: 'input.recipientOrganisationId',
        kinds: HANDOFF_KINDS,
        country: input.recipientCountry,
      });
      // Never more than the sender may see itself: a handoff cannot launder access.
      const visible = this.access.visibleCategories(actor, 'case.read', personContext, input.categories);
      const refused = input.categories.filter((category) => visible[category] !== 'ALLOW');
      if (refused.length > 0) {
        throw new CodedError('FORBIDDEN', `input.categories: you may not share ${refused.join(', ')}`, {
          field: 'input.categories',
        });
      }
      const shared = new Set<DataCategory>([...input.categories, 'OPERATIONAL']);
      const decisions = await manager.find(IdentificationDecisionEntity, { where: { personId: person.id } });
      const message: HandoffOfferedMessage = handoffOfferedMessageV1.schema.parse({
        handoffId: randomUUID(),
        caseReference: record.reference,
        sender: {
          organisationId: actor.organisationId,
          organisationName: actor.organisationName,
          country: actor.country,
        },
        recipient: { country: input.recipientCountry, organisationId: input.recipientOrganisationId },
        sharedCategories: [...shared],
        note: input.note,
        packet: buildHandoffPacket(person, decisions, shared),
        offeredAt: now.toISOString(),
      });
      await manager.query(
        `INSERT INTO handoff_sent (id, case_id, person_id, sender_org_id, sender_country, sender_user_id, recipient_country,
           recipient_org_id, shared_categories, status, offered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'OFFERED', $10)`,
        [
          message.handoffId,
          record.id,
          person.id,
          actor.organisationId,
          actor.country,
          actor.userId,
          input.recipientCountry,
          input.recipientOrganisationId,
          [...shared],
          now,
        ],
      );
      await this.timeline.record(manager, message.handoffId, 'SENDER', {
        event: 'OFFERED',
        at: now,
        organisationName: actor.organisationName,
        country: message.sender.country,
        detail: null,
      });
      await this.exchange.send(manager, {
        senderCountry: actor.country!,
        recipientCountry: input.recipientCountry,
        type: handoffOfferedMessageV1.type,
        typeVersion: handoffOfferedMessageV1.version,
        payload: message,
        correlationId: message.handoffId,
      });
      await this.audit.record(manager, actor, {
        action: 'handoff.offer',
        resourceType: 'case',
        resourceId: record.id,
        categories: [...shared],
        fields: ['person'],
        purpose: 'CROSS_BORDER_HANDOFF',
        reason: decision.reason,
      });
      await this.announce(manager, message.handoffId, 'SENDER', 'OFFERED', input.recipientCountry, [
        ...shared,
      ]);
      return this.sent(manager, message.handoffId);
    });
  }

  /** Receiving node: keep the offer (and its packet) for the addressed organisation to decide on. */
  async receiveOffer(
    message: HandoffOfferedMessage,
    header: ExchangeHeader,
    manager: EntityManager,
  ): Promise<void> {
    if (
      header.sender.country !== message.sender.country ||
      header.recipient.country !== message.recipient.country
    ) {
      throw new CodedError('FORBIDDEN', 'handoff countries do not match the envelope');
    }
    await manager.query(
      `INSERT INTO handoff_received (id, case_reference, sender_org_id, sender_org_name, sender_country, recipient_country,
         recipient_org_id, shared_categories, note, packet, status, offered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'OFFERED', $11) ON CONFLICT (id) DO NOTHING`,
      [
        message.handoffId,
        message.caseReference,
        message.sender.organisationId,
        message.sender.organisationName,
        message.sender.country,
        message.recipient.country,
        message.recipient.organisationId,
        message.sharedCategories,
        message.note,
        JSON.stringify(message.packet),
        message.offeredAt,
      ],
    );
    await this.timeline.record(manager, message.handoffId, 'RECEIVER', {
      event: 'OFFERED',
      at: new Date(message.offeredAt),
      organisationName: message.sender.organisationName,
      country: message.sender.country,
      detail: null,
    });
    await this.announce(
      manager,
      message.handoffId,
      'RECEIVER',
      'OFFERED',
      message.sender.country,
      message.sharedCategories,
    );
  }

  /** Receiving node: the addressed organisation accepts (keeping its copy) or declines (keeping nothing). */
  async respond(
    actor: AuthenticatedActor,
    input: { handoffId: string; decision: 'ACCEPTED' | 'DECLINED'; reason: string | null },
  ): Promise<ReceivedHandoffRow | null> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(`SELECT * FROM handoff_received WHERE id = $1 FOR UPDATE`, [
        input.handoffId,
      ])) as ReceivedHandoffRow[];
      const decision = this.access.authorise(actor, 'handoff.respond', row ? receivedContext(row) : null);
      if (!row) throw new CodedError('NOT_FOUND', 'No handoff with this id.', { field: 'input.handoffId' });
      if (row.status !== 'OFFERED') {
        throw new CodedError(
          'CONFLICT',
          `input.handoffId: this handoff was already ${row.status.toLowerCase()}`,
          { field: 'input.handoffId' },
        );
      }
      if (input.decision === 'DECLINED') {
        // Declining leaves nothing behind: the offer and its packet are deleted, not just marked.
        await manager.query(`DELETE FROM handoff_received WHERE id = $1`, [row.id]);
        await this.timeline.erase(manager, row.id);
      } else {
        await manager.query(
          `UPDATE handoff_received SET status = 'ACCEPTED', responded_at = $2 WHERE id = $1`,
          [row.id, now],
        );
        await this.timeline.record(manager, row.id, 'RECEIVER', {
          event: 'ACCEPTED',
          at: now,
          organisationName: actor.organisationName,
          country: row.recipient_country,
          detail: input.reason,
        });
      }
      await this.exchange.send(manager, {
        senderCountry: row.recipient_country,
        recipientCountry: row.sender_country,
        type: handoffRespondedMessageV1.type,
        typeVersion: handoffRespondedMessageV1.version,
        payload: handoffRespondedMessageV1.schema.parse({
          handoffId: row.id,
          decision: input.decision,
          reason: input.reason,
          respondedByOrganisationName: actor.organisationName,
          respondedAt: now.toISOString(),
        }),
        correlationId: row.id,
      });
      await this.audit.record(manager, actor, {
        action: 'handoff.respond',
        resourceType: 'handoff',
        resourceId: row.id,
        categories: ['OPERATIONAL'],
        fields: ['status'],
        purpose: 'CROSS_BORDER_HANDOFF',
        reason: decision.reason,
      });
      await this.announce(
        manager,
        row.id,
        'RECEIVER',
        input.decision,
        row.sender_country,
        row.shared_categories,
      );
      if (input.decision === 'DECLINED') return null;
      const [accepted] = (await manager.query(`SELECT * FROM handoff_received WHERE id = $1`, [
        row.id,
      ])) as ReceivedHandoffRow[];
      return accepted;
    });
  }

  /**
   * Receiving node: this country recognises a decision that came with an accepted handoff (its own
   * coordinator decides, as for any identification), and the deciding country is told.
   */
  async recogniseDecision(
    actor: AuthenticatedActor,
    input: { handoffId: string; decisionJurisdiction: string; legalBasis: string },
  ): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(`SELECT * FROM handoff_received WHERE id = $1 FOR UPDATE`, [
        input.handoffId,
      ])) as ReceivedHandoffRow[];
      const decision = this.access.authorise(
        actor,
        'identification.decide',
        row && row.status === 'ACCEPTED' ? receivedContext(row) : null,
      );
      if (!row) throw new CodedError('NOT_FOUND', 'No handoff with this id.', { field: 'input.handoffId' });
      const carried = row.packet?.identificationDecisions.find(
        (candidate) => candidate.jurisdictionCountry === input.decisionJurisdiction,
      );
      if (!carried) {
        throw new CodedError(
          'BAD_USER_INPUT',
          'input.decisionJurisdiction: the handoff carries no decision of this country',
          {
            field: 'input.decisionJurisdiction',
          },
        );
      }
      await manager.query(
        `INSERT INTO handoff_recognition (handoff_id, decision_jurisdiction, recognised_by_org_id, legal_basis, recognised_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (handoff_id, decision_jurisdiction) DO NOTHING`,
        [row.id, input.decisionJurisdiction, actor.organisationId, input.legalBasis, now],
      );
      await this.timeline.record(manager, row.id, 'RECEIVER', {
        event: 'DECISION_RECOGNISED',
        at: now,
        organisationName: actor.organisationName,
        country: row.recipient_country,
        detail: input.decisionJurisdiction,
      });
      await this.exchange.send(manager, {
        senderCountry: row.recipient_country,
        recipientCountry: row.sender_country,
        type: identificationRecognisedMessageV1.type,
        typeVersion: identificationRecognisedMessageV1.version,
        payload: identificationRecognisedMessageV1.schema.parse({
          handoffId: row.id,
          decisionJurisdiction: input.decisionJurisdiction,
          recognisedByCountry: row.recipient_country,
          recognisedByOrganisationName: actor.organisationName,
          legalBasis: input.legalBasis,
          recognisedAt: now.toISOString(),
        }),
        correlationId: row.id,
      });
      await this.audit.record(manager, actor, {
        action: 'identification.decide',
        resourceType: 'handoff',
        resourceId: row.id,
        categories: ['LEGAL'],
        fields: ['identificationDecisions.recognisedBy'],
        purpose: 'IDENTIFICATION',
        reason: decision.reason,
      });
    });
  }

  /** Sending node: another country recognised one of this country's decisions about a handed-off person. */
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
    const [row] = (await manager.query(`SELECT * FROM handoff_sent WHERE id = $1`, [
      message.handoffId,
    ])) as SentHandoffRow[];
    if (!row) throw new CodedError('NOT_FOUND', 'recognition for a handoff this node did not offer');
    if (
      header.sender.country !== row.recipient_country ||
      message.recognisedByCountry !== row.recipient_country
    ) {
      throw new CodedError(
        'FORBIDDEN',
        'only the country the case was handed to may recognise its decisions',
      );
    }
    await manager.query(
      `UPDATE identification_decision SET recognised_by = array_append(recognised_by, $3::char(2))
        WHERE person_id = $1 AND jurisdiction_country = $2 AND NOT ($3::char(2) = ANY(recognised_by))`,
      [row.person_id, message.decisionJurisdiction, message.recognisedByCountry],
    );
    await this.timeline.record(manager, row.id, 'SENDER', {
      event: 'DECISION_RECOGNISED',
      at: new Date(message.recognisedAt),
      organisationName: message.recognisedByOrganisationName,
      country: message.recognisedByCountry,
      detail: message.decisionJurisdiction,
    });
  }

  /** Sending node: the other side answered. */
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
    const [row] = (await manager.query(`SELECT * FROM handoff_sent WHERE id = $1 FOR UPDATE`, [
      message.handoffId,
    ])) as SentHandoffRow[];
    if (!row) throw new CodedError('NOT_FOUND', 'response to a handoff this node did not offer');
    if (header.sender.country !== row.recipient_country)
      throw new CodedError('FORBIDDEN', 'only the recipient country may answer');
    if (row.status !== 'OFFERED') return;
    await manager.query(
      `UPDATE handoff_sent SET status = $2, response_reason = $3, responded_by_org_name = $4, responded_at = $5 WHERE id = $1`,
      [row.id, message.decision, message.reason, message.respondedByOrganisationName, message.respondedAt],
    );
    await this.timeline.record(manager, row.id, 'SENDER', {
      event: message.decision,
      at: new Date(message.respondedAt),
      organisationName: message.respondedByOrganisationName,
      country: row.recipient_country,
      detail: message.reason,
    });
    await this.announce(
      manager,
      row.id,
      'SENDER',
      message.decision,
      row.recipient_country,
      row.shared_categories,
    );
  }

  /**
   * Sending node: the survivor withdrew consent to cross-border sharing. Every handoff of the person that
   * crossed a border is told to erase its copy; called in the transaction that records the withdrawal.
   */
  async withdrawConsent(manager: EntityManager, personId: string, now: Date): Promise<number> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
    const [rows] = (await manager.query(
      `UPDATE handoff_sent SET status = 'CONSENT_WITHDRAWN', withdrawn_at = $2
        WHERE person_id = $1 AND status IN ('OFFERED', 'ACCEPTED') RETURNING *`,
      [personId, now],
    )) as [SentHandoffRow[], number];
    for (const row of rows) {
      await this.timeline.record(manager, row.id, 'SENDER', {
        event: 'CONSENT_WITHDRAWN',
        at: now,
        organisationName: null,
        country: row.sender_country,
        detail: null,
      });
      await this.exchange.send(manager, {
        senderCountry: row.sender_country,
        recipientCountry: row.recipient_country,
        type: handoffConsentWithdrawnMessageV1.type,
        typeVersion: handoffConsentWithdrawnMessageV1.version,
        payload: { handoffId: row.id, withdrawnAt: now.toISOString() },
        correlationId: row.id,
      });
      await this.announce(
        manager,
        row.id,
        'SENDER',
        'CONSENT_WITHDRAWN',
        row.recipient_country,
        row.shared_categories,
      );
    }
    return rows.length;
  }

  /** Receiving node: erase the copy the survivor no longer consents to. */
  async eraseOnConsentWithdrawal(
    message: { handoffId: string },
    header: ExchangeHeader,
    manager: EntityManager,
  ): Promise<void> {
    const [[row]] = (await manager.query(
      `DELETE FROM handoff_received WHERE id = $1 RETURNING sender_country, shared_categories`,
      [message.handoffId],
    )) as [{ sender_country: string; shared_categories: DataCategory[] }[], number];
    if (!row) return;
    if (row.sender_country !== header.sender.country)
      throw new CodedError('FORBIDDEN', 'only the sending country may withdraw');
    await this.timeline.erase(manager, message.handoffId);
    await this.announce(
      manager,
      message.handoffId,
      'RECEIVER',
      'CONSENT_WITHDRAWN',
      row.sender_country,
      row.shared_categories,
    );
  }

  async listSent(actor: AuthenticatedActor): Promise<SentHandoffRow[]> {
    this.access.authoriseAny(actor, 'case.read');
    return (await this.dataSource.query(
      `SELECT * FROM handoff_sent WHERE sender_org_id = $1 ORDER BY offered_at DESC LIMIT 200`,
      [actor.organisationId],
    )) as SentHandoffRow[];
  }

  /** Offers addressed to the actor's organisation; the packet shows only once accepted (OPERATIONAL before). */
  async listReceived(actor: AuthenticatedActor): Promise<ReceivedHandoffRow[]> {
    this.access.authoriseAny(actor, 'case.read');
    const rows = (await this.dataSource.query(
      `SELECT * FROM handoff_received WHERE recipient_org_id = $1 ORDER BY offered_at DESC LIMIT 200`,
      [actor.organisationId],
    )) as ReceivedHandoffRow[];
    return this.dataSource.transaction(async (manager) => {
      const shown: ReceivedHandoffRow[] = [];
      for (const row of rows) {
        const context = receivedContext(row);
        const action = row.status === 'ACCEPTED' ? 'case.read' : 'handoff.respond';
        const decision = this.access.authorise(actor, action, context);
        const visible = this.access.visibleCategories(actor, action, context, row.shared_categories);
        const packet = row.packet ? redactPacket(row.packet, visible) : null;
        await this.audit.record(manager, actor, {
          action,
          resourceType: 'handoff',
          resourceId: row.id,
          categories: visible,
          fields: ['packet'],
          purpose: 'CROSS_BORDER_HANDOFF',
          reason: decision.reason,
        });
        shown.push({ ...row, packet });
      }
      return shown;
    });
  }

  /** The shared timeline of a handoff the caller was already shown, as its side recorded it. */
  timelineOf(handoffId: string, side: HandoffSide): Promise<HandoffTimelineEntry[]> {
    return this.timeline.read(this.dataSource.manager, handoffId, side);
  }

  private async sent(manager: EntityManager, id: string): Promise<SentHandoffRow> {
    const [row] = (await manager.query(`SELECT * FROM handoff_sent WHERE id = $1`, [id])) as SentHandoffRow[];
    return row;
  }

  private async announce(
    manager: EntityManager,
    handoffId: string,
    side: 'SENDER' | 'RECEIVER',
    status: 'OFFERED' | 'ACCEPTED' | 'DECLINED' | 'CONSENT_WITHDRAWN',
    counterpartCountry: string,
    sharedCategories: DataCategory[],
  ): Promise<void> {
    await this.outbox.appendEvent(manager, handoffStatusChangedV1, {
      aggregateId: handoffId,
      payload: { handoffId, side, status, counterpartCountry, sharedCategories },
    });
  }
}

/** On the receiving node the addressed organisation owns its copy once it accepted; before, it is only the addressee. */
function receivedContext(row: ReceivedHandoffRow): ResourceContext {
  return {
    ownerOrganisationId: row.status === 'ACCEPTED' ? row.recipient_org_id : row.sender_org_id,
    ownerCountry: row.recipient_country,
    jurisdictionCountry: row.recipient_country,
    team: [],
    consents: ['CROSS_BORDER_HANDOFF'],
    addressedToOrganisationId: row.recipient_org_id,
  };
}

function redactPacket(
  packet: HandoffOfferedMessage['packet'],
  visible: Partial<Record<DataCategory, string>>,
): HandoffOfferedMessage['packet'] {
  const shows = (category: DataCategory) => visible[category] === 'ALLOW';
  return {
    operational: packet.operational,
    identificationDecisions: shows('LEGAL') ? packet.identificationDecisions : [],
    ...(shows('IDENTITY') && packet.identity ? { identity: packet.identity } : {}),
    ...(shows('CONTACT') && packet.contact ? { contact: packet.contact } : {}),
    ...(shows('LOCATION') && packet.location ? { location: packet.location } : {}),
    ...(shows('HEALTH') && packet.health ? { health: packet.health } : {}),
    ...(shows('SEXUAL_VIOLENCE') && packet.sexualViolence ? { sexualViolence: packet.sexualViolence } : {}),
    ...(shows('LEGAL') && packet.legal ? { legal: packet.legal } : {}),
    ...(shows('NARRATIVE') && packet.narrative ? { narrative: packet.narrative } : {}),
  };
}
