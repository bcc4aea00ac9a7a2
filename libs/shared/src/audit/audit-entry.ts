import { z } from 'zod';
import { DATA_CATEGORIES, ORGANISATION_KINDS, type DataCategory } from '@passage/schemas';
import { ACCESS_ACTIONS, type AccessAction } from '../access-policy/access-actions.js';
import type { Actor } from '../access-policy/access-subjects.js';
import { ALLOW_REASONS, DENY_REASONS, type PolicyReason } from '../access-policy/policy-reasons.js';
import { nodeIdSchema } from '../exchange/exchange-identifiers.js';
import { AuditTrailError } from './audit-trail.errors.js';

/** The part of an actor an audit record keeps: who they are and where they signed in, not their roles. */
export type AuditActor = Pick<Actor, 'userId' | 'organisationId' | 'organisationKind' | 'nodeId'>;

/**
 * One read or change of personal data, as the service that performed it describes it. It names the
 * fields and data categories touched, never their values.
 */
export interface AuditEntry {
  readonly actor: AuditActor;
  readonly action: AccessAction;
  /** The kind of record, lower-case and dashed: `case`, `rescue-request`, `referral`. */
  readonly resourceType: string;
  /** The record's id; `null` for actions over no single record (a search, an export, a statistic). */
  readonly resourceId: string | null;
  readonly dataCategories: readonly DataCategory[];
  /** Field names or dotted paths (`people.alias`), never values; a segment must start with a letter. */
  readonly fields: readonly string[];
  /** Why the data was touched, as an upper-case code: `CASE_WORK`, `VERIFICATION`, `HANDOFF`. */
  readonly purpose: string;
  /** The access policy's reason code for the decision that let the action through (or refused it). */
  readonly decisionReason: PolicyReason;
  /** Defaults to the correlation id of the request being served. */
  readonly correlationId?: string | null;
}

/** How a record's hash is computed: 1 unkeyed SHA-256 (before ADR 026), 2 HMAC under the chain key. */
export type AuditHashFormat = 1 | 2;

/** An audit record as stored: the entry, where it sits in the chain, when, and its hashes. */
export interface AuditRecord {
  /** Position in the node's chain; increasing, with gaps where a transaction rolled back. */
  readonly sequence: number;
  /** The database server's clock at the moment of appending, to the millisecond. */
  readonly occurredAt: Date;
  readonly actor: AuditActor;
  readonly action: AccessAction;
  readonly resourceType: string;
  readonly resourceId: string | null;
  /** Sorted and without duplicates. */
  readonly dataCategories: readonly DataCategory[];
  /** Sorted and without duplicates. */
  readonly fields: readonly string[];
  readonly purpose: string;
  readonly decisionReason: PolicyReason;
  readonly correlationId: string | null;
  /** How `recordHash` is computed: 2 (keyed) for every record written since ADR 026, 1 before. */
  readonly hashFormat: AuditHashFormat;
  /** `record_hash` of the record before this one, or `GENESIS_HASH` for the first. 64 hex digits. */
  readonly previousHash: string;
  /** HMAC-SHA256 (format 2) over the canonical form of everything above (see `auditRecordHash`). */
  readonly recordHash: string;
}

// The patterns are narrow on purpose: they stop a caller from slipping a value (a name, a passport
// number with spaces) into a column that must only ever hold names and codes.
const auditEntrySchema = z.object({
  actor: z.object({
    userId: z.uuid(),
    organisationId: z.uuid(),
    organisationKind: z.enum(ORGANISATION_KINDS),
    nodeId: nodeIdSchema,
  }),
  action: z.enum(ACCESS_ACTIONS as [AccessAction, ...AccessAction[]]),
  resourceType: z
    .string()
    .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'must be lower-case dashed words')
    .max(64),
  resourceId: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'must be 1-128 characters of A-Z a-z 0-9 . _ : -')
    .nullable(),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)).max(DATA_CATEGORIES.length * 4),
  fields: z
    .array(
      z
        .string()
        .max(128)
        .regex(/^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)*$/, 'must be a field name or dotted path'),
    )
    .max(500),
  purpose: z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'must be an upper-case code'),
  decisionReason: z.enum([...ALLOW_REASONS, ...DENY_REASONS]),
  correlationId: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,128}$/, 'must be 1-128 characters of A-Z a-z 0-9 . _ : -')
    .nullable(),
});

/** An entry checked and put in the form that is hashed and stored. */
export type NormalisedAuditEntry = Omit<
  AuditRecord,
  'sequence' | 'occurredAt' | 'hashFormat' | 'previousHash' | 'recordHash'
>;

/**
 * Checks an entry and returns it in stored form: only the listed properties (an actor object carrying
 * roles or a session id keeps them out of the record), categories and fields sorted and deduplicated.
 *
 * @throws AuditTrailError `AUDIT_INVALID_ENTRY` naming the property at fault, never its value.
 */
export function normaliseAuditEntry(entry: AuditEntry, ambientCorrelationId?: string): NormalisedAuditEntry {
  const parsed = auditEntrySchema.safeParse({
    ...entry,
    correlationId: entry.correlationId ?? ambientCorrelationId ?? null,
  });
  if (!parsed.success) {
    throw new AuditTrailError(
      'AUDIT_INVALID_ENTRY',
      `audit entry refused: ${parsed.error.issues
        .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
        .join('; ')}`,
    );
  }
  const value = parsed.data;
  return {
    ...value,
    dataCategories: sortedUnique(value.dataCategories),
    fields: sortedUnique(value.fields),
  };
}

function sortedUnique<T extends string>(values: readonly T[]): T[] {
  return [...new Set(values)].sort();
}
