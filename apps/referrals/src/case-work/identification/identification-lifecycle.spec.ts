import { describe, expect, it } from '@jest/globals';
import { IDENTIFICATION_STATUSES, type IdentificationStatus } from '@passage/schemas';
import {
  allowedIdentificationTransitions,
  assertIdentificationTransition,
  grantsNonPunishmentProtection,
} from './identification-lifecycle.js';
import { InvalidTransitionError } from '../../platform/index.js';

const VALID: ReadonlyArray<[IdentificationStatus, IdentificationStatus]> = [
  ['PENDING', 'REASONABLE_GROUNDS'],
  ['PENDING', 'NOT_IDENTIFIED'],
  ['REASONABLE_GROUNDS', 'IDENTIFIED'],
  ['REASONABLE_GROUNDS', 'NOT_IDENTIFIED'],
  ['NOT_IDENTIFIED', 'APPEALED'],
  ['APPEALED', 'IDENTIFIED'],
  ['APPEALED', 'NOT_IDENTIFIED'],
];
const VALID_KEYS = new Set(VALID.map(([from, to]) => `${from}>${to}`));

describe('identification lifecycle', () => {
  it.each(VALID)('allows %s → %s', (from, to) => {
    expect(() => assertIdentificationTransition(from, to)).not.toThrow();
    expect(allowedIdentificationTransitions(from)).toContain(to);
  });

  it('refuses every other pair of statuses', () => {
    for (const from of IDENTIFICATION_STATUSES) {
      for (const to of IDENTIFICATION_STATUSES) {
        if (VALID_KEYS.has(`${from}>${to}`)) continue;
        expect(() => assertIdentificationTransition(from, to)).toThrow(InvalidTransitionError);
        expect(allowedIdentificationTransitions(from)).not.toContain(to);
      }
    }
  });

  it.each([
    ['PENDING', 'IDENTIFIED'],
    ['IDENTIFIED', 'NOT_IDENTIFIED'],
    ['NOT_IDENTIFIED', 'IDENTIFIED'],
    ['REASONABLE_GROUNDS', 'APPEALED'],
    ['APPEALED', 'PENDING'],
  ] as const)('refuses %s → %s with a coded error naming both', (from, to) => {
    expect(() => assertIdentificationTransition(from, to)).toThrow(
      expect.objectContaining({
        code: 'INVALID_TRANSITION',
        lifecycle: 'IDENTIFICATION',
        from,
        to,
        message: expect.stringContaining(`from ${from} to ${to}`),
      }),
    );
  });

  it('makes an identification final', () => {
    expect(allowedIdentificationTransitions('IDENTIFIED')).toEqual([]);
  });

  it.each([
    ['PENDING', false],
    ['REASONABLE_GROUNDS', true],
    ['IDENTIFIED', true],
    ['NOT_IDENTIFIED', false],
    ['APPEALED', true],
  ] as const)('non-punishment protection at %s: %s', (status, expected) => {
    expect(grantsNonPunishmentProtection(status)).toBe(expected);
  });

  it('covers every status in the protection rule', () => {
    expect(IDENTIFICATION_STATUSES.filter(grantsNonPunishmentProtection)).toEqual([
      'REASONABLE_GROUNDS',
      'IDENTIFIED',
      'APPEALED',
    ]);
  });
});
