import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { openTestDataSource } from '@passage/shared/testing';
import { CaseAndPersonMaintenance1764800000000 } from '../src/database/migrations/1764800000000-case-and-person-maintenance.js';
import { REFERRALS_MIGRATIONS } from '../src/database/migrations/index.js';

/** A database with a case registered before maintenance existed, then the migration, down and up again. */
describe('case and person maintenance migration (real Postgres)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  const migration = new CaseAndPersonMaintenance1764800000000();

  beforeAll(async () => {
    const before = REFERRALS_MIGRATIONS.slice(
      0,
      REFERRALS_MIGRATIONS.indexOf(CaseAndPersonMaintenance1764800000000),
    );
    ({ dataSource, close } = await openTestDataSource('referrals', before));
  });

  afterAll(async () => {
    await close?.();
  });

  async function run(step: 'up' | 'down'): Promise<void> {
    const runner = dataSource.createQueryRunner();
    try {
      await migration[step](runner);
    } finally {
      await runner.release();
    }
  }

  it('gives people registered before it version 1 and no do-not-contact, checks closures, and reverts', async () => {
    const caseId = randomUUID();
    const personId = randomUUID();
    await dataSource.query(
      `INSERT INTO case_file (id, reference, owner_organisation_id, owner_country, jurisdiction_country, origin,
         status, opened_by, opened_at, created_at)
       VALUES ($1, 'LA-2026-000001', $2, 'LA', 'LA', 'WALK_IN', 'OPEN', $3, now(), now())`,
      [caseId, randomUUID(), randomUUID()],
    );
    await dataSource.query(
      `INSERT INTO case_person (id, case_id, alias, gender, age_band, created_at, updated_at)
       VALUES ($1, $2, 'Fictional alias', 'MALE', 'UNKNOWN', now(), now())`,
      [personId, caseId],
    );

    await run('up');
    expect(
      await dataSource.query(`SELECT version, do_not_contact FROM case_person WHERE id = $1`, [personId]),
    ).toEqual([{ version: 1, do_not_contact: false }]);
    // Closed means an outcome and a time, both or neither.
    await expect(
      dataSource.query(`UPDATE case_file SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [caseId]),
    ).rejects.toThrow(/case_file_closure/);
    await dataSource.query(
      `UPDATE case_file SET status = 'CLOSED', closed_at = now(), outcome = 'LOST_CONTACT' WHERE id = $1`,
      [caseId],
    );
    await expect(
      dataSource.query(
        `INSERT INTO case_person_link (id, case_id, person_id, related_person_id, relationship, recorded_by,
           recorded_by_organisation_id, recorded_at)
         VALUES ($1, $2, $3, $3, 'CHILD', $4, $4, now())`,
        [randomUUID(), caseId, personId, randomUUID()],
      ),
    ).rejects.toThrow(/case_person_link_other/);

    await run('down');
    const columns = (await dataSource.query(
      `SELECT column_name FROM information_schema.columns
        WHERE table_name IN ('case_person', 'case_file') AND column_name IN ('version', 'do_not_contact', 'outcome')`,
    )) as unknown[];
    expect(columns).toEqual([]);
    await run('up');
    expect(await dataSource.query(`SELECT version FROM case_person WHERE id = $1`, [personId])).toEqual([
      { version: 1 },
    ]);
    // Reverting the feature reopened the case it had closed.
    expect(
      await dataSource.query(`SELECT status, closed_at, outcome FROM case_file WHERE id = $1`, [caseId]),
    ).toEqual([{ status: 'OPEN', closed_at: null, outcome: null }]);
  });
});
