import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { AuditTrail, ManualClock, type AuditEntry, type AuditRecord } from '@passage/shared';
import { databaseUrl, testDatabaseAdminUrl } from '@passage/shared/testing';
import { AuditHeadPublication, PlatformModule } from '../src/platform/index.js';
import { openReferralsContexts, type ReferralsTestingModule } from './referrals-testing-module.js';

/**
 * Finding 8 of issue 12 (ADR 026): the service's own database role could rewrite the audit trail, the
 * chain was unkeyed and its head never left the database. Each test is an attack that must now fail or
 * be reported by `npm run audit:verify`.
 */
describe('audit trail integrity against the service role and the administrator (real Postgres)', () => {
  const clock = new ManualClock(new Date('2026-12-02T08:00:00Z'));
  const chainKey = randomBytes(32).toString('base64url');
  const scratch = mkdtempSync(join(tmpdir(), 'passage-audit-heads-'));
  const opened: ReferralsTestingModule[] = [];

  /** A referrals service on a fresh database, publishing its audit heads to its own file. */
  interface AuditedService {
    referrals: ReferralsTestingModule;
    trail: AuditTrail;
    publication: AuditHeadPublication;
    /** The same database as the administrator who owns the tables. */
    adminUrl: string;
    headFile: string;
  }

  async function openAuditedService(): Promise<AuditedService> {
    const headFile = join(scratch, `${randomUUID()}.jsonl`);
    const referrals = await openReferralsContexts({
      contexts: [PlatformModule],
      clock,
      config: { AUDIT_CHAIN_KEY: chainKey, AUDIT_HEAD_FILE: headFile },
    });
    opened.push(referrals);
    const [{ name }] = (await referrals.dataSource.query(`SELECT current_database() AS name`)) as {
      name: string;
    }[];
    return {
      referrals,
      trail: referrals.app.get(AuditTrail),
      publication: referrals.app.get(AuditHeadPublication),
      adminUrl: databaseUrl(testDatabaseAdminUrl(), name),
      headFile,
    };
  }

  afterAll(async () => {
    for (const referrals of opened) await referrals.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  function entry(): AuditEntry {
    return {
      actor: { userId: randomUUID(), organisationId: randomUUID(), organisationKind: 'NGO', nodeId: 'int' },
      action: 'case.read',
      resourceType: 'case',
      resourceId: randomUUID(),
      dataCategories: ['IDENTITY'],
      fields: ['people.alias'],
      purpose: 'CASE_WORK',
      decisionReason: 'ALLOWED_OWNER',
    };
  }

  async function appendRecords(service: AuditedService, count: number): Promise<AuditRecord[]> {
    const records: AuditRecord[] = [];
    for (let i = 0; i < count; i++) {
      records.push(
        await service.referrals.dataSource.transaction((manager) => service.trail.record(manager, entry())),
      );
    }
    return records;
  }

  async function connect(url: string): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return client;
  }

  /** Runs a statement as the administrator who owns the table, with the append-only trigger off. */
  async function tamperAsAdministrator(service: AuditedService, statement: string, parameters: unknown[]) {
    const client = await connect(service.adminUrl);
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only');
      await client.query(statement, parameters);
      await client.query('ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only');
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  }

  /** `npm run audit:verify` on the service's database, head file and key (runs the build of libs/shared). */
  function auditVerify(service: AuditedService): { status: number | null; output: string } {
    const result = spawnSync(
      process.execPath,
      [
        'scripts/audit-verify.mjs',
        '--node',
        'int',
        '--database-url',
        service.adminUrl,
        '--heads',
        service.headFile,
      ],
      { env: { ...process.env, AUDIT_CHAIN_KEY: chainKey }, encoding: 'utf8', timeout: 60_000 },
    );
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  it('runs the service as its own role, which may append to and read the trail but not change it', async () => {
    const service = await openAuditedService();
    const [{ role }] = (await service.referrals.dataSource.query(`SELECT current_user AS role`)) as {
      role: string;
    }[];
    expect(role).toBe('passage_test_referrals_app');
    const [record] = await appendRecords(service, 1);

    const asService = await connect(service.referrals.databaseUrl);
    try {
      const outcomes: Record<string, string> = {};
      for (const [label, statement] of [
        ['delete', `DELETE FROM audit_record WHERE sequence = ${record.sequence}`],
        ['update', `UPDATE audit_record SET purpose = 'STATISTICS' WHERE sequence = ${record.sequence}`],
        ['truncate', `TRUNCATE audit_record`],
        ['drop trigger', `DROP TRIGGER audit_record_append_only ON audit_record`],
        ['disable trigger', `ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only`],
        ['drop table', `DROP TABLE audit_record`],
        ['replica mode', `SET session_replication_role = replica`],
        ['become the owner', `SET ROLE postgres`],
      ] as const) {
        outcomes[label] = await asService.query(statement).then(
          () => 'ALLOWED',
          (error: Error) =>
            /permission denied|must be owner/.test(error.message) ? 'REFUSED' : error.message,
        );
      }
      expect(outcomes).toEqual({
        delete: 'REFUSED',
        update: 'REFUSED',
        truncate: 'REFUSED',
        'drop trigger': 'REFUSED',
        'disable trigger': 'REFUSED',
        'drop table': 'REFUSED',
        'replica mode': 'REFUSED',
        'become the owner': 'REFUSED',
      });
      const { rows } = await asService.query(`SELECT purpose FROM audit_record WHERE sequence = $1`, [
        record.sequence,
      ]);
      expect(rows).toEqual([{ purpose: 'CASE_WORK' }]);
    } finally {
      await asService.end();
    }
    expect(await service.trail.verify(service.referrals.dataSource)).toMatchObject({ valid: true });
  });

  it('publishes the verified head outside the database; audit:verify reports the removed last record', async () => {
    const service = await openAuditedService();
    const records = await appendRecords(service, 3);
    const last = records.at(-1)!;
    expect(await service.publication.publish()).toMatchObject({
      outcome: 'PUBLISHED',
      head: { node: 'int', service: 'referrals', sequence: last.sequence, recordHash: last.recordHash },
    });
    expect(await service.publication.publish()).toEqual({ outcome: 'UNCHANGED' });
    expect(auditVerify(service)).toMatchObject({ status: 0 });

    await tamperAsAdministrator(service, `DELETE FROM audit_record WHERE sequence = $1`, [last.sequence]);

    // What is left is a consistent chain: only the published head shows the loss.
    expect(await service.trail.verify(service.referrals.dataSource)).toMatchObject({ valid: true });
    const verified = auditVerify(service);
    expect(verified.status).toBe(1);
    expect(verified.output).toContain(
      `first broken link at record ${last.sequence} (PUBLISHED_HEAD_MISSING)`,
    );
    // And the next scheduled publication refuses to vouch for the truncated chain.
    const published = readFileSync(service.headFile, 'utf8');
    expect(await service.publication.publish()).toMatchObject({
      outcome: 'CHAIN_BROKEN',
      verification: { brokenAt: last.sequence, reason: 'PUBLISHED_HEAD_MISSING' },
    });
    expect(readFileSync(service.headFile, 'utf8')).toBe(published);
  });

  it('audit:verify names a record altered in the middle of the chain', async () => {
    const service = await openAuditedService();
    const records = await appendRecords(service, 5);
    await service.publication.publish();
    expect(auditVerify(service)).toMatchObject({ status: 0 });

    const middle = records[2];
    await tamperAsAdministrator(
      service,
      `UPDATE audit_record SET purpose = 'STATISTICS' WHERE sequence = $1`,
      [middle.sequence],
    );
    const verified = auditVerify(service);
    expect(verified.status).toBe(1);
    expect(verified.output).toContain(
      `first broken link at record ${middle.sequence} (RECORD_HASH_MISMATCH)`,
    );
  });
});
