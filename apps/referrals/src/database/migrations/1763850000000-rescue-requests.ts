import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rescue requests (two copies of one request: the requester's and the jurisdiction's, which are on
 * different nodes unless one node hosts both countries), the people and places they name, their
 * status history, and the compounds requests are grouped under.
 */
export class RescueRequests1763850000000 implements MigrationInterface {
  name = 'RescueRequests1763850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE compound (
        id                    uuid PRIMARY KEY,
        jurisdiction_country  char(2) NOT NULL,
        grouping_key          text NOT NULL,
        name                  text NOT NULL,
        district              text,
        province              text NOT NULL,
        inside_sez            boolean,
        first_reported_at     timestamptz NOT NULL,
        UNIQUE (jurisdiction_country, grouping_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE rescue_request (
        id                      uuid PRIMARY KEY,
        request_id              uuid NOT NULL,
        copy                    text NOT NULL CHECK (copy IN ('REQUESTER', 'JURISDICTION')),
        reference               text NOT NULL,
        requester_org_id        uuid NOT NULL,
        requester_org_name      text NOT NULL,
        requester_country       char(2) NOT NULL,
        reporter_kind           text NOT NULL,
        on_behalf_of            text NOT NULL,
        reported_via            text,
        jurisdiction_country    char(2) NOT NULL,
        compound_id             uuid REFERENCES compound (id),
        status                  text NOT NULL,
        resolution_outcome      text,
        others_count            integer NOT NULL DEFAULT 0,
        others_names            jsonb NOT NULL DEFAULT '[]',
        risks                   text[] NOT NULL DEFAULT '{}',
        safe_contact            jsonb,
        submitted_at            timestamptz NOT NULL,
        status_changed_at       timestamptz NOT NULL,
        due_at                  timestamptz,
        escalated_at            timestamptz,
        created_at              timestamptz NOT NULL DEFAULT now(),
        UNIQUE (request_id, copy)
      )`);
    await queryRunner.query(
      `CREATE INDEX rescue_request_jurisdiction_idx ON rescue_request (jurisdiction_country, copy, submitted_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX rescue_request_requester_idx ON rescue_request (requester_org_id, copy, submitted_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX rescue_request_open_due_idx ON rescue_request (due_at) WHERE escalated_at IS NULL AND status NOT IN ('RESOLVED', 'CLOSED')`,
    );
    await queryRunner.query(`
      CREATE TABLE rescue_request_person (
        id                    uuid PRIMARY KEY,
        rescue_request_id     uuid NOT NULL REFERENCES rescue_request (id) ON DELETE CASCADE,
        position              integer NOT NULL,
        name_or_alias         text NOT NULL,
        nationality           char(2) NOT NULL,
        gender                text NOT NULL,
        age_band              text NOT NULL,
        minor                 boolean NOT NULL,
        pregnant              boolean,
        languages             text[] NOT NULL DEFAULT '{}',
        urgent_medical_need   boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query(
      `CREATE INDEX rescue_request_person_request_idx ON rescue_request_person (rescue_request_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE rescue_request_location (
        id                    uuid PRIMARY KEY,
        rescue_request_id     uuid NOT NULL REFERENCES rescue_request (id) ON DELETE CASCADE,
        compound_name         text NOT NULL,
        landmarks             text,
        district              text,
        province              text NOT NULL,
        country               char(2) NOT NULL,
        latitude              double precision,
        longitude             double precision,
        inside_sez            boolean,
        reported_at           timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX rescue_request_location_request_idx ON rescue_request_location (rescue_request_id, reported_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE rescue_request_status_change (
        id                    uuid PRIMARY KEY,
        rescue_request_id     uuid NOT NULL REFERENCES rescue_request (id) ON DELETE CASCADE,
        from_status           text,
        to_status             text NOT NULL,
        outcome               text,
        reason                text,
        changed_by_user_id    uuid,
        changed_by_org_name   text NOT NULL,
        changed_at            timestamptz NOT NULL
      )`);
    // Live rescue data (names, places, contact) is shown only to named people, for a limited time.
    await queryRunner.query(`
      CREATE TABLE rescue_request_access_grant (
        rescue_request_id     uuid NOT NULL REFERENCES rescue_request (id) ON DELETE CASCADE,
        user_id               uuid NOT NULL,
        granted_by_user_id    uuid NOT NULL,
        granted_at            timestamptz NOT NULL,
        valid_until           timestamptz NOT NULL,
        PRIMARY KEY (rescue_request_id, user_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX rescue_request_status_change_request_idx ON rescue_request_status_change (rescue_request_id, changed_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'rescue_request_access_grant',
      'rescue_request_status_change',
      'rescue_request_location',
      'rescue_request_person',
      'rescue_request',
      'compound',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
