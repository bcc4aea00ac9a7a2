import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether an organisation's entry has been published to the organisation directory. Organisations that
 * existed before the directory start unpublished, and identity publishes them once at its next start.
 */
export class OrganisationDirectory1764500000000 implements MigrationInterface {
  name = 'OrganisationDirectory1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE organisation ADD COLUMN listed_in_directory boolean NOT NULL DEFAULT false`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE organisation DROP COLUMN listed_in_directory`);
  }
}
