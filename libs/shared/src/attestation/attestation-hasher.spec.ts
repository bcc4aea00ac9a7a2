import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { generateAttestationCode, parseAttestationCode } from './attestation-code.js';
import { AttestationHasher } from './attestation-hasher.js';
import { InvalidDocumentNumberError } from './attestation.errors.js';

const current = { id: 'kh-2026-11', secret: randomBytes(32) };
const retired = { id: 'kh-2026-05', secret: randomBytes(32) };
const hasher = new AttestationHasher([current, retired]);
const code = generateAttestationCode();

describe('AttestationHasher', () => {
  it('issues under the current key and stores neither the code nor the document number', () => {
    const digests = hasher.digestsForIssue(code, 'AB1234567');
    expect(digests.keyId).toBe('kh-2026-11');
    expect(digests.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(digests.documentBinding).toMatch(/^[0-9a-f]{64}$/);
    const stored = JSON.stringify(digests);
    expect(stored).not.toContain('AB1234567');
    expect(stored).not.toContain(code.slice(4, 9));
  });

  it('is keyed: another node key gives unrelated hashes, so a table reader without the key cannot test guesses', () => {
    const other = new AttestationHasher([{ id: current.id, secret: randomBytes(32) }]);
    expect(other.codeHash(code, current.id)).not.toBe(hasher.codeHash(code, current.id));
    expect(other.documentBinding(code, 'AB1234567', current.id)).not.toBe(
      hasher.documentBinding(code, 'AB1234567', current.id),
    );
  });

  it('binds the document number to the code: the same document under another code does not match', () => {
    const { keyId, documentBinding } = hasher.digestsForIssue(code, 'AB1234567');
    const otherCode = generateAttestationCode();
    expect(hasher.bindingMatches(code, 'AB1234567', keyId, documentBinding)).toBe(true);
    expect(hasher.bindingMatches(code, 'ab 123 4567', keyId, documentBinding)).toBe(true);
    expect(hasher.bindingMatches(code, 'AB1234568', keyId, documentBinding)).toBe(false);
    expect(hasher.bindingMatches(otherCode, 'AB1234567', keyId, documentBinding)).toBe(false);
    expect(hasher.bindingMatches(code, 'AB1234567', 'unknown-key', documentBinding)).toBe(false);
    expect(hasher.bindingMatches(code, 'AB1234567', keyId, 'not-hex')).toBe(false);
  });

  it('never gives a code hash equal to a document binding (the inputs are labelled)', () => {
    expect(hasher.codeHash(code, current.id)).not.toBe(hasher.documentBinding(code, 'X', current.id));
  });

  it('offers the lookup under every key, current first, so rotation keeps old attestations verifiable', () => {
    expect(hasher.codeHashes(code)).toEqual([
      { keyId: 'kh-2026-11', codeHash: hasher.codeHash(code, 'kh-2026-11') },
      { keyId: 'kh-2026-05', codeHash: hasher.codeHash(code, 'kh-2026-05') },
    ]);
    expect(hasher.codeHash(parseAttestationCode(code.toLowerCase()), current.id)).toBe(
      hasher.codeHash(code, current.id),
    );
  });

  it('refuses an empty document number', () => {
    expect(() => hasher.digestsForIssue(code, ' - ')).toThrow(InvalidDocumentNumberError);
  });

  it.each([
    ['no key', []],
    ['a short key', [{ id: 'k', secret: randomBytes(16) }]],
    ['a duplicate id', [current, { ...retired, id: current.id }]],
  ])('refuses %s', (_label, keys) => {
    expect(() => new AttestationHasher(keys)).toThrow(RangeError);
  });
});
