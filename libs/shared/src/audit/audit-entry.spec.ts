import { describe, expect, it } from '@jest/globals';
import { normaliseAuditEntry, type AuditEntry } from './audit-entry.js';
import { AuditTrailError } from './audit-trail.errors.js';

const entry: AuditEntry = {
  actor: {
    userId: '7d5b2f0e-4c1a-4f7e-9a51-0b8c2d3e4f50',
    organisationId: '1f0e9d8c-7b6a-4594-8372-61504f3e2d1c',
    organisationKind: 'NGO',
    nodeId: 'kh',
  },
  action: 'case.read',
  resourceType: 'case',
  resourceId: '3a2b1c0d-9e8f-4a6b-8c4d-3e2f1a0b9c8d',
  dataCategories: ['IDENTITY', 'HEALTH', 'IDENTITY'],
  fields: ['people.alias', 'medicalUrgency', 'people.alias'],
  purpose: 'CASE_WORK',
  decisionReason: 'ALLOWED_OWNER',
};

function refusal(candidate: unknown): AuditTrailError {
  try {
    normaliseAuditEntry(candidate as AuditEntry);
  } catch (error) {
    if (error instanceof AuditTrailError) return error;
    throw error;
  }
  throw new Error('the entry was accepted');
}

describe('normaliseAuditEntry', () => {
  it('sorts and deduplicates categories and fields', () => {
    const normalised = normaliseAuditEntry(entry);
    expect(normalised.dataCategories).toEqual(['HEALTH', 'IDENTITY']);
    expect(normalised.fields).toEqual(['medicalUrgency', 'people.alias']);
  });

  it('keeps only the audited actor properties, so roles and sessions never reach the record', () => {
    const actor = { ...entry.actor, roles: ['CASE_WORKER'], sessionId: 'x', country: 'KH' };
    expect(normaliseAuditEntry({ ...entry, actor }).actor).toEqual(entry.actor);
  });

  it('takes the ambient correlation id unless the entry names one', () => {
    expect(normaliseAuditEntry(entry, 'req-1').correlationId).toBe('req-1');
    expect(normaliseAuditEntry({ ...entry, correlationId: 'evt-2' }, 'req-1').correlationId).toBe('evt-2');
    expect(normaliseAuditEntry(entry).correlationId).toBeNull();
  });

  it.each([
    ['a value where a field name belongs', { fields: ['Somchai Phan'] }, 'fields.0'],
    ['a document number as a field name', { fields: ['AB1234567 '] }, 'fields.0'],
    ['a numeric path segment', { fields: ['people.0.alias'] }, 'fields.0'],
    ['an unknown action', { action: 'case.delete' }, 'action'],
    ['an unknown category', { dataCategories: ['BIOMETRIC'] }, 'dataCategories.0'],
    ['a lower-case purpose', { purpose: 'case work' }, 'purpose'],
    ['an unknown reason', { decisionReason: 'BECAUSE' }, 'decisionReason'],
    ['a resource type with spaces', { resourceType: 'rescue request' }, 'resourceType'],
    ['a user id that is not a uuid', { actor: { ...entry.actor, userId: 'admin' } }, 'actor.userId'],
  ])('refuses %s, naming the property but never the value', (_label, change, path) => {
    const error = refusal({ ...entry, ...change });
    expect(error.code).toBe('AUDIT_INVALID_ENTRY');
    expect(error.message).toContain(`${path}:`);
    expect(error.message).not.toContain('Somchai');
    expect(error.message).not.toContain('AB1234567');
  });

  it('accepts an action over no single record', () => {
    expect(
      normaliseAuditEntry({ ...entry, action: 'export.create', resourceId: null }).resourceId,
    ).toBeNull();
  });
});
