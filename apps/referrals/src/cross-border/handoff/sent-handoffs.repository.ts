import type { EntityManager } from 'typeorm';
import type { DataCategory } from '@passage/schemas';

/** What the sending node keeps of a handoff it offered: never the packet, the case itself is here. */
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

/** The handoffs this node offered, by what the sending side asks of them. */
export class SentHandoffs {
  async insertOffer(
    manager: EntityManager,
    offer: {
      id: string;
      caseId: string;
      personId: string;
      senderOrganisationId: string;
      senderCountry: string;
      senderUserId: string;
      recipientCountry: string;
      recipientOrganisationId: string;
      sharedCategories: DataCategory[];
      offeredAt: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO handoff_sent (id, case_id, person_id, sender_org_id, sender_country, sender_user_id, recipient_country,
         recipient_org_id, shared_categories, status, offered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'OFFERED', $10)`,
      [
        offer.id,
        offer.caseId,
        offer.personId,
        offer.senderOrganisationId,
        offer.senderCountry,
        offer.senderUserId,
        offer.recipientCountry,
        offer.recipientOrganisationId,
        offer.sharedCategories,
        offer.offeredAt,
      ],
    );
  }

  async find(
    manager: EntityManager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<SentHandoffRow | null> {
    const [row] = (await manager.query(
      `SELECT * FROM handoff_sent WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
      [id],
    )) as SentHandoffRow[];
    return row ?? null;
  }

  async recordResponse(
    manager: EntityManager,
    id: string,
    response: {
      decision: string;
      reason: string | null;
      respondedByOrganisationName: string;
      respondedAt: string;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE handoff_sent SET status = $2, response_reason = $3, responded_by_org_name = $4, responded_at = $5 WHERE id = $1`,
      [id, response.decision, response.reason, response.respondedByOrganisationName, response.respondedAt],
    );
  }

  /** Marks every handoff of the person that is still offered or accepted as withdrawn, and returns them. */
  async withdrawConsentOf(manager: EntityManager, personId: string, at: Date): Promise<SentHandoffRow[]> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
    const [rows] = (await manager.query(
      `UPDATE handoff_sent SET status = 'CONSENT_WITHDRAWN', withdrawn_at = $2
        WHERE person_id = $1 AND status IN ('OFFERED', 'ACCEPTED') RETURNING *`,
      [personId, at],
    )) as [SentHandoffRow[], number];
    return rows;
  }

  offeredBy(manager: EntityManager, organisationId: string): Promise<SentHandoffRow[]> {
    return manager.query(
      `SELECT * FROM handoff_sent WHERE sender_org_id = $1 ORDER BY offered_at DESC LIMIT 200`,
      [organisationId],
    ) as Promise<SentHandoffRow[]>;
  }

  /** Adds the recognising country to the person's decision of that jurisdiction, once. */
  async recordRecognition(
    manager: EntityManager,
    recognition: { personId: string; decisionJurisdiction: string; recognisedByCountry: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE identification_decision SET recognised_by = array_append(recognised_by, $3::char(2))
        WHERE person_id = $1 AND jurisdiction_country = $2 AND NOT ($3::char(2) = ANY(recognised_by))`,
      [recognition.personId, recognition.decisionJurisdiction, recognition.recognisedByCountry],
    );
  }
}
