import type { MigrationInterface, QueryRunner } from 'typeorm';

const STEP_KINDS = `('TRAVEL_DOCUMENT', 'EXIT_CLEARANCE', 'FUNDING', 'TRAVEL_BOOKED', 'ESCORT', 'RECEPTION')`;

/**
 * Repatriation: pre-return risk assessments, plans with their steps (the time spent in each step is what
 * the stage-duration statistics read), exit-clearance requests addressed to immigration, and the
 * reintegration follow-ups that arrival schedules.
 */
export class Repatriation1764200000000 implements MigrationInterface {
  name = 'Repatriation1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Append-only: the latest row for a person (highest sequence: two may share an instant) is the
    // assessment an approval relies on.
    await queryRunner.query(`
      CREATE TABLE return_risk_assessment (
        id                            uuid PRIMARY KEY,
        sequence                      bigint GENERATED ALWAYS AS IDENTITY,
        case_id                       uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        person_id                     uuid NOT NULL REFERENCES case_person (id) ON DELETE CASCADE,
        factors                       jsonb NOT NULL,
        conclusion                    text NOT NULL CHECK (conclusion IN
                                        ('SAFE_TO_RETURN', 'RETURN_WITH_SAFEGUARDS', 'NOT_SAFE_TO_RETURN')),
        conclusion_notes              text,
        child_track                   boolean NOT NULL,
        best_interest_summary         text,
        best_interest_assessed_at     timestamptz,
        return_in_childs_best_interest boolean,
        guardian_name                 text,
        guardian_organisation_id      uuid,
        assessed_by                   uuid NOT NULL,
        assessed_by_organisation_id   uuid NOT NULL,
        assessed_at                   timestamptz NOT NULL,
        recorded_at                   timestamptz NOT NULL,
        CONSTRAINT return_risk_best_interest CHECK
          ((best_interest_summary IS NULL) = (return_in_childs_best_interest IS NULL)),
        CONSTRAINT return_risk_child_safeguards CHECK
          (NOT child_track OR (best_interest_summary IS NOT NULL AND guardian_name IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX return_risk_assessment_person_idx ON return_risk_assessment (person_id, sequence DESC)`,
    );
    await queryRunner.query(`
      CREATE TABLE repatriation_plan (
        id                            uuid PRIMARY KEY,
        case_id                       uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        person_id                     uuid NOT NULL REFERENCES case_person (id) ON DELETE CASCADE,
        jurisdiction_country          char(2) NOT NULL,
        return_country                char(2) NOT NULL,
        owner_organisation_id         uuid NOT NULL,
        status                        text NOT NULL CHECK (status IN ('PREPARING', 'APPROVED', 'COMPLETED')),
        risk_assessment_id            uuid REFERENCES return_risk_assessment (id),
        approved_by                   uuid,
        approved_by_organisation_id   uuid,
        approved_at                   timestamptz,
        arrived_at                    timestamptz,
        created_by                    uuid NOT NULL,
        created_at                    timestamptz NOT NULL,
        updated_at                    timestamptz NOT NULL,
        CONSTRAINT repatriation_plan_countries CHECK (return_country <> jurisdiction_country),
        CONSTRAINT repatriation_plan_approval CHECK
          ((status = 'PREPARING') = (approved_at IS NULL) AND (approved_at IS NULL) = (risk_assessment_id IS NULL)),
        CONSTRAINT repatriation_plan_arrival CHECK ((status = 'COMPLETED') = (arrived_at IS NOT NULL))
      )`);
    // One open plan per person: a second would split the steps and double-count the waiting time.
    await queryRunner.query(
      `CREATE UNIQUE INDEX repatriation_plan_open_idx ON repatriation_plan (person_id) WHERE status <> 'COMPLETED'`,
    );
    await queryRunner.query(
      `CREATE INDEX repatriation_plan_case_idx ON repatriation_plan (case_id, created_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE repatriation_step (
        plan_id                 uuid NOT NULL REFERENCES repatriation_plan (id) ON DELETE CASCADE,
        kind                    text NOT NULL CHECK (kind IN ${STEP_KINDS}),
        owner_organisation_id   uuid NOT NULL,
        due_on                  date NOT NULL,
        status                  text NOT NULL CHECK (status IN ('PENDING', 'IN_PROGRESS', 'BLOCKED', 'DONE')),
        entered_at              timestamptz,
        left_at                 timestamptz,
        updated_by              uuid,
        updated_at              timestamptz NOT NULL,
        PRIMARY KEY (plan_id, kind),
        CONSTRAINT repatriation_step_entered CHECK ((status = 'PENDING') = (entered_at IS NULL)),
        CONSTRAINT repatriation_step_left CHECK ((status = 'DONE') = (left_at IS NOT NULL)),
        CONSTRAINT repatriation_step_order CHECK (left_at IS NULL OR left_at >= entered_at)
      )`);
    // Stage durations read completed steps by kind and time.
    await queryRunner.query(
      `CREATE INDEX repatriation_step_done_idx ON repatriation_step (kind, entered_at) WHERE left_at IS NOT NULL`,
    );
    // Holds nothing that identifies the case: immigration reads these rows and only these four fields.
    // The attestation code is sealed (AES-256-GCM, bound to the row id) and erased once answered.
    await queryRunner.query(`
      CREATE TABLE exit_clearance_request (
        id                              uuid PRIMARY KEY,
        plan_id                         uuid NOT NULL REFERENCES repatriation_plan (id) ON DELETE CASCADE,
        addressed_to_organisation_id    uuid NOT NULL,
        travel_document_number          text NOT NULL,
        name_on_travel_document         text NOT NULL,
        attestation_code_sealed         text,
        attestation_code_key_id         text,
        requested_departure_on          date NOT NULL,
        status                          text NOT NULL CHECK (status IN ('PENDING', 'GRANTED', 'REFUSED', 'WITHDRAWN')),
        fine_waived                     boolean,
        response_reference              text,
        responded_by                    uuid,
        responded_at                    timestamptz,
        requested_by                    uuid NOT NULL,
        requested_at                    timestamptz NOT NULL,
        CONSTRAINT exit_clearance_answer CHECK
          ((status IN ('GRANTED', 'REFUSED')) = (responded_at IS NOT NULL AND fine_waived IS NOT NULL)),
        CONSTRAINT exit_clearance_code CHECK
          ((attestation_code_sealed IS NULL) = (attestation_code_key_id IS NULL)
           AND (status <> 'PENDING' OR attestation_code_sealed IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX exit_clearance_pending_idx ON exit_clearance_request (plan_id) WHERE status = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE INDEX exit_clearance_addressee_idx ON exit_clearance_request (addressed_to_organisation_id, requested_at, id)`,
    );
    await queryRunner.query(`
      CREATE TABLE reintegration_follow_up (
        id                          uuid PRIMARY KEY,
        plan_id                     uuid NOT NULL REFERENCES repatriation_plan (id) ON DELETE CASCADE,
        months_after                integer NOT NULL CHECK (months_after > 0),
        due_on                      date NOT NULL,
        outcome                     text,
        notes                       text,
        recorded_by                 uuid,
        recorded_by_organisation_id uuid,
        recorded_at                 timestamptz,
        UNIQUE (plan_id, months_after),
        CONSTRAINT reintegration_follow_up_recorded CHECK ((outcome IS NULL) = (recorded_at IS NULL))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE reintegration_follow_up`);
    await queryRunner.query(`DROP TABLE exit_clearance_request`);
    await queryRunner.query(`DROP TABLE repatriation_step`);
    await queryRunner.query(`DROP TABLE repatriation_plan`);
    await queryRunner.query(`DROP TABLE return_risk_assessment`);
  }
}
