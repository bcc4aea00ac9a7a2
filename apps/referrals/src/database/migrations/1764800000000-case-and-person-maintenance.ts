import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case and person maintenance (docs/adr/018): a person's do-not-contact flag and version number, with one
 * revision row per change (who changed which fields, from what to what, when); links between people of
 * a case; a closed case's outcome, and the history of closing and reopening.
 */
export class CaseAndPersonMaintenance1764800000000 implements MigrationInterface {
  name = 'CaseAndPersonMaintenance1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE case_person
        ADD COLUMN do_not_contact boolean NOT NULL DEFAULT false,
        ADD COLUMN version integer NOT NULL DEFAULT 1 CONSTRAINT case_person_version CHECK (version >= 1)`);
    // Version 1 is the person as registered; each later version has the revision that produced it.
    await queryRunner.query(`
      CREATE TABLE case_person_revision (
        person_id                   uuid NOT NULL REFERENCES case_person (id) ON DELETE CASCADE,
        version                     integer NOT NULL CHECK (version >= 2),
        case_id                     uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        changes                     jsonb NOT NULL,
        changed_by                  uuid NOT NULL,
        changed_by_organisation_id  uuid NOT NULL,
        changed_at                  timestamptz NOT NULL,
        PRIMARY KEY (person_id, version)
      )`);
    await queryRunner.query(
      `CREATE INDEX case_person_revision_case_idx ON case_person_revision (case_id, changed_at)`,
    );
    await queryRunner.query(`
      CREATE TABLE case_person_link (
        id                           uuid PRIMARY KEY,
        case_id                      uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        person_id                    uuid NOT NULL REFERENCES case_person (id) ON DELETE CASCADE,
        related_person_id            uuid NOT NULL REFERENCES case_person (id) ON DELETE CASCADE,
        relationship                 text NOT NULL CHECK (relationship IN
                                       ('CHILD', 'PARENT', 'PARTNER', 'SIBLING', 'OTHER_RELATIVE', 'COMPANION')),
        recorded_by                  uuid NOT NULL,
        recorded_by_organisation_id  uuid NOT NULL,
        recorded_at                  timestamptz NOT NULL,
        CONSTRAINT case_person_link_other CHECK (person_id <> related_person_id),
        UNIQUE (person_id, related_person_id)
      )`);
    await queryRunner.query(`CREATE INDEX case_person_link_case_idx ON case_person_link (case_id)`);
    await queryRunner.query(`
      ALTER TABLE case_file
        ADD COLUMN outcome text CONSTRAINT case_file_outcome CHECK (outcome IN
          ('RETURNED_HOME', 'STAYED_IN_COUNTRY', 'RESETTLED', 'TRANSFERRED', 'REFERRED_ELSEWHERE',
           'ASSISTANCE_DECLINED', 'LOST_CONTACT', 'DECEASED', 'OPENED_IN_ERROR')),
        ADD CONSTRAINT case_file_closure CHECK (
          (status = 'CLOSED') = (outcome IS NOT NULL) AND (status = 'CLOSED') = (closed_at IS NOT NULL))`);
    // Every close and reopen: a closed case says how it ended, a reopened one why it was taken up again.
    await queryRunner.query(`
      CREATE TABLE case_status_change (
        id                          uuid PRIMARY KEY,
        case_id                     uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        status                      text NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
        outcome                     text,
        reopen_reason               text CHECK (reopen_reason IN
                                      ('NEW_INFORMATION', 'RETURN_FAILED', 'RE_TRAFFICKED',
                                       'ASSISTANCE_REQUESTED', 'DECISION_REVIEWED', 'CLOSED_IN_ERROR')),
        changed_by                  uuid NOT NULL,
        changed_by_organisation_id  uuid NOT NULL,
        changed_at                  timestamptz NOT NULL,
        CONSTRAINT case_status_change_why CHECK (
          CASE status WHEN 'CLOSED' THEN outcome IS NOT NULL AND reopen_reason IS NULL
                      ELSE reopen_reason IS NOT NULL AND outcome IS NULL END)
      )`);
    await queryRunner.query(
      `CREATE INDEX case_status_change_case_idx ON case_status_change (case_id, changed_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_status_change`);
    await queryRunner.query(`
      ALTER TABLE case_file DROP CONSTRAINT case_file_closure, DROP COLUMN outcome`);
    // Before this migration nothing closed a case, and the schema cannot say how one ended: cases closed
    // since are open again, so that migrating up once more finds every closed case with its outcome.
    await queryRunner.query(`UPDATE case_file SET status = 'OPEN', closed_at = NULL WHERE status = 'CLOSED'`);
    await queryRunner.query(`DROP TABLE case_person_link`);
    await queryRunner.query(`DROP TABLE case_person_revision`);
    await queryRunner.query(`ALTER TABLE case_person DROP COLUMN version, DROP COLUMN do_not_contact`);
  }
}
