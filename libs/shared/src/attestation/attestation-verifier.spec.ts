import { randomBytes, randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { generateAttestationCode, type AttestationCode } from './attestation-code.js';
import { AttestationHasher } from './attestation-hasher.js';
import {
  AttestationVerifier,
  type AttestationLookup,
  type StoredAttestation,
} from './attestation-verifier.js';
import {
  HolderProofError,
  InvalidAttestationCodeError,
  InvalidDateOfBirthError,
  InvalidDocumentNumberError,
  InvalidHolderPinError,
} from './attestation.errors.js';
import type { HolderFacts } from './holder-proof.js';

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
    holder: string | HolderFacts,
    overrides: Partial<StoredAttestation> = {},
  ) {
    const issued = generateAttestationCode();
    const digests = hasher.digestsForIssue(
      issued,
      typeof holder === 'string' ? { documentNumber: holder } : holder,
    );
    table.set(digests.codeHash, {
      keyId: digests.keyId,
      attestationId: randomUUID(),
      bindingSubject: 'CODE',
      documentBinding: digests.documentBinding,
      dateOfBirthBinding: digests.dateOfBirthBinding,
      holderPinBinding: digests.holderPinBinding,
      validUntil: VALID_UNTIL,
      revokedAt: null,
      suspendedAt: null,
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

  describe('for a holder without a document', () => {
    let withoutDocument: AttestationCode;

    beforeEach(() => {
      withoutDocument = issue(new AttestationHasher([newKey]), {
        dateOfBirth: '1994-07-02',
        holderPin: '482913',
      });
    });

    it('confirms with the date of birth or with the PIN, however typed', async () => {
      const valid = {
        status: 'VALID',
        validUntil: VALID_UNTIL,
        issuedBy: 'National Referral Coordination Office (KH)',
      };
      await expect(verifier.verify({ code: withoutDocument, dateOfBirth: '1994-07-02' })).resolves.toEqual(
        valid,
      );
      await expect(verifier.verify({ code: withoutDocument, holderPin: '482 913' })).resolves.toEqual(valid);
      await expect(verifier.verify({ code: withoutDocument, holderPin: '๔๘๒๙๑๓' })).resolves.toEqual(valid);
    });

    it('answers a wrong date, a wrong PIN or a document number exactly as an unknown code', async () => {
      for (const proof of [
        { dateOfBirth: '1994-07-03' },
        { holderPin: '482914' },
        { documentNumber: '482913' },
      ]) {
        await expect(verifier.verify({ code: withoutDocument, ...proof })).resolves.toEqual({
          status: 'NOT_FOUND',
        });
      }
    });

    it('answers SUSPENDED with the issuer only, and REVOKED over SUSPENDED', async () => {
      const suspended = issue(new AttestationHasher([newKey]), { holderPin: '000111' }, { suspendedAt: NOW });
      await expect(verifier.verify({ code: suspended, holderPin: '000111' })).resolves.toEqual({
        status: 'SUSPENDED',
        issuedBy: 'National Referral Coordination Office (KH)',
      });
      await expect(verifier.verify({ code: suspended, holderPin: '000112' })).resolves.toEqual({
        status: 'NOT_FOUND',
      });
      const both = issue(
        new AttestationHasher([newKey]),
        { holderPin: '000111' },
        { suspendedAt: NOW, revokedAt: NOW },
      );
      expect((await verifier.verify({ code: both, holderPin: '000111' })).status).toBe('REVOKED');
    });

    it('verifies a row re-bound to a document over its id, and no longer with what it was bound to before', async () => {
      const [codeHash, stored] = [...table.entries()].find(([, row]) => row.holderPinBinding !== null)!;
      const rebinder = new AttestationHasher([newKey]);
      table.set(codeHash, {
        ...stored,
        ...rebinder.bindingsForRebinding(stored.attestationId, stored.keyId, { documentNumber: 'ETD 77' }),
        bindingSubject: 'ATTESTATION',
      });
      expect((await verifier.verify({ code: withoutDocument, documentNumber: 'etd77' })).status).toBe(
        'VALID',
      );
      expect((await verifier.verify({ code: withoutDocument, holderPin: '482913' })).status).toBe(
        'NOT_FOUND',
      );
    });

    it('needs exactly one proof, well formed, before looking anything up', async () => {
      await expect(verifier.verify({ code: withoutDocument })).rejects.toMatchObject({
        constructor: HolderProofError,
        details: { field: 'documentNumber', reason: 'HOLDER_PROOF_MISSING' },
      });
      await expect(
        verifier.verify({ code: withoutDocument, dateOfBirth: '1994-07-02', holderPin: '482913' }),
      ).rejects.toMatchObject({ details: { field: 'holderPin', reason: 'HOLDER_PROOF_SEVERAL' } });
      await expect(
        verifier.verify({ code: withoutDocument, dateOfBirth: '02/07/1994' }),
      ).rejects.toBeInstanceOf(InvalidDateOfBirthError);
      await expect(verifier.verify({ code: withoutDocument, holderPin: '48291' })).rejects.toBeInstanceOf(
        InvalidHolderPinError,
      );
      expect(lookup).not.toHaveBeenCalled();
    });
  });
});
