import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { openTestDataSource } from '@passage/shared/testing';
import { HandoffTimeline1764600000000 } from '../src/database/migrations/1764600000000-handoff-timeline.js';
import { REFERRALS_MIGRATIONS } from '../src/database/migrations/index.js';

/** A database as it was before the timeline, with handoffs on both sides, then the timeline migration. */
describe('handoff timeline migration (real Postgres)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const before = REFERRALS_MIGRATIONS.slice(0, REFERRALS_MIGRATIONS.indexOf(HandoffTimeline1764600000000));
    ({ dataSource, close } = await openTestDataSource('referrals', before));
  });

  afterAll(async () => {
    await close?.();
  });

  it('gives handoffs made before it the events their rows still tell', async () => {
    const sent = randomUUID();
    const received = randomUUID();
    await dataSource.query(
      `INSERT INTO handoff_sent (id, case_id, person_id, sender_org_id, sender_country, sender_user_id, recipient_country,
         recipient_org_id, shared_categories, status, responded_by_org_name, offered_at, responded_at)
       VALUES ($1, $2, $3, $4, 'KH', $5, 'ID', $6, '{OPERATIONAL}', 'ACCEPTED', 'Receiving NGO (test)',
         '2026-11-01T08:00:00Z', '2026-11-02T08:00:00Z')`,
      [sent, randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()],
    );
    await dataSource.query(
      `INSERT INTO handoff_received (id, case_reference, sender_org_id, sender_org_name, sender_country, recipient_country,
         recipient_org_id, shared_categories, status, offered_at)
       VALUES ($1, 'TH-2026-000001', $2, 'Thai focal point (test)', 'TH', 'KH', $3, '{OPERATIONAL}', 'OFFERED',
         '2026-11-03T08:00:00Z')`,
      [received, randomUUID(), randomUUID()],
    );
    const runner = dataSource.createQueryRunner();
    try {
      await new HandoffTimeline1764600000000().up(runner);
    } finally {
      await runner.release();
    }
    const timeline = (await dataSource.query(
      `SELECT handoff_id, side, event, organisation_name, country FROM handoff_timeline ORDER BY at`,
    )) as Record<string, unknown>[];
    expect(timeline).toEqual([
      { handoff_id: sent, side: 'SENDER', event: 'OFFERED', organisation_name: null, country: 'KH' },
      {
        handoff_id: sent,
        side: 'SENDER',
        event: 'ACCEPTED',
        organisation_name: 'Receiving NGO (test)',
        country: 'ID',
      },
      {
        handoff_id: received,
        side: 'RECEIVER',
        event: 'OFFERED',
        organisation_name: 'Thai focal point (test)',
        country: 'TH',
      },
    ]);
  });
});
