import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations, their people, sessions with rotating refresh tokens, second factors and signing keys. */
export class IdentitySchema1763800000000 implements MigrationInterface {
  name = 'IdentitySchema1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS citext`);
    await queryRunner.query(`
      CREATE TABLE organisation (
        id              uuid PRIMARY KEY,
        name            text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
        kind            text NOT NULL,
        country         char(2),
        stationed_in    char(2),
        node_id         text NOT NULL,
        require_mfa     boolean NOT NULL DEFAULT false,
        active          boolean NOT NULL DEFAULT true,
        deactivated_at  timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organisation_country_required CHECK (kind = 'PLATFORM_OPERATOR' OR country IS NOT NULL),
        CONSTRAINT organisation_embassy_stationed CHECK ((kind = 'EMBASSY') = (stationed_in IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX organisation_name_unique ON organisation (lower(name))`);
    await queryRunner.query(`
      CREATE TABLE user_account (
        id                  uuid PRIMARY KEY,
        organisation_id     uuid NOT NULL REFERENCES organisation (id),
        email               citext NOT NULL UNIQUE,
        display_name        text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
        password_hash       text NOT NULL,
        roles               text[] NOT NULL DEFAULT '{}',
        active              boolean NOT NULL DEFAULT true,
        deactivated_at      timestamptz,
        failed_logins       integer NOT NULL DEFAULT 0,
        locked_until        timestamptz,
        last_login_at       timestamptz,
        totp_secret         text,
        totp_confirmed_at   timestamptz,
        totp_last_step      bigint,
        created_at          timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX user_account_organisation_idx ON user_account (organisation_id, created_at, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE recovery_code (
        id          uuid PRIMARY KEY,
        user_id     uuid NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
        code_hash   text NOT NULL,
        used_at     timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX recovery_code_user_idx ON recovery_code (user_id)`);
    await queryRunner.query(`
      CREATE TABLE session (
        id              uuid PRIMARY KEY,
        user_id         uuid NOT NULL REFERENCES user_account (id),
        created_at      timestamptz NOT NULL DEFAULT now(),
        expires_at      timestamptz NOT NULL,
        last_used_at    timestamptz NOT NULL DEFAULT now(),
        revoked_at      timestamptz,
        revoke_reason   text
      )`);
    await queryRunner.query(`CREATE INDEX session_user_idx ON session (user_id) WHERE revoked_at IS NULL`);
    await queryRunner.query(`
      CREATE TABLE refresh_token (
        token_hash      char(64) PRIMARY KEY,
        session_id      uuid NOT NULL REFERENCES session (id) ON DELETE CASCADE,
        issued_at       timestamptz NOT NULL DEFAULT now(),
        expires_at      timestamptz NOT NULL,
        rotated_at      timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX refresh_token_session_idx ON refresh_token (session_id)`);
    await queryRunner.query(`
      CREATE TABLE signing_key (
        kid             text PRIMARY KEY,
        public_jwk      jsonb NOT NULL,
        private_jwk     text NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        retired_at      timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'signing_key',
      'refresh_token',
      'session',
      'recovery_code',
      'user_account',
      'organisation',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
