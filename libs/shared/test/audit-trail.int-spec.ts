import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import {
  AuditChainKey,
  AuditTrail,
  AuditTrailError,
  AuditTrailKeyedChain1765600000000,
  AuditTrailTable1764000000000,
  MessagingTables1763769600000,
  RequestContext,
  auditRecordHash,
  type AuditEntry,
} from '@passage/shared';
import { databaseUrl, openTestDataSource, testDatabaseAdminUrl } from '@passage/shared/testing';

const key = AuditChainKey.fromBase64(randomBytes(32).toString('base64url'));
const trail = new AuditTrail(key);

function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    actor: { userId: randomUUID(), organisationId: randomUUID(), organisationKind: 'NGO', nodeId: 'kh' },
    action: 'case.read',
    resourceType: 'case',
    resourceId: randomUUID(),
    dataCategories: ['IDENTITY'],
    fields: ['people.alias'],
    purpose: 'CASE_WORK',
    decisionReason: 'ALLOWED_OWNER',
    ...overrides,
  };
}

describe('audit trail (real Postgres)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let databaseName: string;

  /** Runs statements as the database administrator with the append-only trigger switched off. */
  async function asSuperuserWithoutTrigger(statements: (client: pg.Client) => Promise<void>): Promise<void> {
    const client = new pg.Client({ connectionString: databaseUrl(testDatabaseAdminUrl(), databaseName) });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only');
      await statements(client);
      await client.query('ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only');
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  }

  async function append(overrides: Partial<AuditEntry> = {}) {
    return dataSource.transaction((manager) => trail.record(manager, entry(overrides)));
  }

  async function count(): Promise<number> {
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM audit_record`);
    return n;
  }

  beforeAll(async () => {
    ({ dataSource, close } = await openTestDataSource('shared', [
      MessagingTables1763769600000,
      AuditTrailTable1764000000000,
      AuditTrailKeyedChain1765600000000,
    ]));
    [{ databaseName }] = await dataSource.query(`SELECT current_database() AS "databaseName"`);
  });

  afterAll(async () => {
    await close?.();
  });

  it('starts the chain at the genesis hash and stores what the entry said, with the correlation id', async () => {
    const resourceId = randomUUID();
    const recorded = await RequestContext.run({ correlationId: 'corr-audit-1' }, () =>
      append({ resourceId, fields: ['people.name', 'people.alias'] }),
    );
    expect(recorded.previousHash).toBe('0'.repeat(64));
    expect(recorded.correlationId).toBe('corr-audit-1');
    const page = await trail.query(dataSource, { resourceType: 'case', resourceId }, { first: 10 });
    expect(page.records).toEqual([recorded]);
    expect(await trail.verify(dataSource)).toEqual({
      valid: true,
      records: 1,
      lastSequence: recorded.sequence,
      headHash: recorded.recordHash,
    });
  });

  it('keeps one linear, valid chain when many transactions append at once', async () => {
    const before = await count();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = 0; i < 15; i++) {
          await dataSource.transaction(async (manager) => {
            // Some other work in the same transaction, so appends genuinely overlap.
            await manager.query(`SELECT pg_sleep(0.001)`);
            await trail.record(manager, entry());
          });
        }
      }),
    );
    expect(await count()).toBe(before + 120);
    const verification = await trail.verify(dataSource);
    expect(verification).toMatchObject({ valid: true, records: before + 120 });
    const [{ distinct }] = await dataSource.query(
      `SELECT count(DISTINCT previous_hash)::int AS distinct FROM audit_record`,
    );
    expect(distinct).toBe(before + 120);
  });

  it('leaves no record when the audited transaction rolls back, and the gap does not break the chain', async () => {
    const before = await count();
    const resourceId = randomUUID();
    await expect(
      dataSource.transaction(async (manager) => {
        await trail.record(manager, entry({ resourceId }));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await count()).toBe(before);
    expect(
      (await trail.query(dataSource, { resourceType: 'case', resourceId }, { first: 10 })).records,
    ).toEqual([]);
    await append();
    expect(await trail.verify(dataSource)).toMatchObject({ valid: true, records: before + 1 });
  });

  it('refuses to append outside a transaction', async () => {
    await expect(trail.record(dataSource.manager, entry())).rejects.toMatchObject({
      code: 'AUDIT_REQUIRES_TRANSACTION',
    });
  });

  it.each([
    ['UPDATE', `UPDATE audit_record SET purpose = 'REWRITTEN'`],
    ['UPDATE of no row', `UPDATE audit_record SET purpose = 'REWRITTEN' WHERE sequence < 0`],
    ['DELETE', `DELETE FROM audit_record`],
    ['TRUNCATE', `TRUNCATE audit_record`],
  ])('refuses %s through an ordinary statement', async (_label, statement) => {
    const before = await count();
    await expect(dataSource.query(statement)).rejects.toThrow(/audit_record is append-only/);
    expect(await count()).toBe(before);
  });

  it('fails an append whose REPEATABLE READ snapshot missed the latest record, instead of forking', async () => {
    const queryRunner = dataSource.createQueryRunner();
    await queryRunner.connect();
    try {
      await queryRunner.startTransaction('REPEATABLE READ');
      await queryRunner.query(`SELECT count(*) FROM audit_record`); // takes the snapshot
      await append();
      const error = await trail.record(queryRunner.manager, entry()).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AuditTrailError);
      expect(error).toMatchObject({ code: 'AUDIT_CHAIN_CONTENDED' });
      await queryRunner.rollbackTransaction();
    } finally {
      await queryRunner.release();
    }
    expect(await trail.verify(dataSource)).toMatchObject({ valid: true });
  });

  it('pages a record history newest first, and selects by actor and by time range', async () => {
    const resourceId = randomUUID();
    const actor = {
      userId: randomUUID(),
      organisationId: randomUUID(),
      organisationKind: 'SHELTER',
      nodeId: 'th',
    };
    const startedAt = new Date(Date.now() - 1000);
    const appended = [];
    for (let i = 0; i < 5; i++)
      appended.push(await append({ resourceId, actor: actor as AuditEntry['actor'] }));
    const newestFirst = appended.map((record) => record.sequence).reverse();

    const first = await trail.query(dataSource, { resourceType: 'case', resourceId }, { first: 2 });
    expect(first.records.map((record) => record.sequence)).toEqual(newestFirst.slice(0, 2));
    expect(first).toMatchObject({ totalCount: 5, hasNextPage: true });
    const rest = await trail.query(
      dataSource,
      { resourceType: 'case', resourceId },
      { first: 10, after: first.endCursor },
    );
    expect(rest.records.map((record) => record.sequence)).toEqual(newestFirst.slice(2));
    expect(rest.hasNextPage).toBe(false);

    const byActor = await trail.query(dataSource, { actorUserId: actor.userId }, { first: 10 });
    expect(byActor.records.map((record) => record.sequence)).toEqual(newestFirst);

    const inRange = await trail.query(
      dataSource,
      { since: startedAt, until: new Date(Date.now() + 1000) },
      { first: 200 },
    );
    expect(inRange.records.map((record) => record.sequence)).toEqual(expect.arrayContaining(newestFirst));
    const beforeRange = await trail.query(
      dataSource,
      { since: new Date(0), until: startedAt },
      { first: 200 },
    );
    expect(beforeRange.records.map((record) => record.sequence)).not.toEqual(
      expect.arrayContaining([newestFirst[0]]),
    );

    await expect(
      trail.query(dataSource, { resourceType: 'case', resourceId }, { first: 2, after: 'bm90LWEtY3Vyc29y' }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'after' } });
    await expect(trail.query(dataSource, { actorUserId: 'admin' }, { first: 2 })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
  });

  it('detects, at the right sequence, a record altered or removed by a superuser who disabled the trigger', async () => {
    const records = [];
    for (let i = 0; i < 4; i++) records.push(await append());
    const [, altered, deleted, follower] = records;
    expect(await trail.verify(dataSource)).toMatchObject({ valid: true });

    // Alter one record's content, then put it back.
    await asSuperuserWithoutTrigger(async (client) => {
      await client.query(
        `UPDATE audit_record SET fields = ARRAY['people.alias'], purpose = 'STATISTICS' WHERE sequence = $1`,
        [altered.sequence],
      );
    });
    expect(await trail.verify(dataSource)).toEqual({
      valid: false,
      brokenAt: altered.sequence,
      reason: 'RECORD_HASH_MISMATCH',
    });
    expect(await trail.verify(dataSource, { fromSequence: altered.sequence + 1 })).toMatchObject({
      valid: true,
    });
    await asSuperuserWithoutTrigger(async (client) => {
      await client.query(`UPDATE audit_record SET purpose = $2 WHERE sequence = $1`, [
        altered.sequence,
        altered.purpose,
      ]);
    });
    expect(await trail.verify(dataSource)).toMatchObject({ valid: true });

    // A forger without the chain key cannot give a rewritten record a matching hash.
    const forged = { ...altered, purpose: 'STATISTICS' };
    const withoutKey = AuditChainKey.fromBase64(randomBytes(32).toString('base64url'));
    await asSuperuserWithoutTrigger(async (client) => {
      await client.query(`UPDATE audit_record SET purpose = $2, record_hash = $3 WHERE sequence = $1`, [
        altered.sequence,
        forged.purpose,
        auditRecordHash(forged, withoutKey),
      ]);
    });
    expect(await trail.verify(dataSource)).toEqual({
      valid: false,
      brokenAt: altered.sequence,
      reason: 'RECORD_HASH_MISMATCH',
    });
    // Nor escape the key by calling the record unkeyed (format 1, plain SHA-256, computable by anyone).
    await asSuperuserWithoutTrigger(async (client) => {
      await client.query(
        `UPDATE audit_record SET purpose = $2, hash_format = 1, record_hash = $3 WHERE sequence = $1`,
        [altered.sequence, forged.purpose, auditRecordHash({ ...forged, hashFormat: 1 }, withoutKey)],
      );
    });
    expect(await trail.verify(dataSource)).toEqual({
      valid: false,
      brokenAt: altered.sequence,
      reason: 'UNKEYED_AFTER_KEYED',
    });

    // Even one who had the key and rewrote a record with its hash moves the break to the record after it.
    await asSuperuserWithoutTrigger(async (client) => {
      await client.query(
        `UPDATE audit_record SET purpose = $2, hash_format = 2, record_hash = $3 WHERE sequence = $1`,
        [altered.sequence, forged.purpose, auditRecordHash(forged, key)],
      );
    });
    expect(await trail.verify(dataSource)).toEqual({
      valid: false,
      brokenAt: deleted.sequence,
      reason: 'PREVIOUS_HASH_MISMATCH',
    });
    await asSuperuserWithoutTrigger(async (client) => {
      await client.query(`UPDATE audit_record SET purpose = $2, record_hash = $3 WHERE sequence = $1`, [
        altered.sequence,
        altered.purpose,
        altered.recordHash,
      ]);
    });
    expect(await trail.verify(dataSource)).toMatchObject({ valid: true });

    // Remove a record: the one after it no longer follows its predecessor.
    await asSuperuserWithoutTrigger(async (client) => {
      await client.query(`DELETE FROM audit_record WHERE sequence = $1`, [deleted.sequence]);
    });
    expect(await trail.verify(dataSource)).toEqual({
      valid: false,
      brokenAt: follower.sequence,
      reason: 'PREVIOUS_HASH_MISMATCH',
    });
  });
});

describe('keying an audit chain that has unkeyed records (real Postgres)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ dataSource, close } = await openTestDataSource('shared', [
      MessagingTables1763769600000,
      AuditTrailTable1764000000000,
    ]));
  });

  afterAll(async () => {
    await close?.();
  });

  /** A record as the code before ADR 026 wrote it: format 1, unkeyed, no format column. */
  async function appendUnkeyed(previousHash: string, sequence: number): Promise<string> {
    const record = {
      sequence,
      occurredAt: new Date(`2026-11-2${sequence}T08:00:00.000Z`),
      actor: {
        userId: randomUUID(),
        organisationId: randomUUID(),
        organisationKind: 'NGO' as const,
        nodeId: 'kh',
      },
      action: 'case.read' as const,
      resourceType: 'case',
      resourceId: randomUUID(),
      dataCategories: ['IDENTITY' as const],
      fields: ['people.alias'],
      purpose: 'CASE_WORK',
      decisionReason: 'ALLOWED_OWNER' as const,
      correlationId: null,
      hashFormat: 1 as const,
      previousHash,
    };
    const recordHash = auditRecordHash(record, key);
    await dataSource.query(
      `INSERT INTO audit_record (sequence, occurred_at, actor_user_id, actor_organisation_id,
         actor_organisation_kind, actor_node, action, resource_type, resource_id, data_categories, fields,
         purpose, decision_reason, correlation_id, previous_hash, record_hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        record.sequence,
        record.occurredAt,
        record.actor.userId,
        record.actor.organisationId,
        record.actor.organisationKind,
        record.actor.nodeId,
        record.action,
        record.resourceType,
        record.resourceId,
        record.dataCategories,
        record.fields,
        record.purpose,
        record.decisionReason,
        record.correlationId,
        record.previousHash,
        recordHash,
      ],
    );
    return recordHash;
  }

  it('keeps the unkeyed records as the verified prefix, and continues the chain keyed', async () => {
    const first = await appendUnkeyed('0'.repeat(64), 1);
    const lastUnkeyed = await appendUnkeyed(first, 2);
    await dataSource.query(`SELECT setval(pg_get_serial_sequence('audit_record', 'sequence'), 2)`);
    const runner = dataSource.createQueryRunner();
    try {
      await new AuditTrailKeyedChain1765600000000().up(runner);
    } finally {
      await runner.release();
    }

    const keyed = await dataSource.transaction((manager) => trail.record(manager, entry()));
    expect(keyed).toMatchObject({ hashFormat: 2, previousHash: lastUnkeyed });
    expect(await trail.verify(dataSource)).toMatchObject({
      valid: true,
      records: 3,
      lastSequence: keyed.sequence,
    });
    expect(
      await dataSource.query(`SELECT sequence::int, hash_format FROM audit_record ORDER BY sequence`),
    ).toEqual([
      { sequence: 1, hash_format: 1 },
      { sequence: 2, hash_format: 1 },
      { sequence: keyed.sequence, hash_format: 2 },
    ]);
  });
});
