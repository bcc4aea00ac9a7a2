import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import type { DataCategory, OrganisationKind } from '@passage/schemas';
import type { AccessAction } from '../access-policy/access-actions.js';
import type { PolicyReason } from '../access-policy/policy-reasons.js';
import { CodedError } from '../errors/coded-error.js';
import { RequestContext } from '../logging/index.js';
import {
  normaliseAuditEntry,
  type AuditEntry,
  type AuditHashFormat,
  type AuditRecord,
} from './audit-entry.js';
import { AUDIT_HASH_FORMAT, GENESIS_HASH, auditRecordHash, type AuditChainKey } from './audit-record-hash.js';
import { AuditTrailError } from './audit-trail.errors.js';

/** What `AuditTrail.query` can select on: one record's history, one person's actions, or a time range. */
export type AuditQueryFilter =
  | { readonly resourceType: string; readonly resourceId: string }
  | { readonly actorUserId: string }
  /** `since` inclusive, `until` exclusive. */
  | { readonly since: Date; readonly until: Date };

/** Keyset paging, newest record first. */
export interface AuditPageRequest {
  /** 1 to `MAX_AUDIT_PAGE_SIZE`. */
  readonly first: number;
  /** The `endCursor` of the previous page. */
  readonly after?: string | null;
}

/** One page of audit records, newest first, shaped for a Relay connection. */
export interface AuditPage {
  readonly records: readonly AuditRecord[];
  /** The cursor of each record, in the same order. */
  readonly cursors: readonly string[];
  readonly totalCount: number;
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

/** A point of the chain as published outside the database: the record's sequence and hash. */
export interface AuditHead {
  readonly sequence: number;
  readonly recordHash: string;
}

/** The outcome of recomputing the chain. */
export type AuditVerification =
  | {
      readonly valid: true;
      /** How many records were checked. */
      readonly records: number;
      /** The last record checked, or `null` when there was none. */
      readonly lastSequence: number | null;
      /**
       * The record hash at the end of the chain. Publishing it somewhere the database cannot reach
       * (oversight, another node) makes the removal of later records detectable too.
       */
      readonly headHash: string;
    }
  | {
      readonly valid: false;
      /** The first record that does not fit the chain. */
      readonly brokenAt: number;
      /**
       * `RECORD_HASH_MISMATCH`: the record's content no longer matches its hash (it was altered).
       * `PREVIOUS_HASH_MISMATCH`: the record does not follow the one before it (a record before it
       * was removed or inserted, or its hash was rewritten).
       * `UNKEYED_AFTER_KEYED`: an unkeyed (format 1) record follows a keyed one; only the records from
       * before keying may be unkeyed, so this is a record rewritten to escape the key.
       * `PUBLISHED_HEAD_MISSING`: the chain ends before the published head (its last records were removed).
       * `PUBLISHED_HEAD_MISMATCH`: the record at the published head's sequence is not the one published.
       */
      readonly reason:
        | 'RECORD_HASH_MISMATCH'
        | 'PREVIOUS_HASH_MISMATCH'
        | 'UNKEYED_AFTER_KEYED'
        | 'PUBLISHED_HEAD_MISSING'
        | 'PUBLISHED_HEAD_MISMATCH';
    };

/** The largest page `query` returns. */
export const MAX_AUDIT_PAGE_SIZE = 200;

const VERIFY_BATCH_SIZE = 1000;

/** A data source or a transaction's entity manager: `query` and `verify` run on either. */
type Queryable = Pick<DataSource | EntityManager, 'query'>;

interface AuditRow {
  sequence: string;
  occurred_at: Date;
  actor_user_id: string;
  actor_organisation_id: string;
  actor_organisation_kind: string;
  actor_node: string;
  action: string;
  resource_type: string;
  resource_id: string | null;
  data_categories: string[];
  fields: string[];
  purpose: string;
  decision_reason: string;
  correlation_id: string | null;
  hash_format: number;
  previous_hash: string;
  record_hash: string;
}

const COLUMNS = `sequence, occurred_at, actor_user_id, actor_organisation_id, actor_organisation_kind, actor_node,
  action, resource_type, resource_id, data_categories, fields, purpose, decision_reason, correlation_id,
  hash_format, previous_hash, record_hash`;

/**
 * The node's tamper-evident record of who read or changed which personal data, for which purpose
 * (docs/adr/008-audit-trail.md). Records form a hash chain in one table per service database; appends
 * are serialised by a transaction advisory lock so the chain stays linear. The chain is keyed with a
 * secret of the service's configuration that the database never sees (ADR 026), so whoever can write the
 * table still cannot forge a record. Stateless beyond the key: one instance can be shared, and services
 * take it by injection so their unit tests can substitute it.
 */
export class AuditTrail {
  constructor(private readonly key: AuditChainKey) {}

  /**
   * Appends a record inside the caller's transaction, so that it commits, or vanishes, with the read or
   * change it describes. Holds the chain lock until that transaction ends, so call it as the last
   * statement before commit (ADR 008 measures why). The correlation id defaults to the one of the
   * request being served.
   *
   * @throws AuditTrailError `AUDIT_REQUIRES_TRANSACTION` outside a transaction, `AUDIT_INVALID_ENTRY` for
   *   an entry that breaks the rules of `AuditEntry`, `AUDIT_CHAIN_CONTENDED` when a REPEATABLE READ or
   *   SERIALIZABLE transaction's snapshot predates the latest record (the caller's transaction is then
   *   aborted and may be retried).
   */
  async record(manager: EntityManager, entry: AuditEntry): Promise<AuditRecord> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new AuditTrailError(
        'AUDIT_REQUIRES_TRANSACTION',
        'audit records must be written inside the transaction that reads or changes the data they describe',
      );
    }
    const entryToStore = normaliseAuditEntry(entry, RequestContext.correlationId());
    // Held until commit or rollback: the next append reads the head only once this one is settled. It
    // must be a separate statement from the head read, whose READ COMMITTED snapshot starts after it.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('passage.audit-trail'))`);
    const [head] = (await manager.query(
      `SELECT (SELECT record_hash FROM audit_record ORDER BY sequence DESC LIMIT 1) AS previous_hash,
              nextval(pg_get_serial_sequence('audit_record', 'sequence')) AS sequence,
              date_trunc('milliseconds', clock_timestamp()) AS occurred_at`,
    )) as { previous_hash: string | null; sequence: string; occurred_at: Date }[];
    const unhashed = {
      ...entryToStore,
      sequence: toSequence(head.sequence),
      occurredAt: head.occurred_at,
      hashFormat: AUDIT_HASH_FORMAT,
      previousHash: head.previous_hash ?? GENESIS_HASH,
    };
    const record: AuditRecord = { ...unhashed, recordHash: auditRecordHash(unhashed, this.key) };
    try {
      await manager.query(
        `INSERT INTO audit_record (${COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
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
          record.hashFormat,
          record.previousHash,
          record.recordHash,
        ],
      );
    } catch (error) {
      if (isPreviousHashConflict(error)) {
        throw new AuditTrailError(
          'AUDIT_CHAIN_CONTENDED',
          'another audit record was appended after this transaction took its snapshot; retry the transaction ' +
            '(READ COMMITTED transactions never hit this)',
        );
      }
      throw error;
    }
    return record;
  }

  /**
   * Recomputes the chain from `fromSequence` (default: the start) to the end and reports the first
   * record that does not fit. Starting in the middle trusts the stored hash of the record just before.
   * Given the last `publishedHead`, also requires the chain to reach it and hold that very record there,
   * which is what reveals removed last records and a chain rewritten wholesale. Reads in batches, so it
   * runs in constant memory on a trail of any length.
   */
  async verify(
    source: Queryable,
    options: { fromSequence?: number; publishedHead?: AuditHead | null } = {},
  ): Promise<AuditVerification> {
    const from = options.fromSequence ?? 0;
    const head =
      options.publishedHead != null && options.publishedHead.sequence >= from ? options.publishedHead : null;
    const [before] = (await source.query(
      `SELECT record_hash, hash_format FROM audit_record WHERE sequence < $1 ORDER BY sequence DESC LIMIT 1`,
      [from],
    )) as { record_hash: string; hash_format: number }[];
    let expectedPrevious = before?.record_hash ?? GENESIS_HASH;
    let keyed = before?.hash_format === AUDIT_HASH_FORMAT;
    let lastSequence: number | null = null;
    let checked = 0;
    for (;;) {
      const rows = (await source.query(
        `SELECT ${COLUMNS} FROM audit_record WHERE sequence >= $1 AND sequence > $2 ORDER BY sequence LIMIT $3`,
        [from, lastSequence ?? -1, VERIFY_BATCH_SIZE],
      )) as AuditRow[];
      for (const row of rows) {
        const record = toRecord(row);
        const broken = (reason: Exclude<AuditVerification, { valid: true }>['reason']) =>
          ({ valid: false, brokenAt: record.sequence, reason }) as const;
        if (head && record.sequence > head.sequence && (lastSequence ?? -1) < head.sequence) {
          return { valid: false, brokenAt: head.sequence, reason: 'PUBLISHED_HEAD_MISSING' };
        }
        if (record.previousHash !== expectedPrevious) return broken('PREVIOUS_HASH_MISMATCH');
        if (keyed && record.hashFormat !== AUDIT_HASH_FORMAT) return broken('UNKEYED_AFTER_KEYED');
        const { recordHash, ...unhashed } = record;
        if (!this.hashMatches(unhashed, recordHash)) return broken('RECORD_HASH_MISMATCH');
        if (head && record.sequence === head.sequence && recordHash !== head.recordHash) {
          return broken('PUBLISHED_HEAD_MISMATCH');
        }
        keyed ||= record.hashFormat === AUDIT_HASH_FORMAT;
        expectedPrevious = recordHash;
        lastSequence = record.sequence;
        checked += 1;
      }
      if (rows.length < VERIFY_BATCH_SIZE) break;
    }
    if (head && (lastSequence === null || lastSequence < head.sequence)) {
      return { valid: false, brokenAt: head.sequence, reason: 'PUBLISHED_HEAD_MISSING' };
    }
    return { valid: true, records: checked, lastSequence, headHash: expectedPrevious };
  }

  /** A stored format this code does not know is a mismatch, not a crash of the verifier. */
  private hashMatches(unhashed: Omit<AuditRecord, 'recordHash'>, recordHash: string): boolean {
    try {
      return auditRecordHash(unhashed, this.key) === recordHash;
    } catch {
      return false;
    }
  }

  /**
   * One page of records matching `filter`, newest first. The caller has already asked the access
   * policy for `audit.read`; this only reads.
   *
   * @throws CodedError `BAD_USER_INPUT` for a page size out of range, a foreign cursor or an empty range.
   */
  async query(source: Queryable, filter: AuditQueryFilter, page: AuditPageRequest): Promise<AuditPage> {
    if (!Number.isInteger(page.first) || page.first < 1 || page.first > MAX_AUDIT_PAGE_SIZE) {
      throw new CodedError('BAD_USER_INPUT', `first: must be between 1 and ${MAX_AUDIT_PAGE_SIZE}`, {
        field: 'first',
      });
    }
    const { where, parameters } = filterClause(filter);
    const after = page.after == null ? null : decodeAuditCursor(page.after);
    const pageParameters = [...parameters, after ?? null, page.first + 1];
    const rows = (await source.query(
      `SELECT ${COLUMNS} FROM audit_record
        WHERE ${where} AND ($${parameters.length + 1}::bigint IS NULL OR sequence < $${parameters.length + 1})
        ORDER BY sequence DESC LIMIT $${parameters.length + 2}`,
      pageParameters,
    )) as AuditRow[];
    const [{ total }] = (await source.query(
      `SELECT count(*)::int AS total FROM audit_record WHERE ${where}`,
      parameters,
    )) as { total: number }[];
    const records = rows.slice(0, page.first).map(toRecord);
    const cursors = records.map((record) => encodeAuditCursor(record.sequence));
    return {
      records,
      cursors,
      totalCount: total,
      hasNextPage: rows.length > page.first,
      endCursor: cursors.at(-1) ?? null,
    };
  }
}

function filterClause(filter: AuditQueryFilter): { where: string; parameters: unknown[] } {
  if ('resourceType' in filter) {
    return {
      where: 'resource_type = $1 AND resource_id = $2',
      parameters: [filter.resourceType, filter.resourceId],
    };
  }
  if ('actorUserId' in filter) {
    // Ids are uuids; anything else would be a database error, and can match nothing anyway.
    if (!z.uuid().safeParse(filter.actorUserId).success) {
      throw new CodedError('BAD_USER_INPUT', 'actorUserId: must be a user id', { field: 'actorUserId' });
    }
    return { where: 'actor_user_id = $1', parameters: [filter.actorUserId] };
  }
  const { since, until } = filter;
  if (Number.isNaN(since.getTime()) || Number.isNaN(until.getTime()) || since >= until) {
    throw new CodedError('BAD_USER_INPUT', 'since: must be a time before until', { field: 'since' });
  }
  return { where: 'occurred_at >= $1 AND occurred_at < $2', parameters: [since, until] };
}

function encodeAuditCursor(sequence: number): string {
  return Buffer.from(`audit|${sequence}`, 'utf8').toString('base64url');
}

function decodeAuditCursor(cursor: string): number {
  const match = /^audit\|([1-9][0-9]{0,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const sequence = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(sequence)) {
    throw new CodedError('BAD_USER_INPUT', 'after: not a cursor this list returned', { field: 'after' });
  }
  return sequence;
}

function toSequence(value: string): number {
  const sequence = Number(value);
  if (!Number.isSafeInteger(sequence)) throw new RangeError(`audit sequence ${value} is beyond 2^53`);
  return sequence;
}

// Rows are mapped as stored, unchecked: `verify` must hash exactly what is in the table, and a tampered
// value then shows up as a hash mismatch rather than a parse error.
function toRecord(row: AuditRow): AuditRecord {
  return {
    sequence: toSequence(row.sequence),
    occurredAt: row.occurred_at,
    actor: {
      userId: row.actor_user_id,
      organisationId: row.actor_organisation_id,
      organisationKind: row.actor_organisation_kind as OrganisationKind,
      nodeId: row.actor_node,
    },
    action: row.action as AccessAction,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    dataCategories: row.data_categories as DataCategory[],
    fields: row.fields,
    purpose: row.purpose,
    decisionReason: row.decision_reason as PolicyReason,
    correlationId: row.correlation_id,
    hashFormat: row.hash_format as AuditHashFormat,
    previousHash: row.previous_hash,
    recordHash: row.record_hash,
  };
}

function isPreviousHashConflict(error: unknown): boolean {
  const cause = (error as { driverError?: unknown })?.driverError ?? error;
  const { code, constraint } = (cause ?? {}) as { code?: string; constraint?: string };
  // A SERIALIZABLE transaction may get a serialisation failure (40001) instead; that one is left as it
  // is, for the caller's usual retry of serialisation failures.
  return code === '23505' && constraint === 'audit_record_previous_hash_key';
}
