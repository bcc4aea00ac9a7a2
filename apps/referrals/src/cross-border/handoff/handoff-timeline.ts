import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export const HANDOFF_TIMELINE_EVENTS = [
  'OFFERED',
  'ACCEPTED',
  'DECLINED',
  'DECISION_RECOGNISED',
  'CONSENT_WITHDRAWN',
] as const;
export type HandoffTimelineEvent = (typeof HANDOFF_TIMELINE_EVENTS)[number];

export type HandoffSide = 'SENDER' | 'RECEIVER';

export interface HandoffTimelineEntry {
  event: HandoffTimelineEvent;
  at: Date;
  /** The organisation that did it, when that side named it. */
  organisationName: string | null;
  country: string;
  /** The reason of a decline, the jurisdiction of a recognised decision. */
  detail: string | null;
}

/**
 * The shared timeline of a handoff. Both sides record the same events, the ones they did themselves and
 * the ones the other side reported through the exchange, so sender and receiver read the same story.
 */
@Injectable()
export class HandoffTimeline {
  async record(
    manager: EntityManager,
    handoffId: string,
    side: HandoffSide,
    entry: HandoffTimelineEntry,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO handoff_timeline (handoff_id, side, event, at, organisation_name, country, detail)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [handoffId, side, entry.event, entry.at, entry.organisationName, entry.country, entry.detail],
    );
  }

  /** The receiving side forgets the handoff entirely: declined, or consent withdrawn. */
  async erase(manager: EntityManager, handoffId: string): Promise<void> {
    await manager.query(`DELETE FROM handoff_timeline WHERE handoff_id = $1 AND side = 'RECEIVER'`, [
      handoffId,
    ]);
  }

  async read(manager: EntityManager, handoffId: string, side: HandoffSide): Promise<HandoffTimelineEntry[]> {
    const rows = (await manager.query(
      `SELECT event, at, organisation_name, country, detail FROM handoff_timeline
        WHERE handoff_id = $1 AND side = $2 ORDER BY at, id`,
      [handoffId, side],
    )) as {
      event: HandoffTimelineEvent;
      at: Date;
      organisation_name: string | null;
      country: string;
      detail: string | null;
    }[];
    return rows.map((row) => ({
      event: row.event,
      at: row.at,
      organisationName: row.organisation_name,
      country: row.country,
      detail: row.detail,
    }));
  }
}
