import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from '../exchange/canonical-json.js';
import type { AuditHashFormat, AuditRecord } from './audit-entry.js';

/** The `previous_hash` of the first record of a chain: 64 zeros, which no SHA-256 output is expected to be. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The versions of the hashed form, stored with every record (`hash_format`) and hashed with it:
 * - 1, unkeyed SHA-256: records written before ADR 026. Anyone who can write the table could recompute
 *   it, so it survives only as the prefix of a chain that keyed records continue.
 * - 2, HMAC-SHA256 under the node's audit chain key, which lives in the service's configuration and never
 *   in the database: whoever rewrites a row cannot give it a matching hash.
 */
export const AUDIT_HASH_FORMAT: AuditHashFormat = 2;

/** The smallest audit chain key: 32 bytes, the HMAC-SHA256 block of security it needs. */
const MIN_KEY_BYTES = 32;

/** The secret the chain is keyed with. Opaque, so it is not printed or compared by accident. */
export class AuditChainKey {
  private constructor(private readonly secret: Buffer) {}

  /**
   * @param encoded at least 32 random bytes in base64 or base64url (`AUDIT_CHAIN_KEY`).
   * @throws RangeError for a shorter or malformed key, naming neither the key nor its bytes.
   */
  static fromBase64(encoded: string): AuditChainKey {
    const text = encoded.trim();
    const secret = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (!/^[A-Za-z0-9+/_=-]+$/.test(text) || secret.length < MIN_KEY_BYTES) {
      throw new RangeError(
        `the audit chain key must be at least ${MIN_KEY_BYTES} bytes in base64 or base64url`,
      );
    }
    return new AuditChainKey(secret);
  }

  /** Hex HMAC-SHA256 of `text` under this key. */
  mac(text: string): string {
    return createHmac('sha256', this.secret).update(text, 'utf8').digest('hex');
  }

  toJSON(): string {
    return '[audit chain key]';
  }
}

/**
 * The record hash: over the canonical JSON (sorted keys, no whitespace; see `canonicalJson`) of every
 * stored property of the record except the hash itself, the format and the previous hash included.
 * Changing any property, or the record a row claims to follow, changes the hash. Format 2 is an HMAC
 * under `key`; format 1 (legacy) is plain SHA-256 and ignores the key.
 */
export function auditRecordHash(record: Omit<AuditRecord, 'recordHash'>, key: AuditChainKey): string {
  const hashed = canonicalJson({
    format: record.hashFormat,
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
  });
  if (record.hashFormat === 1) return createHash('sha256').update(hashed, 'utf8').digest('hex');
  if (record.hashFormat === 2) return key.mac(`passage.audit.record.v2|${hashed}`);
  throw new RangeError(`unknown audit hash format ${String(record.hashFormat)}`);
}
