import type { EntityManager } from 'typeorm';
import type { DataCategory, HandoffOfferedMessage } from '@passage/schemas';

/** What the receiving node keeps of an offer: the consented packet, until declined or withdrawn. */
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

/** The handoffs offered to this node's organisations, by what the receiving side asks of them. */
export class ReceivedHandoffs {
  /** Keeps an offer once, however often the message is delivered. */
  async keepOffer(manager: EntityManager, message: HandoffOfferedMessage): Promise<void> {
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
  }

  async find(
    manager: EntityManager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<ReceivedHandoffRow | null> {
    const [row] = (await manager.query(
      `SELECT * FROM handoff_received WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
      [id],
    )) as ReceivedHandoffRow[];
    return row ?? null;
  }

  async accept(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE handoff_received SET status = 'ACCEPTED', responded_at = $2 WHERE id = $1`, [
      id,
      at,
    ]);
  }

  /** Deletes the offer and its packet; answers who sent it, or null when nothing was kept. */
  async erase(
    manager: EntityManager,
    id: string,
  ): Promise<{ sender_country: string; shared_categories: DataCategory[] } | null> {
    const [[row]] = (await manager.query(
      `DELETE FROM handoff_received WHERE id = $1 RETURNING sender_country, shared_categories`,
      [id],
    )) as [{ sender_country: string; shared_categories: DataCategory[] }[], number];
    return row ?? null;
  }

  async recordRecognition(
    manager: EntityManager,
    recognition: {
      handoffId: string;
      decisionJurisdiction: string;
      organisationId: string;
      legalBasis: string;
      at: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO handoff_recognition (handoff_id, decision_jurisdiction, recognised_by_org_id, legal_basis, recognised_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (handoff_id, decision_jurisdiction) DO NOTHING`,
      [
        recognition.handoffId,
        recognition.decisionJurisdiction,
        recognition.organisationId,
        recognition.legalBasis,
        recognition.at,
      ],
    );
  }

  addressedTo(manager: EntityManager, organisationId: string): Promise<ReceivedHandoffRow[]> {
    return manager.query(
      `SELECT * FROM handoff_received WHERE recipient_org_id = $1 ORDER BY offered_at DESC LIMIT 200`,
      [organisationId],
    ) as Promise<ReceivedHandoffRow[]>;
  }
}
