import { parseAttestationCode } from './attestation-code.js';
import type { AttestationHasher, StoredBindings } from './attestation-hasher.js';
import { holderProof, type HolderFacts } from './holder-proof.js';

/** What the verifier needs from a stored attestation, found by its code hash. */
export interface StoredAttestation extends StoredBindings {
  /** Exclusive: the attestation protects until this instant. */
  readonly validUntil: Date;
  /** Set once the issuer withdrew the attestation for good (or replaced it). */
  readonly revokedAt: Date | null;
  /** Set while the attestation is suspended (a negative decision that may still be appealed, say). */
  readonly suspendedAt: Date | null;
  /** The issuing organisation's display name. */
  readonly issuedBy: string;
}

/** Finds the attestation stored under `codeHash` made with key `keyId`, or `null`. */
export type AttestationLookup = (codeHash: string, keyId: string) => Promise<StoredAttestation | null>;

/**
 * Everything a verifier ever learns. `NOT_FOUND` also answers a right code with a wrong document number,
 * date of birth or PIN, so a code alone tells nothing. An expired attestation still names its end and
 * issuer (whom to ask for a new one); a revoked or suspended one names only the issuer, never why.
 */
export type AttestationVerification =
  | { readonly status: 'VALID'; readonly validUntil: Date; readonly issuedBy: string }
  | { readonly status: 'EXPIRED'; readonly validUntil: Date; readonly issuedBy: string }
  | { readonly status: 'SUSPENDED'; readonly issuedBy: string }
  | { readonly status: 'REVOKED'; readonly issuedBy: string }
  | { readonly status: 'NOT_FOUND' };

/**
 * Answers "does this code, with what its holder shows or says, prove a current protection attestation?"
 * — the one question an immigration officer may ask (reasonable grounds already protect from detention
 * and fines). The holder shows a document number, or says a date of birth, or reads the PIN printed
 * beside the code: exactly one of them. Pure apart from the injected lookup and clock; the caller has
 * already applied the access policy (`attestation.verify`) and the `VerificationRateLimiter`, and audits
 * the verification.
 */
export class AttestationVerifier {
  constructor(
    private readonly hasher: AttestationHasher,
    private readonly lookup: AttestationLookup,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * @throws InvalidAttestationCodeError for a code that is malformed or mistyped (nothing is looked up).
   * @throws HolderProofError when no proof, or more than one, is given; InvalidDocumentNumberError,
   *   InvalidDateOfBirthError or InvalidHolderPinError for a malformed one (nothing is looked up).
   */
  async verify(input: { code: string } & HolderFacts): Promise<AttestationVerification> {
    const code = parseAttestationCode(input.code);
    const proof = holderProof(input);
    for (const { keyId, codeHash } of this.hasher.codeHashes(code)) {
      const stored = await this.lookup(codeHash, keyId);
      if (!stored || stored.keyId !== keyId) continue;
      if (!this.hasher.holderMatches(code, stored, proof)) return { status: 'NOT_FOUND' };
      // Revocation is final and beats everything; a suspension beats expiry (either way: not protected).
      if (stored.revokedAt !== null) return { status: 'REVOKED', issuedBy: stored.issuedBy };
      if (stored.suspendedAt !== null) return { status: 'SUSPENDED', issuedBy: stored.issuedBy };
      if (this.now().getTime() >= stored.validUntil.getTime()) {
        return { status: 'EXPIRED', validUntil: stored.validUntil, issuedBy: stored.issuedBy };
      }
      return { status: 'VALID', validUntil: stored.validUntil, issuedBy: stored.issuedBy };
    }
    return { status: 'NOT_FOUND' };
  }
}
