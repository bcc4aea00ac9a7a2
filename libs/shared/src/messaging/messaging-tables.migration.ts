import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox and inbox tables every service database carries. Each service lists this migration first in
 * its own migration set, so the tables live next to the state they are committed with.
 */
export class MessagingTables1763769600000 implements MigrationInterface {
  name = 'MessagingTables1763769600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_message (
        id              bigserial PRIMARY KEY,
        message_id      uuid NOT NULL UNIQUE,
        topic           text NOT NULL,
        message_key     text NOT NULL,
        message_type    text NOT NULL,
        headers         jsonb NOT NULL DEFAULT '{}'::jsonb,
        value           bytea NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        published_at    timestamptz,
        attempts        integer NOT NULL DEFAULT 0,
        last_error      text,
        abandoned_at    timestamptz
      )`);
    // The relay only ever scans what is still to be published, in insertion order.
    await queryRunner.query(
      `CREATE INDEX outbox_message_pending_idx ON outbox_message (id) WHERE published_at IS NULL AND abandoned_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX outbox_message_published_idx ON outbox_message (published_at) WHERE published_at IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE inbox_message (
        message_id      text NOT NULL,
        handler         text NOT NULL,
        topic           text NOT NULL,
        kafka_partition integer NOT NULL,
        kafka_offset    bigint NOT NULL,
        status          text NOT NULL CHECK (status IN ('processed', 'dead-lettered')),
        reason_code     text,
        received_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (message_id, handler)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE inbox_message`);
    await queryRunner.query(`DROP TABLE outbox_message`);
  }
}
