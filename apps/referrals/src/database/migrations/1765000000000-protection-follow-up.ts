import type { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

// Written out rather than imported: a migration must keep meaning what it meant when it ran.
const TASK_STATUSES = ['OPEN', 'DONE', 'DECLINED'];
const TASK_ACTIONS = ['COMPLETED', 'DECLINED', 'REASSIGNED'];
const RELEASE_BASES = [
  'NON_PUNISHMENT_NOTICE',
  'PROTECTION_ATTESTATION',
  'IDENTIFICATION_DECISION',
  'CHARGES_DROPPED',
  'BAIL',
  'FINE_PAID',
  'SENTENCE_SERVED',
  'DEPORTED',
  'OTHER',
];
const PENALTY_KINDS = ['FINE', 'ENTRY_BAN', 'BLACKLISTING', 'CHARGE'];
const PENALTY_STATUSES = [
  'PENDING',
  'PAID',
  'WAIVED',
  'DROPPED',
  'ACQUITTED',
  'CONVICTED',
  'SET_ASIDE',
  'IN_FORCE',
  'LIFTED',
];
const NOTICE_EFFECTS = ['PENDING', 'UPHELD', 'PARTLY_UPHELD', 'REJECTED'];

/**
 * Protection follow-up that can be worked (ADR 020): follow-up tasks get an assignee, a due time, an
 * outcome and a history, and may be declined; each person gets a record of detention, penalties (fines,
 * entry bans, blacklisting, charges) and non-punishment notices.
 */
export class ProtectionFollowUp1765000000000 implements MigrationInterface {
  name = 'ProtectionFollowUp1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE non_punishment_notice (
        id                           uuid PRIMARY KEY,
        case_id                      uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        person_id                    uuid NOT NULL REFERENCES case_person (id) ON DELETE CASCADE,
        country                      char(2) NOT NULL,
        to_authority                 text NOT NULL,
        sent_at                      timestamptz NOT NULL,
        effect                       text NOT NULL CHECK (effect IN (${list(NOTICE_EFFECTS)})),
        effect_note                  text,
        effect_at                    timestamptz,
        recorded_by                  uuid NOT NULL,
        recorded_by_organisation_id  uuid NOT NULL,
        recorded_at                  timestamptz NOT NULL,
        updated_at                   timestamptz NOT NULL,
        CHECK ((effect = 'PENDING') = (effect_at IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX non_punishment_notice_case_idx ON non_punishment_notice (case_id)`);
    await queryRunner.query(`
      CREATE TABLE person_detention (
        id                           uuid PRIMARY KEY,
        case_id                      uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        person_id                    uuid NOT NULL REFERENCES case_person (id) ON DELETE CASCADE,
        country                      char(2) NOT NULL,
        facility                     text NOT NULL,
        place                        text,
        authority                    text NOT NULL,
        detained_since               timestamptz NOT NULL,
        released_at                  timestamptz,
        release_basis                text CHECK (release_basis IN (${list(RELEASE_BASES)})),
        release_notice_id            uuid REFERENCES non_punishment_notice (id),
        recorded_by                  uuid NOT NULL,
        recorded_by_organisation_id  uuid NOT NULL,
        recorded_at                  timestamptz NOT NULL,
        updated_at                   timestamptz NOT NULL,
        CHECK ((released_at IS NULL) = (release_basis IS NULL)),
        CHECK (released_at IS NULL OR released_at >= detained_since),
        CHECK (release_notice_id IS NULL OR released_at IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX person_detention_case_idx ON person_detention (case_id)`);
    // Nobody is held in two places at once: one open detention per person.
    await queryRunner.query(
      `CREATE UNIQUE INDEX person_detention_open_idx ON person_detention (person_id) WHERE released_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE person_penalty (
        id                           uuid PRIMARY KEY,
        case_id                      uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        person_id                    uuid NOT NULL REFERENCES case_person (id) ON DELETE CASCADE,
        kind                         text NOT NULL CHECK (kind IN (${list(PENALTY_KINDS)})),
        country                      char(2) NOT NULL,
        authority                    text NOT NULL,
        description                  text NOT NULL,
        imposed_at                   timestamptz NOT NULL,
        status                       text NOT NULL CHECK (status IN (${list(PENALTY_STATUSES)})),
        status_changed_at            timestamptz,
        amount                       numeric(14, 2) CHECK (amount >= 0),
        currency                     char(3),
        until                        timestamptz,
        non_punishment_notice_id     uuid REFERENCES non_punishment_notice (id),
        recorded_by                  uuid NOT NULL,
        recorded_by_organisation_id  uuid NOT NULL,
        recorded_at                  timestamptz NOT NULL,
        updated_at                   timestamptz NOT NULL,
        CHECK (kind = 'FINE' OR (amount IS NULL AND currency IS NULL)),
        CHECK ((amount IS NULL) = (currency IS NULL)),
        CHECK (kind IN ('ENTRY_BAN', 'BLACKLISTING') OR until IS NULL)
      )`);
    await queryRunner.query(`CREATE INDEX person_penalty_case_idx ON person_penalty (case_id)`);

    await queryRunner.query(
      `ALTER TABLE case_follow_up_task DROP CONSTRAINT case_follow_up_task_status_check`,
    );
    await queryRunner.query(`
      ALTER TABLE case_follow_up_task
        ADD CONSTRAINT case_follow_up_task_status_check CHECK (status IN (${list(TASK_STATUSES)})),
        ADD COLUMN assignee_organisation_id  uuid,
        ADD COLUMN assignee_user_id          uuid,
        ADD COLUMN due_at                    timestamptz,
        ADD COLUMN outcome                   text,
        ADD COLUMN outcome_at                timestamptz,
        ADD COLUMN detention_id              uuid REFERENCES person_detention (id),
        ADD COLUMN non_punishment_notice_id  uuid REFERENCES non_punishment_notice (id),
        ADD COLUMN closed_by                 uuid,
        ADD COLUMN closed_at                 timestamptz`);
    // Tasks opened before assignees existed go to the deciding authority, as new ones do. They keep no
    // due time: one computed now would already have passed, or would be invented.
    await queryRunner.query(`
      UPDATE case_follow_up_task t SET assignee_organisation_id = d.authority_organisation_id
        FROM identification_decision d WHERE d.id = t.decision_id`);
    await queryRunner.query(`
      ALTER TABLE case_follow_up_task
        ALTER COLUMN assignee_organisation_id SET NOT NULL,
        ADD CONSTRAINT case_follow_up_task_closed_check
          CHECK ((status = 'OPEN') = (closed_at IS NULL) AND (closed_at IS NULL) = (outcome IS NULL)
                 AND (closed_at IS NULL) = (outcome_at IS NULL) AND (closed_at IS NULL) = (closed_by IS NULL))`);
    await queryRunner.query(
      `CREATE INDEX case_follow_up_task_assignee_idx ON case_follow_up_task (assignee_organisation_id, status)`,
    );
    await queryRunner.query(`
      CREATE TABLE case_follow_up_task_entry (
        id                           uuid PRIMARY KEY,
        -- The history's order: several entries may share an instant (one clock reading per change).
        sequence                     bigserial NOT NULL,
        task_id                      uuid NOT NULL REFERENCES case_follow_up_task (id) ON DELETE CASCADE,
        action                       text NOT NULL CHECK (action IN (${list(TASK_ACTIONS)})),
        note                         text NOT NULL,
        happened_at                  timestamptz NOT NULL,
        from_organisation_id         uuid NOT NULL,
        to_organisation_id           uuid,
        to_user_id                   uuid,
        recorded_by                  uuid NOT NULL,
        recorded_by_organisation_id  uuid NOT NULL,
        recorded_at                  timestamptz NOT NULL,
        CHECK ((action = 'REASSIGNED') = (to_organisation_id IS NOT NULL)),
        CHECK (to_user_id IS NULL OR to_organisation_id IS NOT NULL)
      )`);
    await queryRunner.query(
      `CREATE INDEX case_follow_up_task_entry_task_idx ON case_follow_up_task_entry (task_id, sequence)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_follow_up_task_entry`);
    await queryRunner.query(`DROP INDEX case_follow_up_task_assignee_idx`);
    await queryRunner.query(`
      ALTER TABLE case_follow_up_task
        DROP CONSTRAINT case_follow_up_task_closed_check,
        DROP CONSTRAINT case_follow_up_task_status_check,
        DROP COLUMN assignee_organisation_id,
        DROP COLUMN assignee_user_id,
        DROP COLUMN due_at,
        DROP COLUMN outcome,
        DROP COLUMN outcome_at,
        DROP COLUMN detention_id,
        DROP COLUMN non_punishment_notice_id,
        DROP COLUMN closed_by,
        DROP COLUMN closed_at`);
    // The earlier schema knew no declining: a declined task goes back to where it was, open.
    await queryRunner.query(`UPDATE case_follow_up_task SET status = 'OPEN' WHERE status = 'DECLINED'`);
    await queryRunner.query(
      `ALTER TABLE case_follow_up_task ADD CONSTRAINT case_follow_up_task_status_check CHECK (status IN ('OPEN', 'DONE'))`,
    );
    await queryRunner.query(`DROP TABLE person_penalty`);
    await queryRunner.query(`DROP TABLE person_detention`);
    await queryRunner.query(`DROP TABLE non_punishment_notice`);
  }
}
