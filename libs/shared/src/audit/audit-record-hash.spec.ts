import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { AuditRecord } from './audit-entry.js';
import { AuditChainKey, GENESIS_HASH, auditRecordHash } from './audit-record-hash.js';

const key = AuditChainKey.fromBase64(randomBytes(32).toString('base64url'));
const otherKey = AuditChainKey.fromBase64(randomBytes(32).toString('base64'));

const record: Omit<AuditRecord, 'recordHash'> = {
  sequence: 42,
  occurredAt: new Date('2026-11-24T08:15:30.123Z'),
  actor: {
    userId: '7d5b2f0e-4c1a-4f7e-9a51-0b8c2d3e4f50',
    organisationId: '1f0e9d8c-7b6a-4594-8372-61504f3e2d1c',
    organisationKind: 'NRM_COORDINATOR',
    nodeId: 'th',
  },
  action: 'identification.decide',
  resourceType: 'case',
  resourceId: '3a2b1c0d-9e8f-4a6b-8c4d-3e2f1a0b9c8d',
  dataCategories: ['IDENTITY', 'LEGAL'],
  fields: ['decision', 'legalBasis'],
  purpose: 'CASE_WORK',
  decisionReason: 'ALLOWED_JURISDICTION',
  correlationId: 'c0ffee',
  hashFormat: 2,
  previousHash: GENESIS_HASH,
};

describe('auditRecordHash', () => {
  it('is 64 hex digits, the same for the same record whatever the property order', () => {
    const reordered = Object.fromEntries(Object.entries(record).reverse()) as typeof record;
    expect(auditRecordHash(record, key)).toMatch(/^[0-9a-f]{64}$/);
    expect(auditRecordHash(reordered, key)).toBe(auditRecordHash(record, key));
  });

  it('is keyed: without the key nobody can compute the hash of a rewritten record', () => {
    expect(auditRecordHash(record, otherKey)).not.toBe(auditRecordHash(record, key));
  });

  it('keeps the unkeyed legacy format verifiable: format 1 does not depend on the key', () => {
    const legacy = { ...record, hashFormat: 1 as const };
    expect(auditRecordHash(legacy, otherKey)).toBe(auditRecordHash(legacy, key));
    expect(auditRecordHash(legacy, key)).not.toBe(auditRecordHash(record, key));
  });

  it.each<[string, Partial<Omit<AuditRecord, 'recordHash'>>]>([
    ['sequence', { sequence: 43 }],
    ['time', { occurredAt: new Date('2026-11-24T08:15:30.124Z') }],
    ['actor', { actor: { ...record.actor, userId: '00000000-0000-4000-8000-000000000000' } }],
    ['node', { actor: { ...record.actor, nodeId: 'kh' } }],
    ['action', { action: 'case.read' }],
    ['resource', { resourceId: null }],
    ['categories', { dataCategories: ['IDENTITY'] }],
    ['fields', { fields: ['decision'] }],
    ['purpose', { purpose: 'VERIFICATION' }],
    ['reason', { decisionReason: 'ALLOWED_OWNER' }],
    ['correlation id', { correlationId: null }],
    ['previous hash', { previousHash: 'f'.repeat(64) }],
  ])('changes when the %s changes', (_label, change) => {
    expect(auditRecordHash({ ...record, ...change }, key)).not.toBe(auditRecordHash(record, key));
  });

  it('does not confuse list boundaries (["a,b"] vs ["a", "b"])', () => {
    expect(auditRecordHash({ ...record, fields: ['a', 'b'] }, key)).not.toBe(
      auditRecordHash({ ...record, fields: ['a,b'] }, key),
    );
  });
});

describe('AuditChainKey', () => {
  it('refuses a key shorter than 32 bytes or not in base64', () => {
    expect(() => AuditChainKey.fromBase64(randomBytes(31).toString('base64url'))).toThrow(
      /at least 32 bytes/,
    );
    expect(() => AuditChainKey.fromBase64(`${'x'.repeat(50)}!`)).toThrow(/at least 32 bytes/);
  });

  it('never prints its secret', () => {
    const encoded = randomBytes(32).toString('base64url');
    expect(JSON.stringify({ key: AuditChainKey.fromBase64(encoded) })).not.toContain(encoded);
  });
});
