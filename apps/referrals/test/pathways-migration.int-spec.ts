import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { openTestDataSource } from '@passage/shared/testing';
import { PathwaysBeyondReturn1765100000000 } from '../src/database/migrations/1765100000000-pathways-beyond-return.js';
import { REFERRALS_MIGRATIONS } from '../src/database/migrations/index.js';

/** A database as it was before pathways beyond return, with a plan held for another node, then up and down. */
describe('pathways beyond return migration (real Postgres)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  const migration = new PathwaysBeyondReturn1765100000000();

  beforeAll(async () => {
    const before = REFERRALS_MIGRATIONS.slice(
      0,
      REFERRALS_MIGRATIONS.indexOf(PathwaysBeyondReturn1765100000000),
    );
    ({ dataSource, close } = await openTestDataSource('referrals', before));
  });

  afterAll(async () => {
    await close?.();
  });

  const run = async (direction: 'up' | 'down') => {
    const runner = dataSource.createQueryRunner();
    try {
      await migration[direction](runner);
    } finally {
      await runner.release();
    }
  };

  /** A plan of another node held here; its pace, once the column exists. */
  const holdPlan = async (pace?: string) => {
    const planId = randomUUID();
    await dataSource.query(
      `INSERT INTO repatriation_assignment (plan_id, revision, case_reference, jurisdiction_country, return_country,
         owner_organisation_id, owner_organisation_ids, status, created_at, steps, follow_ups, shared_at, received_at)
       VALUES ($1, 1, 'KH-2026-000001', 'KH', 'ID', $2, '{}', 'PREPARING', now(), '[]', '[]', now(), now())`,
      [planId, randomUUID()],
    );
    if (pace)
      await dataSource.query(`UPDATE repatriation_assignment SET pace = $2 WHERE plan_id = $1`, [
        planId,
        pace,
      ]);
  };

  const columns = async (table: string) =>
    (
      (await dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = $1`, [
        table,
      ])) as { column_name: string }[]
    ).map((row) => row.column_name);

  it('makes every existing plan standard, and goes back only while no fast voluntary return exists', async () => {
    await holdPlan();
    await run('up');
    expect(await dataSource.query(`SELECT DISTINCT pace FROM repatriation_assignment`)).toEqual([
      { pace: 'STANDARD' },
    ]);
    expect(await columns('stay_pathway')).toContain('basis');

    await holdPlan('FAST_VOLUNTARY');
    await expect(run('down')).rejects.toThrow(/fast voluntary returns exist/);
    await dataSource.query(`DELETE FROM repatriation_assignment WHERE pace = 'FAST_VOLUNTARY'`);
    await run('down');
    expect(await columns('repatriation_assignment')).not.toContain('pace');
    expect(await columns('stay_pathway')).toEqual([]);
    expect(await columns('migrant_support_prompt')).toEqual([]);
    await run('up');
    expect(await columns('repatriation_plan')).toContain('pace');
  });
});
