/**
 * The tamper-evident audit trail: who read or changed which personal data, for which purpose, in a
 * hash-chained, append-only table (docs/adr/008-audit-trail.md).
 */
export {
  normaliseAuditEntry,
  type AuditActor,
  type AuditEntry,
  type AuditHashFormat,
  type AuditRecord,
  type NormalisedAuditEntry,
} from './audit-entry.js';
export { AUDIT_HASH_FORMAT, AuditChainKey, GENESIS_HASH, auditRecordHash } from './audit-record-hash.js';
export {
  publishAuditHead,
  readLastPublishedHead,
  type AuditHeadOutcome,
  type PublishedAuditHead,
} from './audit-head-file.js';
export { AuditTrailTable1764000000000 } from './audit-trail-table.migration.js';
export { AuditTrailKeyedChain1765600000000 } from './audit-trail-keyed-chain.migration.js';
export { AuditTrailError } from './audit-trail.errors.js';
export {
  AuditTrail,
  MAX_AUDIT_PAGE_SIZE,
  type AuditHead,
  type AuditPage,
  type AuditPageRequest,
  type AuditQueryFilter,
  type AuditVerification,
} from './audit-trail.js';
