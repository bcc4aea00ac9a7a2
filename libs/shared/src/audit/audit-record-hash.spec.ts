import { describe, expect, it } from '@jest/globals';
import type { AuditRecord } from './audit-entry.js';
import { GENESIS_HASH, auditRecordHash } from './audit-record-hash.js';

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
  previousHash: GENESIS_HASH,
};

describe('auditRecordHash', () => {
  it('is a hex SHA-256, the same for the same record whatever the property order', () => {
    const reordered = Object.fromEntries(Object.entries(record).reverse()) as typeof record;
    expect(auditRecordHash(record)).toMatch(/^[0-9a-f]{64}$/);
    expect(auditRecordHash(reordered)).toBe(auditRecordHash(record));
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
    expect(auditRecordHash({ ...record, ...change })).not.toBe(auditRecordHash(record));
  });

  it('does not confuse list boundaries (["a,b"] vs ["a", "b"])', () => {
    expect(auditRecordHash({ ...record, fields: ['a', 'b'] })).not.toBe(
      auditRecordHash({ ...record, fields: ['a,b'] }),
    );
  });
});
