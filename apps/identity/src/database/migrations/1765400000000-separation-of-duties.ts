import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Separation of duties (ADR 024): roles an administrator asks for wait here until a second party approves
 * them, and new people (or people whose credentials an administrator reset) get a one-time enrolment link,
 * stored as the hash of its token only.
 */
export class SeparationOfDuties1765400000000 implements MigrationInterface {
  name = 'SeparationOfDuties1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE role_grant (
        id              uuid PRIMARY KEY,
        user_id         uuid NOT NULL REFERENCES user_account (id),
        organisation_id uuid NOT NULL REFERENCES organisation (id),
        roles           text[] NOT NULL,
        status          text NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'DECLINED', 'WITHDRAWN')),
        requested_by    uuid NOT NULL REFERENCES user_account (id),
        requested_at    timestamptz NOT NULL,
        decided_by      uuid REFERENCES user_account (id),
        decided_at      timestamptz,
        -- A second party approves: never the one who asked (withdrawing one's own request is fine).
        CHECK (status <> 'APPROVED' OR decided_by <> requested_by)
      )
    `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX role_grant_one_pending ON role_grant (user_id) WHERE status = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE INDEX role_grant_by_organisation ON role_grant (organisation_id, status)`,
    );
    await queryRunner.query(`
      CREATE TABLE enrolment_link (
        token_hash  text PRIMARY KEY,
        user_id     uuid NOT NULL REFERENCES user_account (id),
        issued_by   uuid NOT NULL REFERENCES user_account (id),
        issued_at   timestamptz NOT NULL,
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz
      )
    `);
    await queryRunner.query(`CREATE INDEX enrolment_link_by_user ON enrolment_link (user_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE enrolment_link`);
    await queryRunner.query(`DROP TABLE role_grant`);
  }
}
