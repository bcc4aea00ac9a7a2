import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The regional organisation directory as this node knows it: its own organisations (from identity) and
 * those other nodes announced through the exchange. Names, kinds and countries of organisations only.
 */
export class OrganisationDirectory1764500000000 implements MigrationInterface {
  name = 'OrganisationDirectory1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organisation_directory (
        organisation_id   uuid PRIMARY KEY,
        name              text NOT NULL,
        kind              text NOT NULL,
        country           char(2),
        stationed_in      char(2),
        active            boolean NOT NULL,
        hosted_here       boolean NOT NULL,
        listed_at         timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX organisation_directory_country_idx ON organisation_directory (country, kind) WHERE active`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE organisation_directory`);
  }
}
