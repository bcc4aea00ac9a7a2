import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The services directory (field names after Open Referral's HSDS where it has them) and referrals from a
 * case person to a service inside one country, with their status history. No seed data: demo services
 * are created through the service, like every other record.
 */
export class Referrals1764100000000 implements MigrationInterface {
  name = 'Referrals1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // HSDS `service` with its `service_capacity` and `eligibility` folded in. Only the province and district
    // are kept: a shelter's street address is exactly what traffickers look for, and referrals go through
    // the platform, not to the door.
    await queryRunner.query(`
      CREATE TABLE directory_service (
        id                    uuid PRIMARY KEY,
        organization_id       uuid NOT NULL,
        organization_name     text NOT NULL,
        name                  text NOT NULL,
        description           text,
        service_type          text NOT NULL CHECK (service_type IN ('SHELTER', 'MEDICAL', 'PSYCHOSOCIAL',
                                'LEGAL_AID', 'INTERPRETATION', 'CONSULAR', 'CHILD_PROTECTION', 'FAMILY_TRACING',
                                'LIVELIHOOD', 'REPATRIATION_SUPPORT')),
        status                text NOT NULL CHECK (status IN ('active', 'inactive')),
        country               char(2) NOT NULL,
        state_province        text,
        district              text,
        capacity_maximum      integer CHECK (capacity_maximum >= 0),
        capacity_available    integer CHECK (capacity_available >= 0),
        genders               text[] NOT NULL,
        age_bands             text[] NOT NULL,
        languages             text[] NOT NULL,
        eligibility           text NOT NULL CHECK (eligibility IN ('PRESUMED_VICTIM', 'IDENTIFIED_VICTIM', 'ANY')),
        schedule_description  text,
        created_at            timestamptz NOT NULL,
        updated_at            timestamptz NOT NULL,
        updated_by            uuid NOT NULL,
        CONSTRAINT directory_service_name UNIQUE (organization_id, name),
        CONSTRAINT directory_service_capacity CHECK (
          (capacity_maximum IS NULL) = (capacity_available IS NULL) AND
          (capacity_available IS NULL OR capacity_available <= capacity_maximum))
      )`);
    await queryRunner.query(
      `CREATE INDEX directory_service_search_idx ON directory_service (country, service_type) WHERE status = 'active'`,
    );
    await queryRunner.query(`
      CREATE TABLE referral (
        id                     uuid PRIMARY KEY,
        case_id                uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        person_id              uuid NOT NULL REFERENCES case_person (id) ON DELETE CASCADE,
        service_id             uuid NOT NULL REFERENCES directory_service (id),
        service_type           text NOT NULL,
        jurisdiction_country   char(2) NOT NULL,
        from_organisation_id   uuid NOT NULL,
        from_organisation_name text NOT NULL,
        to_organisation_id     uuid NOT NULL,
        to_organisation_name   text NOT NULL,
        shared_categories      text[] NOT NULL,
        gender                 text NOT NULL,
        age_band               text NOT NULL,
        languages              text[] NOT NULL,
        needs                  text[] NOT NULL,
        urgent_medical_need    boolean NOT NULL,
        status                 text NOT NULL CHECK (status IN
                                 ('PENDING', 'ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'COMPLETED', 'WITHDRAWN')),
        decline_reason         text CHECK (decline_reason IN
                                 ('NO_CAPACITY', 'NOT_ELIGIBLE', 'CANNOT_CONTACT', 'SURVIVOR_REFUSED', 'OTHER')),
        decline_note           text,
        outcome                text,
        outcome_note           text,
        created_by             uuid NOT NULL,
        created_at             timestamptz NOT NULL,
        status_changed_at      timestamptz NOT NULL,
        due_at                 timestamptz,
        escalated_at           timestamptz,
        CONSTRAINT referral_declined CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL)),
        CONSTRAINT referral_completed CHECK ((status = 'COMPLETED') = (outcome IS NOT NULL))
      )`);
    // Team membership is read on every load of a case: accepted and running referrals by case.
    await queryRunner.query(
      `CREATE INDEX referral_team_idx ON referral (case_id) WHERE status IN ('ACCEPTED', 'IN_PROGRESS')`,
    );
    await queryRunner.query(
      `CREATE INDEX referral_sent_idx ON referral (from_organisation_id, created_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX referral_received_idx ON referral (to_organisation_id, created_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX referral_jurisdiction_idx ON referral (jurisdiction_country, created_at, id)`,
    );
    // One open referral per person and service: a second one would only duplicate the provider's work.
    await queryRunner.query(
      `CREATE UNIQUE INDEX referral_open_uniq ON referral (person_id, service_id)
         WHERE status IN ('PENDING', 'ACCEPTED', 'IN_PROGRESS')`,
    );
    await queryRunner.query(
      `CREATE INDEX referral_overdue_idx ON referral (due_at) WHERE escalated_at IS NULL AND due_at IS NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE referral_status_change (
        id                    uuid PRIMARY KEY,
        sequence              bigint GENERATED ALWAYS AS IDENTITY,
        referral_id           uuid NOT NULL REFERENCES referral (id) ON DELETE CASCADE,
        from_status           text,
        to_status             text NOT NULL,
        reason                text,
        changed_by_user_id    uuid,
        changed_by_org_id     uuid,
        changed_at            timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX referral_status_change_idx ON referral_status_change (referral_id, sequence)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE referral_status_change`);
    await queryRunner.query(`DROP TABLE referral`);
    await queryRunner.query(`DROP TABLE directory_service`);
  }
}
