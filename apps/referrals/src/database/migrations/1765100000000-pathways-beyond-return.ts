import type { MigrationInterface, QueryRunner } from 'typeorm';

const PACES = `('STANDARD', 'FAST_VOLUNTARY')`;
const SERVICE_TYPES_BEFORE = `('SHELTER', 'MEDICAL', 'PSYCHOSOCIAL', 'LEGAL_AID', 'INTERPRETATION', 'CONSULAR',
  'CHILD_PROTECTION', 'FAMILY_TRACING', 'LIVELIHOOD', 'REPATRIATION_SUPPORT')`;
const SERVICE_TYPES_AFTER = `('SHELTER', 'MEDICAL', 'PSYCHOSOCIAL', 'LEGAL_AID', 'INTERPRETATION', 'CONSULAR',
  'CHILD_PROTECTION', 'FAMILY_TRACING', 'LIVELIHOOD', 'REPATRIATION_SUPPORT', 'VULNERABLE_MIGRANT_SUPPORT')`;
const STAY_STEP_KINDS = `('APPLICATION', 'REGISTRATION', 'REFERRAL', 'INTERVIEW', 'SUBMISSION', 'DECISION',
  'ACCEPTANCE', 'APPEAL', 'ISSUANCE', 'RENEWAL', 'TRAVEL')`;

/**
 * Pathways other than the standard return (docs/adr/021-pathways-beyond-standard-return.md): the pace of
 * a repatriation plan (a fast voluntary return has fewer steps), stay pathways with their own steps, the
 * service type for vulnerable migrants, and the prompt to refer a person screened NOT_INDICATED to one.
 */
export class PathwaysBeyondReturn1765100000000 implements MigrationInterface {
  name = 'PathwaysBeyondReturn1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE repatriation_plan ADD COLUMN pace text NOT NULL DEFAULT 'STANDARD' CHECK (pace IN ${PACES})`,
    );
    await queryRunner.query(
      `ALTER TABLE repatriation_assignment ADD COLUMN pace text NOT NULL DEFAULT 'STANDARD' CHECK (pace IN ${PACES})`,
    );
    await queryRunner.query(
      `ALTER TABLE directory_service DROP CONSTRAINT directory_service_service_type_check`,
    );
    await queryRunner.query(
      `ALTER TABLE directory_service ADD CONSTRAINT directory_service_service_type_check
         CHECK (service_type IN ${SERVICE_TYPES_AFTER})`,
    );
    // A pathway rests either on the assessment that found return unsafe or on a decision role's reason.
    await queryRunner.query(`
      CREATE TABLE stay_pathway (
        id                          uuid PRIMARY KEY,
        case_id                     uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        person_id                   uuid NOT NULL REFERENCES case_person (id) ON DELETE CASCADE,
        jurisdiction_country        char(2) NOT NULL,
        kind                        text NOT NULL CHECK (kind IN
                                      ('TEMPORARY_PERMIT', 'ASYLUM_OR_REFUGEE_STATUS', 'RESETTLEMENT')),
        owner_organisation_id       uuid NOT NULL,
        status                      text NOT NULL CHECK (status IN ('OPEN', 'GRANTED', 'REFUSED')),
        basis                       text NOT NULL CHECK (basis IN
                                      ('UNSAFE_RETURN_ASSESSMENT', 'DECISION_ROLE_REASON')),
        risk_assessment_id          uuid REFERENCES return_risk_assessment (id),
        reason                      text,
        opened_by                   uuid NOT NULL,
        opened_by_organisation_id   uuid NOT NULL,
        opened_at                   timestamptz NOT NULL,
        closed_at                   timestamptz,
        updated_at                  timestamptz NOT NULL,
        CONSTRAINT stay_pathway_assessment CHECK
          ((basis = 'UNSAFE_RETURN_ASSESSMENT') = (risk_assessment_id IS NOT NULL)),
        CONSTRAINT stay_pathway_reason CHECK (basis <> 'DECISION_ROLE_REASON' OR reason IS NOT NULL),
        CONSTRAINT stay_pathway_closed CHECK ((status = 'OPEN') = (closed_at IS NULL))
      )`);
    // One open pathway per person: two at once would ask two authorities the same question.
    await queryRunner.query(
      `CREATE UNIQUE INDEX stay_pathway_open_idx ON stay_pathway (person_id) WHERE status = 'OPEN'`,
    );
    await queryRunner.query(`CREATE INDEX stay_pathway_case_idx ON stay_pathway (case_id, opened_at)`);
    await queryRunner.query(`
      CREATE TABLE stay_pathway_step (
        pathway_id              uuid NOT NULL REFERENCES stay_pathway (id) ON DELETE CASCADE,
        kind                    text NOT NULL CHECK (kind IN ${STAY_STEP_KINDS}),
        owner_organisation_id   uuid NOT NULL,
        due_on                  date NOT NULL,
        status                  text NOT NULL CHECK (status IN ('PENDING', 'IN_PROGRESS', 'DONE', 'DECLINED')),
        outcome                 text CHECK (outcome IN ('COMPLETED', 'GRANTED', 'REFUSED', 'NOT_NEEDED')),
        notes                   text,
        entered_at              timestamptz,
        left_at                 timestamptz,
        updated_by              uuid,
        updated_at              timestamptz NOT NULL,
        PRIMARY KEY (pathway_id, kind),
        CONSTRAINT stay_pathway_step_outcome CHECK ((status = 'DONE') = (outcome IS NOT NULL)),
        CONSTRAINT stay_pathway_step_left CHECK ((status = 'DONE') = (left_at IS NOT NULL)),
        CONSTRAINT stay_pathway_step_order CHECK (left_at IS NULL OR left_at >= entered_at)
      )`);
    await queryRunner.query(
      `CREATE INDEX stay_pathway_step_owner_idx ON stay_pathway_step (owner_organisation_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE migrant_support_prompt (
        id                          uuid PRIMARY KEY,
        case_id                     uuid NOT NULL REFERENCES case_file (id) ON DELETE CASCADE,
        person_id                   uuid NOT NULL REFERENCES case_person (id) ON DELETE CASCADE,
        screening_id                uuid NOT NULL,
        status                      text NOT NULL CHECK (status IN ('OPEN', 'REFERRED', 'SUPERSEDED', 'DECLINED')),
        referral_id                 uuid REFERENCES referral (id),
        note                        text,
        prompted_at                 timestamptz NOT NULL,
        settled_by                  uuid,
        settled_by_organisation_id  uuid,
        settled_at                  timestamptz,
        CONSTRAINT migrant_support_prompt_settled CHECK ((status = 'OPEN') = (settled_at IS NULL)),
        CONSTRAINT migrant_support_prompt_referral CHECK ((status = 'REFERRED') = (referral_id IS NOT NULL))
      )`);
    // A person is prompted once at a time, however often screened NOT_INDICATED.
    await queryRunner.query(
      `CREATE UNIQUE INDEX migrant_support_prompt_open_idx ON migrant_support_prompt (person_id) WHERE status = 'OPEN'`,
    );
    await queryRunner.query(
      `CREATE INDEX migrant_support_prompt_case_idx ON migrant_support_prompt (case_id) WHERE status = 'OPEN'`,
    );
  }

  /**
   * Refuses to run while fast voluntary returns exist (they would read as standard plans missing steps);
   * the service-type constraint, put back, refuses while a vulnerable-migrant service is listed.
   */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM repatriation_plan WHERE pace <> 'STANDARD')
          OR EXISTS (SELECT 1 FROM repatriation_assignment WHERE pace <> 'STANDARD') THEN
          RAISE EXCEPTION 'fast voluntary returns exist; they cannot be kept without their pace';
        END IF;
      END $$`);
    await queryRunner.query(`DROP TABLE migrant_support_prompt`);
    await queryRunner.query(`DROP TABLE stay_pathway_step`);
    await queryRunner.query(`DROP TABLE stay_pathway`);
    await queryRunner.query(
      `ALTER TABLE directory_service DROP CONSTRAINT directory_service_service_type_check`,
    );
    await queryRunner.query(
      `ALTER TABLE directory_service ADD CONSTRAINT directory_service_service_type_check
         CHECK (service_type IN ${SERVICE_TYPES_BEFORE})`,
    );
    await queryRunner.query(`ALTER TABLE repatriation_assignment DROP COLUMN pace`);
    await queryRunner.query(`ALTER TABLE repatriation_plan DROP COLUMN pace`);
  }
}
