import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cross-border handoffs. The sender keeps what it offered (never the packet: the case itself is on the
 * sender's node); the receiver keeps the packet only while the offer is open or accepted, and erases it
 * when it declines or when the survivor withdraws consent.
 */
export class Handoffs1764300000000 implements MigrationInterface {
  name = 'Handoffs1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE handoff_sent (
        id                    uuid PRIMARY KEY,
        case_id               uuid NOT NULL,
        person_id             uuid NOT NULL,
        sender_org_id         uuid NOT NULL,
        sender_country        char(2) NOT NULL,
        sender_user_id        uuid NOT NULL,
        recipient_country     char(2) NOT NULL,
        recipient_org_id      uuid NOT NULL,
        shared_categories     text[] NOT NULL,
        status                text NOT NULL CHECK (status IN ('OFFERED', 'ACCEPTED', 'DECLINED', 'CONSENT_WITHDRAWN')),
        response_reason       text,
        responded_by_org_name text,
        offered_at            timestamptz NOT NULL,
        responded_at          timestamptz,
        withdrawn_at          timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX handoff_sent_person_idx ON handoff_sent (person_id)`);
    await queryRunner.query(
      `CREATE INDEX handoff_sent_sender_idx ON handoff_sent (sender_org_id, offered_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE handoff_received (
        id                    uuid PRIMARY KEY,
        case_reference        text NOT NULL,
        sender_org_id         uuid NOT NULL,
        sender_org_name       text NOT NULL,
        sender_country        char(2) NOT NULL,
        recipient_country     char(2) NOT NULL,
        recipient_org_id      uuid NOT NULL,
        shared_categories     text[] NOT NULL,
        note                  text,
        packet                jsonb,
        status                text NOT NULL CHECK (status IN ('OFFERED', 'ACCEPTED', 'DECLINED', 'CONSENT_WITHDRAWN')),
        offered_at            timestamptz NOT NULL,
        responded_at          timestamptz,
        erased_at             timestamptz,
        CONSTRAINT handoff_received_erased CHECK (status NOT IN ('DECLINED', 'CONSENT_WITHDRAWN') OR packet IS NULL)
      )`);
    await queryRunner.query(
      `CREATE INDEX handoff_received_recipient_idx ON handoff_received (recipient_org_id, offered_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE handoff_received`);
    await queryRunner.query(`DROP TABLE handoff_sent`);
  }
}
