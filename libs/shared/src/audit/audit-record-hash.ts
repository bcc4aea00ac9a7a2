import { createHash } from 'node:crypto';
import { canonicalJson } from '../exchange/canonical-json.js';
import type { AuditRecord } from './audit-entry.js';

/** The `previous_hash` of the first record of a chain: 64 zeros, which no SHA-256 output is expected to be. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The version of the hashed form, hashed with every record. A future change of what is hashed gets a new
 * number (and a column saying which rows use it), so old and new records can both still be verified.
 */
export const AUDIT_HASH_FORMAT = 1;

/**
 * The record hash: SHA-256 over the canonical JSON (sorted keys, no whitespace; see `canonicalJson`) of
 * every stored property of the record except the hash itself, the previous hash included. Changing any
 * property, or the record a row claims to follow, changes the hash.
 */
export function auditRecordHash(record: Omit<AuditRecord, 'recordHash'>): string {
  const hashed = {
    format: AUDIT_HASH_FORMAT,
    sequence: record.sequence,
    occurredAt: record.occurredAt.toISOString(),
    actor: {
      userId: record.actor.userId,
      organisationId: record.actor.organisationId,
      organisationKind: record.actor.organisationKind,
      nodeId: record.actor.nodeId,
    },
    action: record.action,
    resourceType: record.resourceType,
    resourceId: record.resourceId,
    dataCategories: [...record.dataCategories],
    fields: [...record.fields],
    purpose: record.purpose,
    decisionReason: record.decisionReason,
    correlationId: record.correlationId,
    previousHash: record.previousHash,
  };
  return createHash('sha256').update(canonicalJson(hashed), 'utf8').digest('hex');
}
