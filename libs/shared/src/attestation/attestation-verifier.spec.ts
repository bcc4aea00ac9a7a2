import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { generateAttestationCode, type AttestationCode } from './attestation-code.js';
import { AttestationHasher } from './attestation-hasher.js';
import {
  AttestationVerifier,
  type AttestationLookup,
  type StoredAttestation,
} from './attestation-verifier.js';
import { InvalidAttestationCodeError, InvalidDocumentNumberError } from './attestation.errors.js';

const NOW = new Date('2026-12-01T10:00:00Z');
const VALID_UNTIL = new Date('2027-03-01T00:00:00Z');

describe('AttestationVerifier', () => {
  const oldKey = { id: 'old', secret: randomBytes(32) };
  const newKey = { id: 'new', secret: randomBytes(32) };
  let table: Map<string, StoredAttestation>;
  let lookup: jest.Mock<AttestationLookup>;
  let now: Date;
  let verifier: AttestationVerifier;
  let code: AttestationCode;

  /** Issues like a service would: stores only the digests, keyed by code hash. */
  function issue(
    hasher: AttestationHasher,
    documentNumber: string,
    overrides: Partial<StoredAttestation> = {},
  ) {
    const issued = generateAttestationCode();
    const digests = hasher.digestsForIssue(issued, documentNumber);
    table.set(digests.codeHash, {
      keyId: digests.keyId,
      documentBinding: digests.documentBinding,
      validUntil: VALID_UNTIL,
      revokedAt: null,
      issuedBy: 'National Referral Coordination Office (KH)',
      ...overrides,
    });
    return issued;
  }

  beforeEach(() => {
    table = new Map();
    lookup = jest.fn<AttestationLookup>(async (codeHash) => table.get(codeHash) ?? null);
    now = NOW;
    verifier = new AttestationVerifier(new AttestationHasher([newKey, oldKey]), lookup, () => now);
    code = issue(new AttestationHasher([newKey]), 'EB0123456');
  });

  it('confirms a valid attestation with its end and issuer, and nothing else', async () => {
    await expect(verifier.verify({ code, documentNumber: 'eb 012 3456' })).resolves.toEqual({
      status: 'VALID',
      validUntil: VALID_UNTIL,
      issuedBy: 'National Referral Coordination Office (KH)',
    });
  });

  it('answers NOT_FOUND for a wrong document number exactly as for an unknown code', async () => {
    const wrongDocument = await verifier.verify({ code, documentNumber: 'EB0123457' });
    const unknownCode = await verifier.verify({
      code: generateAttestationCode(),
      documentNumber: 'EB0123456',
    });
    expect(wrongDocument).toEqual({ status: 'NOT_FOUND' });
    expect(unknownCode).toEqual(wrongDocument);
  });

  it('reports an attestation past its end as EXPIRED, from the very instant it ends', async () => {
    now = new Date(VALID_UNTIL.getTime() - 1);
    expect((await verifier.verify({ code, documentNumber: 'EB0123456' })).status).toBe('VALID');
    now = VALID_UNTIL;
    await expect(verifier.verify({ code, documentNumber: 'EB0123456' })).resolves.toEqual({
      status: 'EXPIRED',
      validUntil: VALID_UNTIL,
      issuedBy: 'National Referral Coordination Office (KH)',
    });
  });

  it('reports a revoked attestation as REVOKED with its issuer only, even once expired', async () => {
    const revoked = issue(new AttestationHasher([newKey]), 'P998877', { revokedAt: new Date('2026-11-30') });
    await expect(verifier.verify({ code: revoked, documentNumber: 'P998877' })).resolves.toEqual({
      status: 'REVOKED',
      issuedBy: 'National Referral Coordination Office (KH)',
    });
    now = new Date('2028-01-01');
    expect((await verifier.verify({ code: revoked, documentNumber: 'P998877' })).status).toBe('REVOKED');
  });

  it('does not reveal a revoked or expired attestation to someone without the document number', async () => {
    const revoked = issue(new AttestationHasher([newKey]), 'P998877', { revokedAt: NOW });
    await expect(verifier.verify({ code: revoked, documentNumber: 'P998878' })).resolves.toEqual({
      status: 'NOT_FOUND',
    });
  });

  it('still verifies attestations issued under a retired key', async () => {
    const older = issue(new AttestationHasher([oldKey]), 'K5550001');
    expect((await verifier.verify({ code: older, documentNumber: 'K5550001' })).status).toBe('VALID');
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it('ignores a row whose key id does not match the key its hash was looked up with', async () => {
    const [stored] = table.values();
    table.set([...table.keys()][0], { ...stored, keyId: 'old' });
    expect((await verifier.verify({ code, documentNumber: 'EB0123456' })).status).toBe('NOT_FOUND');
  });

  it('refuses a mistyped code or an empty document number before looking anything up', async () => {
    const typo = code.slice(0, -1) + (code.endsWith('2') ? '3' : '2');
    await expect(verifier.verify({ code: typo, documentNumber: 'EB0123456' })).rejects.toBeInstanceOf(
      InvalidAttestationCodeError,
    );
    await expect(verifier.verify({ code, documentNumber: ' / ' })).rejects.toBeInstanceOf(
      InvalidDocumentNumberError,
    );
    expect(lookup).not.toHaveBeenCalled();
  });
});
