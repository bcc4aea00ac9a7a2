import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  matchRecoveryCode,
  normalizeRecoveryCode,
} from './recovery-codes.js';

const SHAPE = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

describe('generateRecoveryCodes', () => {
  it('makes ten distinct codes of four groups from the unambiguous alphabet by default', () => {
    const codes = generateRecoveryCodes();

    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(SHAPE);
  });

  it('uses every symbol of the alphabet and nothing else', () => {
    const symbols = new Set(generateRecoveryCodes(100).join('').replaceAll('-', ''));

    expect([...symbols].sort().join('')).toBe('23456789ABCDEFGHJKLMNPQRSTUVWXYZ');
  });

  it.each([0, -1, 2.5, 101])('rejects a count of %p', (count) => {
    expect(() => generateRecoveryCodes(count)).toThrow(
      expect.objectContaining({ code: 'RECOVERY_CODE_COUNT_INVALID' }),
    );
  });
});

describe('hashRecoveryCode', () => {
  it('is SHA-256 hex of the normalised code', () => {
    expect(hashRecoveryCode('abcd-efgh-jkmn-pqrs')).toBe(
      createHash('sha256').update('ABCDEFGHJKMNPQRS').digest('hex'),
    );
  });

  it('ignores case, dashes and spaces', () => {
    expect(normalizeRecoveryCode(' abcd efgh-JKMN--pqrs ')).toBe('ABCDEFGHJKMNPQRS');
    expect(hashRecoveryCode('abcdefghjkmnpqrs')).toBe(hashRecoveryCode('ABCD-EFGH-JKMN-PQRS'));
  });
});

describe('matchRecoveryCode', () => {
  const codes = generateRecoveryCodes(5);
  const hashes = codes.map(hashRecoveryCode);

  it('returns the index of the matching hash', () => {
    expect(matchRecoveryCode(codes[3]!, hashes)).toBe(3);
    expect(matchRecoveryCode(codes[0]!.toLowerCase().replaceAll('-', ' '), hashes)).toBe(0);
  });

  it('returns -1 for an unknown code, an empty list or malformed stored hashes', () => {
    expect(matchRecoveryCode(generateRecoveryCodes(1)[0]!, hashes)).toBe(-1);
    expect(matchRecoveryCode(codes[0]!, [])).toBe(-1);
    expect(matchRecoveryCode(codes[0]!, ['', 'zz', hashes[0]!.slice(2)])).toBe(-1);
  });

  it('finds the first of duplicated hashes', () => {
    expect(matchRecoveryCode(codes[1]!, [hashes[0]!, hashes[1]!, hashes[1]!])).toBe(1);
  });
});
