import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The timeline both sides of a handoff see: offered, answered, decisions recognised, consent withdrawn.
 * Each side writes its own rows (one node may be both sides) from what it did and what the other side
 * told it; operational facts and organisation names only. The receiving side's rows go with its copy.
 */
export class HandoffTimeline1764600000000 implements MigrationInterface {
  name = 'HandoffTimeline1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE handoff_timeline (
        id                  bigserial PRIMARY KEY,
        handoff_id          uuid NOT NULL,
        side                text NOT NULL CHECK (side IN ('SENDER', 'RECEIVER')),
        event               text NOT NULL,
        at                  timestamptz NOT NULL,
        organisation_name   text,
        country             char(2) NOT NULL,
        detail              text
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX handoff_timeline_once_idx ON handoff_timeline (handoff_id, side, event, coalesce(detail, ''))`,
    );
    // Handoffs made before the timeline get the events their rows still tell.
    const backfill = [
      `SELECT id, 'SENDER', 'OFFERED', offered_at, NULL, sender_country, NULL FROM handoff_sent`,
      `SELECT id, 'SENDER', status, responded_at, responded_by_org_name, recipient_country, response_reason
         FROM handoff_sent WHERE status IN ('ACCEPTED', 'DECLINED') AND responded_at IS NOT NULL`,
      `SELECT id, 'SENDER', 'CONSENT_WITHDRAWN', withdrawn_at, NULL, sender_country, NULL
         FROM handoff_sent WHERE withdrawn_at IS NOT NULL`,
      `SELECT id, 'RECEIVER', 'OFFERED', offered_at, sender_org_name, sender_country, NULL FROM handoff_received`,
      `SELECT id, 'RECEIVER', 'ACCEPTED', responded_at, NULL, recipient_country, NULL
         FROM handoff_received WHERE status = 'ACCEPTED' AND responded_at IS NOT NULL`,
    ];
    for (const rows of backfill) {
      await queryRunner.query(
        `INSERT INTO handoff_timeline (handoff_id, side, event, at, organisation_name, country, detail) ${rows}`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE handoff_timeline`);
  }
}
