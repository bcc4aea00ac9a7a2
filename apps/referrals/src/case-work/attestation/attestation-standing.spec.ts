import { describe, expect, it } from '@jest/globals';
import { IDENTIFICATION_STATUSES, type IdentificationStatus } from '@passage/schemas';
import { IDENTIFICATION_TRANSITIONS } from '../identification/identification-lifecycle.js';
import { standingAfterDecision, standingOf } from './attestation-standing.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const LATER = new Date('2027-01-01T00:00:00Z');

describe('what a decision does to the attestations of its jurisdiction', () => {
  /** Every transition the lifecycle allows, and the first decisions (from nothing). */
  const transitions: [IdentificationStatus | null, IdentificationStatus][] = [
    ...(['PENDING', 'REASONABLE_GROUNDS', 'NOT_IDENTIFIED'] as const).map(
      (status) => [null, status] as [null, IdentificationStatus],
    ),
    ...IDENTIFICATION_STATUSES.flatMap((from) =>
      IDENTIFICATION_TRANSITIONS[from].map(
        (to) => [from, to] as [IdentificationStatus, IdentificationStatus],
      ),
    ),
  ];

  const expected: Record<string, string | null> = {
    'null>PENDING': null,
    'null>REASONABLE_GROUNDS': null,
    'null>NOT_IDENTIFIED': 'SUSPEND NEGATIVE_DECISION',
    'PENDING>REASONABLE_GROUNDS': null,
    'PENDING>NOT_IDENTIFIED': 'SUSPEND NEGATIVE_DECISION',
    'REASONABLE_GROUNDS>IDENTIFIED': null,
    'REASONABLE_GROUNDS>NOT_IDENTIFIED': 'SUSPEND NEGATIVE_DECISION',
    'NOT_IDENTIFIED>APPEALED': 'REINSTATE APPEAL_LODGED',
    'APPEALED>IDENTIFIED': null,
    'APPEALED>NOT_IDENTIFIED': 'REVOKE NEGATIVE_APPEAL_OUTCOME',
  };

  it('covers every transition of the lifecycle', () => {
    expect(transitions.map(([from, to]) => `${from}>${to}`).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(transitions)('%s → %s', (from, to) => {
    const change = standingAfterDecision(to, from);
    expect(change && `${change.change} ${change.reason}`).toBe(expected[`${from}>${to}`]);
  });
});

describe('where an attestation stands', () => {
  const valid = { revokedAt: null, suspendedAt: null, validUntil: LATER };

  it('is valid until the instant it ends, then expired', () => {
    expect(standingOf(valid, NOW)).toBe('VALID');
    expect(standingOf(valid, LATER)).toBe('EXPIRED');
  });

  it('puts revocation over suspension over expiry', () => {
    expect(standingOf({ ...valid, suspendedAt: NOW }, LATER)).toBe('SUSPENDED');
    expect(standingOf({ ...valid, suspendedAt: NOW, revokedAt: NOW }, NOW)).toBe('REVOKED');
  });
});
