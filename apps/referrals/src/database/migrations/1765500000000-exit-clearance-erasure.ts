import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exit-clearance requests lose their personal fields (travel document number, name on it, sealed
 * attestation code) once immigration no longer needs them: at once when withdrawn (a superseding request,
 * or the survivor's RETURN consent withdrawn), a retention period after an answer (issue 12, finding 3).
 * `personal_data_erased_at` says when; an erased request is never listed to immigration again. Requests
 * already withdrawn are erased now.
 */
export class ExitClearanceErasure1765500000000 implements MigrationInterface {
  name = 'ExitClearanceErasure1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE exit_clearance_request
        ALTER COLUMN travel_document_number DROP NOT NULL,
        ALTER COLUMN name_on_travel_document DROP NOT NULL,
        ADD COLUMN personal_data_erased_at timestamptz`);
    await queryRunner.query(`
      UPDATE exit_clearance_request
         SET travel_document_number = NULL, name_on_travel_document = NULL,
             attestation_code_sealed = NULL, attestation_code_key_id = NULL,
             personal_data_erased_at = now()
       WHERE status = 'WITHDRAWN'`);
    await queryRunner.query(`
      ALTER TABLE exit_clearance_request
        ADD CONSTRAINT exit_clearance_erased CHECK
          ((personal_data_erased_at IS NULL) =
           (travel_document_number IS NOT NULL AND name_on_travel_document IS NOT NULL)
           AND (personal_data_erased_at IS NULL OR attestation_code_sealed IS NULL)),
        ADD CONSTRAINT exit_clearance_withdrawn_erased CHECK
          (status <> 'WITHDRAWN' OR personal_data_erased_at IS NOT NULL)`);
    // What the retention sweep looks for: answered requests still holding personal fields.
    await queryRunner.query(
      `CREATE INDEX exit_clearance_answered_unerased_idx ON exit_clearance_request (responded_at)
        WHERE personal_data_erased_at IS NULL AND status IN ('GRANTED', 'REFUSED')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Erased fields cannot come back: the columns stay nullable.
    await queryRunner.query(`DROP INDEX exit_clearance_answered_unerased_idx`);
    await queryRunner.query(`
      ALTER TABLE exit_clearance_request
        DROP CONSTRAINT exit_clearance_withdrawn_erased,
        DROP CONSTRAINT exit_clearance_erased,
        DROP COLUMN personal_data_erased_at`);
  }
}
