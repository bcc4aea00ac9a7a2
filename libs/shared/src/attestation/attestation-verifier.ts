import { parseAttestationCode } from './attestation-code.js';
import type { AttestationHasher } from './attestation-hasher.js';
import { normaliseDocumentNumber } from './document-number.js';

/** What the verifier needs from a stored attestation, found by its code hash. */
export interface StoredAttestation {
  /** The key the row's hashes were made with. */
  readonly keyId: string;
  readonly documentBinding: string;
  /** Exclusive: the attestation protects until this instant. */
  readonly validUntil: Date;
  /** Set once the issuer withdrew the attestation (or replaced it). */
  readonly revokedAt: Date | null;
  /** The issuing organisation's display name. */
  readonly issuedBy: string;
}

/** Finds the attestation stored under `codeHash` made with key `keyId`, or `null`. */
export type AttestationLookup = (codeHash: string, keyId: string) => Promise<StoredAttestation | null>;

/**
 * Everything a verifier ever learns. `NOT_FOUND` also answers a right code with a wrong document number,
 * so a code alone tells nothing. An expired attestation still names its end and issuer (whom to ask for a
 * new one); a revoked one names only the issuer.
 */
export type AttestationVerification =
  | { readonly status: 'VALID'; readonly validUntil: Date; readonly issuedBy: string }
  | { readonly status: 'EXPIRED'; readonly validUntil: Date; readonly issuedBy: string }
  | { readonly status: 'REVOKED'; readonly issuedBy: string }
  | { readonly status: 'NOT_FOUND' };

/**
 * Answers "does this code, with this document, prove a current protection attestation?" — the one
 * question an immigration officer may ask (reasonable grounds already protect from detention and fines). Pure apart from the injected lookup and
 * clock; the caller has already applied the access policy (`attestation.verify`) and the
 * `VerificationRateLimiter`, and audits the verification.
 */
export class AttestationVerifier {
  constructor(
    private readonly hasher: AttestationHasher,
    private readonly lookup: AttestationLookup,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * @throws InvalidAttestationCodeError for a code that is malformed or mistyped (nothing is looked up).
   * @throws InvalidDocumentNumberError for an empty document number.
   */
  async verify(input: { code: string; documentNumber: string }): Promise<AttestationVerification> {
    const code = parseAttestationCode(input.code);
    normaliseDocumentNumber(input.documentNumber); // refuses an empty number before any lookup
    for (const { keyId, codeHash } of this.hasher.codeHashes(code)) {
      const stored = await this.lookup(codeHash, keyId);
      if (!stored || stored.keyId !== keyId) continue;
      if (!this.hasher.bindingMatches(code, input.documentNumber, keyId, stored.documentBinding)) {
        return { status: 'NOT_FOUND' };
      }
      if (stored.revokedAt !== null) return { status: 'REVOKED', issuedBy: stored.issuedBy };
      if (this.now().getTime() >= stored.validUntil.getTime()) {
        return { status: 'EXPIRED', validUntil: stored.validUntil, issuedBy: stored.issuedBy };
      }
      return { status: 'VALID', validUntil: stored.validUntil, issuedBy: stored.issuedBy };
    }
    return { status: 'NOT_FOUND' };
  }
}
