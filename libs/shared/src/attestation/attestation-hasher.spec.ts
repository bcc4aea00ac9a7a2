import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { generateAttestationCode, parseAttestationCode } from './attestation-code.js';
import { AttestationHasher, boundTo, type StoredBindings } from './attestation-hasher.js';
import { InvalidDateOfBirthError, InvalidDocumentNumberError } from './attestation.errors.js';
import type { HolderProof } from './holder-proof.js';

const current = { id: 'kh-2026-11', secret: randomBytes(32) };
const retired = { id: 'kh-2026-05', secret: randomBytes(32) };
const hasher = new AttestationHasher([current, retired]);
const code = generateAttestationCode();

const document = (value: string): HolderProof => ({ binding: 'DOCUMENT', value });

/** A row as a service stores it after issuing. */
function issued(issuedCode = code, holder: Parameters<AttestationHasher['digestsForIssue']>[1]) {
  const digests = hasher.digestsForIssue(issuedCode, holder);
  const stored: StoredBindings = {
    keyId: digests.keyId,
    attestationId: randomUUID(),
    bindingSubject: 'CODE',
    documentBinding: digests.documentBinding,
    dateOfBirthBinding: digests.dateOfBirthBinding,
    holderPinBinding: digests.holderPinBinding,
  };
  return { digests, stored };
}

describe('AttestationHasher', () => {
  it('issues under the current key and stores neither the code nor the document number', () => {
    const { digests } = issued(code, { documentNumber: 'AB1234567' });
    expect(digests.keyId).toBe('kh-2026-11');
    expect(digests.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(digests.documentBinding).toMatch(/^[0-9a-f]{64}$/);
    expect(digests.dateOfBirthBinding).toBeNull();
    expect(digests.holderPinBinding).toBeNull();
    const stored = JSON.stringify(digests);
    expect(stored).not.toContain('AB1234567');
    expect(stored).not.toContain(code.slice(4, 9));
  });

  it('is keyed: another node key gives unrelated hashes, so a table reader without the key cannot test guesses', () => {
    const other = new AttestationHasher([{ id: current.id, secret: randomBytes(32) }]);
    expect(other.codeHash(code, current.id)).not.toBe(hasher.codeHash(code, current.id));
    expect(other.digestsForIssue(code, { documentNumber: 'AB1234567' }).documentBinding).not.toBe(
      hasher.digestsForIssue(code, { documentNumber: 'AB1234567' }).documentBinding,
    );
  });

  it('binds the document number to the code: the same document under another code does not match', () => {
    const { stored } = issued(code, { documentNumber: 'AB1234567' });
    const otherCode = generateAttestationCode();
    expect(hasher.holderMatches(code, stored, document('AB1234567'))).toBe(true);
    expect(hasher.holderMatches(code, stored, document('ab 123 4567'))).toBe(true);
    expect(hasher.holderMatches(code, stored, document('AB1234568'))).toBe(false);
    expect(hasher.holderMatches(otherCode, stored, document('AB1234567'))).toBe(false);
    expect(hasher.holderMatches(code, { ...stored, keyId: 'unknown-key' }, document('AB1234567'))).toBe(
      false,
    );
    expect(hasher.holderMatches(code, { ...stored, documentBinding: 'not-hex' }, document('AB1234567'))).toBe(
      false,
    );
  });

  it('binds a date of birth and a holder PIN each under its own label, and matches only the kind asked', () => {
    const { digests, stored } = issued(code, { dateOfBirth: '1994-07-02', holderPin: '482913' });
    expect(digests.documentBinding).toBeNull();
    expect(boundTo(digests)).toEqual(['DATE_OF_BIRTH', 'HOLDER_PIN']);
    expect(hasher.holderMatches(code, stored, { binding: 'DATE_OF_BIRTH', value: '1994-07-02' })).toBe(true);
    expect(hasher.holderMatches(code, stored, { binding: 'DATE_OF_BIRTH', value: '1994-07-03' })).toBe(false);
    expect(hasher.holderMatches(code, stored, { binding: 'HOLDER_PIN', value: '482913' })).toBe(true);
    // The PIN is no date of birth and no document: the same digits under another kind never match.
    expect(hasher.holderMatches(code, stored, { binding: 'DOCUMENT', value: '482913' })).toBe(false);
    // Even moved into the document column, a PIN's binding is not a document's: the labels differ.
    expect(
      hasher.holderMatches(code, { ...stored, documentBinding: stored.holderPinBinding }, document('482913')),
    ).toBe(false);
  });

  it('re-binds to a later document over the attestation id, without the code, for that attestation only', () => {
    const { stored } = issued(code, { holderPin: '482913' });
    const rebound: StoredBindings = {
      ...stored,
      ...hasher.bindingsForRebinding(stored.attestationId, stored.keyId, { documentNumber: 'ETD-009911' }),
      bindingSubject: 'ATTESTATION',
    };
    expect(boundTo(rebound)).toEqual(['DOCUMENT']);
    expect(hasher.holderMatches(code, rebound, document('ETD009911'))).toBe(true);
    expect(hasher.holderMatches(code, rebound, { binding: 'HOLDER_PIN', value: '482913' })).toBe(false);
    // Copied onto another attestation's row, the binding does not match there.
    expect(
      hasher.holderMatches(code, { ...rebound, attestationId: randomUUID() }, document('ETD009911')),
    ).toBe(false);
    // Made over the id, it differs from a binding made over a code for the same document.
    expect(rebound.documentBinding).not.toBe(
      hasher.digestsForIssue(code, { documentNumber: 'ETD009911' }).documentBinding,
    );
  });

  it('re-binds under the key the code hash was made with, not the current one', () => {
    const older = new AttestationHasher([retired]);
    const olderCode = generateAttestationCode();
    const { keyId } = older.digestsForIssue(olderCode, { holderPin: '111111' });
    const attestationId = randomUUID();
    const rebound = hasher.bindingsForRebinding(attestationId, keyId, { documentNumber: 'P1' });
    const stored: StoredBindings = { ...rebound, keyId, attestationId, bindingSubject: 'ATTESTATION' };
    expect(hasher.holderMatches(olderCode, stored, document('P1'))).toBe(true);
  });

  it('never gives a code hash equal to a binding (the inputs are labelled)', () => {
    const digests = hasher.digestsForIssue(code, { documentNumber: 'X', dateOfBirth: '2000-01-01' });
    expect(digests.codeHash).not.toBe(digests.documentBinding);
    expect(digests.codeHash).not.toBe(digests.dateOfBirthBinding);
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

  it('refuses an empty document number, a malformed date, and an attestation bound to nothing', () => {
    expect(() => hasher.digestsForIssue(code, { documentNumber: ' - ' })).toThrow(InvalidDocumentNumberError);
    expect(() => hasher.digestsForIssue(code, { dateOfBirth: '1994-02-30' })).toThrow(
      InvalidDateOfBirthError,
    );
    expect(() => hasher.digestsForIssue(code, {})).toThrow(RangeError);
    expect(() => hasher.bindingsForRebinding(randomUUID(), 'unknown-key', { documentNumber: 'P1' })).toThrow(
      RangeError,
    );
  });

  it.each([
    ['no key', []],
    ['a short key', [{ id: 'k', secret: randomBytes(16) }]],
    ['a duplicate id', [current, { ...retired, id: current.id }]],
  ])('refuses %s', (_label, keys) => {
    expect(() => new AttestationHasher(keys)).toThrow(RangeError);
  });
});
