import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case work: cases and the people in them, consents, the interview log, screenings, identification
 * decisions with their follow-up tasks, and protection attestations (stored only as keyed bindings).
 */
export class CaseWork1763900000000 implements MigrationInterface {
  name = 'CaseWork1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Human references run per jurisdiction and year (KH-2026-000123); a row per pair hands out blocks.
    await queryRunner.query(`
      CREATE TABLE case_reference_counter (
        jurisdiction_country  char(2) NOT NULL,
        year                  integer NOT NULL,
        last_value            integer NOT NULL,
        PRIMARY KEY (jurisdiction_country, year)
      )`);
    await queryRunner.query(`
      CREATE TABLE case_file (
        id                     uuid PRIMARY KEY,
        reference              text NOT NULL UNIQUE,
        owner_organisation_id  uuid NOT NULL,
        owner_country          char(2) NOT NULL,
        jurisdiction_country   char(2) NOT NULL,
        origin                 text NOT NULL CHECK (origin IN
                                 ('RESCUE', 'SELF_EXIT_ESCAPE', 'SELF_EXIT_RANSOM', 'WALK_IN', 'MASS_INTAKE')),
        rescue_request_id      uuid,
        mass_intake_id         uuid,
        status                 text NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
        opened_by              uuid NOT NULL,
        opened_at              timestamptz NOT NULL,
        closed_at              timestamptz,
        created_at             timestamptz NOT NULL,
        CONSTRAINT case_file_rescue_origin CHECK ((origin = 'RESCUE') = (rescue_request_id IS NOT NULL)),
        CONSTRAINT case_file_mass_intake CHECK ((origin = 'MASS_INTAKE') = (mass_intake_id IS NOT NULL))
      )`);
    // The two ways a case is found in a list: by its owner, and by the country it is handled in.
    await queryRunner.query(
      `CREATE INDEX case_file_owner_idx ON case_file (owner_organisation_id, created_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX case_file_jurisdiction_idx ON case_file (jurisdiction_country, created_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX case_file_rescue_idx ON case_file (rescue_request_id) WHERE rescue_request_id IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE case_person (
        id                         uuid PRIMARY KEY,
        case_id                    uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        name                       text,
        alias                      text,
        nationality                char(2),
        gender                     text NOT NULL,
        age_band                   text NOT NULL,
        languages                  text[] NOT NULL DEFAULT '{}',
        immediate_needs            text[] NOT NULL DEFAULT '{}',
        pregnant                   boolean,
        urgent_medical_need        boolean NOT NULL DEFAULT false,
        medical_notes              text,
        document_type              text,
        document_number            text,
        contact                    text,
        narrative                  text,
        sexual_violence_disclosed  boolean,
        current_location           text,
        created_at                 timestamptz NOT NULL,
        updated_at                 timestamptz NOT NULL,
        CONSTRAINT case_person_document CHECK ((document_number IS NULL) OR (document_type IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX case_person_case_idx ON case_person (case_id, created_at, id)`);
    await queryRunner.query(`
      CREATE TABLE case_consent (
        id                     uuid PRIMARY KEY,
        case_id                uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        person_id              uuid NOT NULL REFERENCES case_person (id) ON DELETE CASCADE,
        purpose                text NOT NULL,
        language               text NOT NULL,
        interpreter_used       boolean NOT NULL,
        interpreter_language   text,
        granted_by             uuid NOT NULL,
        granted_by_organisation_id uuid NOT NULL,
        granted_at             timestamptz NOT NULL,
        withdrawn_by           uuid,
        withdrawn_by_organisation_id uuid,
        withdrawn_at           timestamptz,
        CONSTRAINT case_consent_withdrawal CHECK ((withdrawn_at IS NULL) = (withdrawn_by IS NULL))
      )`);
    // At most one standing consent per person and purpose; withdrawn ones stay as history.
    await queryRunner.query(
      `CREATE UNIQUE INDEX case_consent_standing_idx ON case_consent (person_id, purpose) WHERE withdrawn_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX case_consent_case_idx ON case_consent (case_id, granted_at)`);
    await queryRunner.query(`
      CREATE TABLE case_interview (
        id                          uuid PRIMARY KEY,
        case_id                     uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        person_id                   uuid NOT NULL REFERENCES case_person (id) ON DELETE CASCADE,
        interviewer_user_id         uuid NOT NULL,
        interviewer_organisation_id uuid NOT NULL,
        interviewer_gender          text NOT NULL,
        specialist_interviewer      boolean NOT NULL,
        language                    text NOT NULL,
        interpreter_used            boolean NOT NULL,
        interpreter_language        text,
        topics                      text[] NOT NULL,
        conducted_at                timestamptz NOT NULL,
        recorded_at                 timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX case_interview_case_idx ON case_interview (case_id, conducted_at)`);
    await queryRunner.query(`
      CREATE TABLE case_screening (
        id                       uuid PRIMARY KEY,
        case_id                  uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        person_id                uuid NOT NULL REFERENCES case_person (id) ON DELETE CASCADE,
        screened_by              uuid NOT NULL,
        screened_by_organisation_id uuid NOT NULL,
        indicators               jsonb NOT NULL,
        suggested_outcome        text NOT NULL,
        confirmed_outcome        text NOT NULL,
        reasons                  text NOT NULL,
        screened_at              timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX case_screening_case_idx ON case_screening (case_id, screened_at)`);
    await queryRunner.query(`
      CREATE TABLE identification_decision (
        id                          uuid PRIMARY KEY,
        case_id                     uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        person_id                   uuid NOT NULL REFERENCES case_person (id) ON DELETE CASCADE,
        jurisdiction_country        char(2) NOT NULL,
        status                      text NOT NULL,
        previous_status             text,
        authority_organisation_id   uuid NOT NULL,
        legal_basis                 text NOT NULL,
        decided_at                  timestamptz NOT NULL,
        recognised_by               char(2)[] NOT NULL DEFAULT '{}',
        recorded_by                 uuid NOT NULL,
        recorded_at                 timestamptz NOT NULL
      )`);
    // The current decision of a person in a jurisdiction is the latest row for the pair.
    await queryRunner.query(
      `CREATE INDEX identification_decision_person_idx ON identification_decision (person_id, jurisdiction_country, recorded_at DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX identification_decision_case_idx ON identification_decision (case_id, recorded_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE case_follow_up_task (
        id                    uuid PRIMARY KEY,
        case_id               uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        person_id             uuid NOT NULL REFERENCES case_person (id) ON DELETE CASCADE,
        jurisdiction_country  char(2) NOT NULL,
        kind                  text NOT NULL,
        status                text NOT NULL CHECK (status IN ('OPEN', 'DONE')),
        decision_id           uuid NOT NULL REFERENCES identification_decision (id),
        created_at            timestamptz NOT NULL,
        UNIQUE (person_id, jurisdiction_country, kind)
      )`);
    await queryRunner.query(`CREATE INDEX case_follow_up_task_case_idx ON case_follow_up_task (case_id)`);
    // Neither the code nor the document number is stored: only keyed bindings that a verifier recomputes.
    await queryRunner.query(`
      CREATE TABLE protection_attestation (
        id                          uuid PRIMARY KEY,
        case_id                     uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        person_id                   uuid NOT NULL REFERENCES case_person (id) ON DELETE CASCADE,
        decision_id                 uuid NOT NULL REFERENCES identification_decision (id),
        jurisdiction_country        char(2) NOT NULL,
        key_id                      text NOT NULL,
        code_hash                   text NOT NULL,
        document_binding            text NOT NULL,
        issued_by_organisation_id   uuid NOT NULL,
        issued_by_name              text NOT NULL,
        issued_by_user_id           uuid NOT NULL,
        issued_at                   timestamptz NOT NULL,
        valid_until                 timestamptz NOT NULL,
        revoked_at                  timestamptz,
        UNIQUE (key_id, code_hash)
      )`);
    await queryRunner.query(
      `CREATE INDEX protection_attestation_case_idx ON protection_attestation (case_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE protection_attestation`);
    await queryRunner.query(`DROP TABLE case_follow_up_task`);
    await queryRunner.query(`DROP TABLE identification_decision`);
    await queryRunner.query(`DROP TABLE case_screening`);
    await queryRunner.query(`DROP TABLE case_interview`);
    await queryRunner.query(`DROP TABLE case_consent`);
    await queryRunner.query(`DROP TABLE case_person`);
    await queryRunner.query(`DROP TABLE case_file`);
    await queryRunner.query(`DROP TABLE case_reference_counter`);
  }
}
