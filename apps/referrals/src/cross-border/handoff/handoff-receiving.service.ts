import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  handoffRespondedMessageV1,
  handoffStatusChangedV1,
  identificationRecognisedMessageV1,
  type DataCategory,
  type HandoffOfferedMessage,
} from '@passage/schemas';
import {
  Outbox,
  type AllowedDecision,
  type AuthenticatedActor,
  type ExchangeHeader,
  type FieldAccess,
  type ResourceContext,
} from '@passage/shared';
import { ReferralsAccess, ReferralsAudit, UnitOfWork } from '../../platform/index.js';
import { crossBorderErrors } from '../cross-border.errors.js';
import { handoffStatusChanged } from './handoff-status.js';
import { HandoffTimeline } from './handoff-timeline.js';
import { ReceivedHandoffs, type ReceivedHandoffRow } from './received-handoffs.repository.js';
import type { RecogniseIdentificationDecision, RespondToHandoff } from './dtos/handoff.inputs.js';

/**
 * The receiving node's side of a handoff: an offer kept for the addressed organisation, which accepts
 * (keeping its copy) or declines (keeping nothing), may recognise the identification decision the packet
 * carries, and erases its copy when the survivor withdraws consent.
 */
@Injectable()
export class HandoffReceiving {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly work: UnitOfWork,
    private readonly access: ReferralsAccess,
    private readonly audit: ReferralsAudit,
    private readonly outbox: Outbox,
    private readonly timeline: HandoffTimeline,
    private readonly received: ReceivedHandoffs,
  ) {}

  /** Keeps the offer (and its packet) for the addressed organisation to decide on. */
  async receiveOffer(
    message: HandoffOfferedMessage,
    header: ExchangeHeader,
    manager: EntityManager,
  ): Promise<void> {
    if (
      header.sender.country !== message.sender.country ||
      header.recipient.country !== message.recipient.country
    ) {
      throw crossBorderErrors.error('SENDER_NOT_ENTITLED', 'handoff countries do not match the envelope');
    }
    await this.received.keepOffer(manager, message);
    await this.timeline.record(manager, message.handoffId, 'RECEIVER', {
      event: 'OFFERED',
      at: new Date(message.offeredAt),
      organisationName: message.sender.organisationName,
      country: message.sender.country,
      detail: null,
    });
    await this.outbox.appendEvent(
      manager,
      handoffStatusChangedV1,
      handoffStatusChanged(
        message.handoffId,
        'RECEIVER',
        'OFFERED',
        message.sender.country,
        message.sharedCategories,
      ),
    );
  }

  /** The addressed organisation accepts (keeping its copy) or declines (keeping nothing). */
  respond(actor: AuthenticatedActor, input: RespondToHandoff): Promise<ReceivedHandoffRow | null> {
    return this.work.run(actor, {
      action: 'handoff.respond',
      authorise: async (manager) => {
        const { row, decision } = await this.lockedOffer(manager, actor, input.handoffId, 'handoff.respond');
        if (row.status !== 'OFFERED') {
          throw crossBorderErrors.error(
            'HANDOFF_ALREADY_ANSWERED',
            `this handoff was already ${row.status.toLowerCase()}`,
            { field: 'handoffId' },
          );
        }
        return { row, decision };
      },
      execute: async ({ manager, now, emit, send }, { row }): Promise<ShownHandoff | null> => {
        if (input.decision === 'DECLINED') {
          // Declining leaves nothing behind: the offer and its packet are deleted, not just marked.
          await this.received.erase(manager, row.id);
          await this.timeline.erase(manager, row.id);
        } else {
          await this.received.accept(manager, row.id, now);
          await this.timeline.record(manager, row.id, 'RECEIVER', {
            event: 'ACCEPTED',
            at: now,
            organisationName: actor.organisationName,
            country: row.recipient_country,
            detail: input.reason,
          });
        }
        await send(handoffRespondedMessageV1, {
          senderCountry: row.recipient_country,
          recipientCountry: row.sender_country,
          payload: {
            handoffId: row.id,
            decision: input.decision,
            reason: input.reason,
            respondedByOrganisationName: actor.organisationName,
            respondedAt: now.toISOString(),
          },
          correlationId: row.id,
        });
        await emit(
          handoffStatusChangedV1,
          handoffStatusChanged(row.id, 'RECEIVER', input.decision, row.sender_country, row.shared_categories),
        );
        if (input.decision === 'DECLINED') return null;
        // What the caller gets back is what the list would show it now that the copy is its own: the
        // same projection, so a mutation is never a way around the categories a read withholds.
        const accepted = await this.received.find(manager, row.id);
        return accepted ? this.project(actor, accepted) : null;
      },
      audit: ({ row }, shown) => ({
        resourceType: 'handoff',
        resourceId: row.id,
        categories: shown ? { ...shown.visible, OPERATIONAL: 'ALLOW' } : ['OPERATIONAL'],
        fields: shown ? ['status', 'packet'] : ['status'],
        purpose: 'CROSS_BORDER_HANDOFF',
      }),
      view: (_scope, _authorised, shown) => Promise.resolve(shown?.row ?? null),
    });
  }

  /**
   * This country recognises a decision that came with an accepted handoff (its own coordinator decides,
   * as for any identification), and the deciding country is told.
   */
  async recogniseDecision(actor: AuthenticatedActor, input: RecogniseIdentificationDecision): Promise<void> {
    await this.work.run(actor, {
      action: 'identification.decide',
      authorise: (manager) => this.lockedOffer(manager, actor, input.handoffId, 'identification.decide'),
      execute: async ({ manager, now, send }, { row }) => {
        const carried = row.packet?.identificationDecisions.find(
          (candidate) => candidate.jurisdictionCountry === input.decisionJurisdiction,
        );
        if (!carried) {
          throw crossBorderErrors.error(
            'DECISION_NOT_CARRIED',
            'the handoff carries no decision of this country',
            {
              field: 'decisionJurisdiction',
            },
          );
        }
        await this.received.recordRecognition(manager, {
          handoffId: row.id,
          decisionJurisdiction: input.decisionJurisdiction,
          organisationId: actor.organisationId,
          legalBasis: input.legalBasis,
          at: now,
        });
        await this.timeline.record(manager, row.id, 'RECEIVER', {
          event: 'DECISION_RECOGNISED',
          at: now,
          organisationName: actor.organisationName,
          country: row.recipient_country,
          detail: input.decisionJurisdiction,
        });
        await send(identificationRecognisedMessageV1, {
          senderCountry: row.recipient_country,
          recipientCountry: row.sender_country,
          payload: {
            handoffId: row.id,
            decisionJurisdiction: input.decisionJurisdiction,
            recognisedByCountry: row.recipient_country,
            recognisedByOrganisationName: actor.organisationName,
            legalBasis: input.legalBasis,
            recognisedAt: now.toISOString(),
          },
          correlationId: row.id,
        });
      },
      audit: ({ row }) => ({
        resourceType: 'handoff',
        resourceId: row.id,
        categories: ['LEGAL'],
        fields: ['identificationDecisions.recognisedBy'],
        purpose: 'IDENTIFICATION',
      }),
    });
  }

  /** Erases the copy the survivor no longer consents to. */
  async eraseOnConsentWithdrawal(
    message: { handoffId: string },
    header: ExchangeHeader,
    manager: EntityManager,
  ): Promise<void> {
    const erased = await this.received.erase(manager, message.handoffId);
    if (!erased) return;
    if (erased.sender_country !== header.sender.country)
      throw crossBorderErrors.error('SENDER_NOT_ENTITLED', 'only the sending country may withdraw');
    await this.timeline.erase(manager, message.handoffId);
    await this.outbox.appendEvent(
      manager,
      handoffStatusChangedV1,
      handoffStatusChanged(
        message.handoffId,
        'RECEIVER',
        'CONSENT_WITHDRAWN',
        erased.sender_country,
        erased.shared_categories,
      ),
    );
  }

  /** Offers addressed to the actor's organisation; the packet shows only once accepted (OPERATIONAL before). */
  async listReceived(actor: AuthenticatedActor): Promise<ReceivedHandoffRow[]> {
    this.access.authoriseAny(actor, 'case.read');
    const rows = await this.received.addressedTo(this.dataSource.manager, actor.organisationId);
    return this.dataSource.transaction(async (manager) => {
      const shown: ReceivedHandoffRow[] = [];
      for (const row of rows) {
        const { action, decision, visible, row: projected } = this.project(actor, row);
        await this.audit.record(manager, actor, {
          action,
          resourceType: 'handoff',
          resourceId: row.id,
          categories: visible,
          fields: ['packet'],
          purpose: 'CROSS_BORDER_HANDOFF',
          reason: decision.reason,
        });
        shown.push(projected);
      }
      return shown;
    });
  }

  /**
   * A received handoff as `actor` may see it: the packet only once accepted (OPERATIONAL before), and
   * then only the shared categories the policy lets this actor see. The one projection of every path
   * that returns a received handoff.
   */
  private project(actor: AuthenticatedActor, row: ReceivedHandoffRow): ShownHandoff {
    const context = receivedContext(row);
    const action = row.status === 'ACCEPTED' ? 'case.read' : 'handoff.respond';
    const decision = this.access.authorise(actor, action, context);
    const visible = this.access.visibleCategories(actor, action, context, row.shared_categories);
    const packet = row.packet ? redactPacket(row.packet, visible) : null;
    return { action, decision, visible, row: { ...row, packet } };
  }

  /**
   * Locks an offer and asks the policy. An accepted offer is the organisation's own; the policy is asked
   * even when there is no such offer, so that a caller who may never act gets FORBIDDEN, not NOT_FOUND.
   */
  private async lockedOffer(
    manager: EntityManager,
    actor: AuthenticatedActor,
    handoffId: string,
    action: 'handoff.respond' | 'identification.decide',
  ): Promise<{ row: ReceivedHandoffRow; decision: AllowedDecision }> {
    const row = await this.received.find(manager, handoffId, { lock: true });
    const context = action === 'handoff.respond' || row?.status === 'ACCEPTED' ? row : null;
    const decision = this.access.authorise(actor, action, context ? receivedContext(context) : null);
    if (!row)
      throw crossBorderErrors.error('HANDOFF_NOT_FOUND', 'No handoff with this id.', { field: 'handoffId' });
    return { row, decision };
  }
}

/** A received handoff projected for one actor, with what the audit entry of showing it records. */
interface ShownHandoff {
  action: 'case.read' | 'handoff.respond';
  decision: AllowedDecision;
  visible: Partial<Record<DataCategory, FieldAccess>>;
  row: ReceivedHandoffRow;
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
  visible: Partial<Record<DataCategory, FieldAccess>>,
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
