import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attestations for people without documents (docs/adr/019): an attestation is bound to a document, or to
 * the date of birth and a holder PIN, each a keyed hash; a binding made when a document is recorded later
 * is made over the attestation's id (`binding_subject`), since the code is not stored. An attestation
 * can be suspended (and reinstated) as well as revoked, each with its reason.
 */
export class AttestationBindings1764900000000 implements MigrationInterface {
  name = 'AttestationBindings1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE protection_attestation
        ALTER COLUMN document_binding DROP NOT NULL,
        ADD COLUMN date_of_birth_binding text,
        ADD COLUMN holder_pin_binding text,
        ADD COLUMN binding_subject text NOT NULL DEFAULT 'CODE'
          CHECK (binding_subject IN ('CODE', 'ATTESTATION')),
        ADD COLUMN suspended_at timestamptz,
        ADD COLUMN suspension_reason text,
        ADD COLUMN revocation_reason text`);
    // Every attestation so far was bound to its document over its code; every revocation so far was a
    // replacement by a newer attestation.
    await queryRunner.query(`ALTER TABLE protection_attestation ALTER COLUMN binding_subject DROP DEFAULT`);
    await queryRunner.query(
      `UPDATE protection_attestation SET revocation_reason = 'REPLACED' WHERE revoked_at IS NOT NULL`,
    );
    await queryRunner.query(`
      ALTER TABLE protection_attestation
        ADD CONSTRAINT protection_attestation_bound CHECK (
          document_binding IS NOT NULL OR date_of_birth_binding IS NOT NULL OR holder_pin_binding IS NOT NULL),
        ADD CONSTRAINT protection_attestation_suspension_reason CHECK (
          (suspended_at IS NULL) = (suspension_reason IS NULL)),
        ADD CONSTRAINT protection_attestation_revocation_reason CHECK (
          (revoked_at IS NULL) = (revocation_reason IS NULL))`);
    // Re-binding, suspension and revocation find a person's attestations.
    await queryRunner.query(
      `CREATE INDEX protection_attestation_person_idx ON protection_attestation (person_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX protection_attestation_person_idx`);
    // The earlier schema knows no suspension: a suspended attestation would verify as valid there, so it
    // leaves revoked. Nor can it verify a binding other than a document bound over the code: those rows go.
    await queryRunner.query(
      `UPDATE protection_attestation SET revoked_at = suspended_at
        WHERE suspended_at IS NOT NULL AND revoked_at IS NULL`,
    );
    await queryRunner.query(
      `DELETE FROM protection_attestation WHERE document_binding IS NULL OR binding_subject <> 'CODE'`,
    );
    await queryRunner.query(`
      ALTER TABLE protection_attestation
        DROP CONSTRAINT protection_attestation_bound,
        DROP CONSTRAINT protection_attestation_suspension_reason,
        DROP CONSTRAINT protection_attestation_revocation_reason,
        DROP COLUMN revocation_reason,
        DROP COLUMN suspension_reason,
        DROP COLUMN suspended_at,
        DROP COLUMN binding_subject,
        DROP COLUMN holder_pin_binding,
        DROP COLUMN date_of_birth_binding,
        ALTER COLUMN document_binding SET NOT NULL`);
  }
}
