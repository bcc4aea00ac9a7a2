import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's date of birth, when known: what a survivor without a document can still say, and so what an
 * attestation can be bound to. The age band stays for everyone whose date is not known.
 */
export class PersonDateOfBirth1764700000000 implements MigrationInterface {
  name = 'PersonDateOfBirth1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_person ADD COLUMN date_of_birth date`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE case_person DROP COLUMN date_of_birth`);
  }
}
