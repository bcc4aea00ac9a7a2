import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AttestationCode } from './attestation-code.js';
import { normaliseDocumentNumber } from './document-number.js';

/** A node's secret for attestation hashes. It lives in the node's secret configuration, never in the database. */
export interface AttestationKey {
  /** Stored beside each attestation, so that rows hashed under a retired key can still be verified. */
  readonly id: string;
  /** At least 32 random bytes. */
  readonly secret: Uint8Array;
}

/** What an attestation row stores instead of the code and the document number. */
export interface AttestationDigests {
  readonly keyId: string;
  /** Hex HMAC-SHA256 of the code: the lookup key. */
  readonly codeHash: string;
  /** Hex HMAC-SHA256 of the code with the normalised document number: compared, never looked up. */
  readonly documentBinding: string;
}

const CODE_LABEL = 'passage.attestation.code.v1';
const DOCUMENT_LABEL = 'passage.attestation.document.v1';
const MIN_SECRET_BYTES = 32;

/**
 * Turns a code and a document number into what an attestation table may hold: keyed hashes (HMAC-SHA256)
 * under the node's attestation key. Without the key, someone who reads the table can neither test
 * guessed codes nor recover or test document numbers; with the key but without a code, they still
 * learn no document number. The two inputs are labelled differently, so a code hash can never equal a
 * document binding.
 *
 * Keys rotate: the first key issues new attestations; the others only verify those issued under them,
 * until the last of those has expired and the key can be dropped.
 */
export class AttestationHasher {
  private readonly keys: ReadonlyMap<string, Uint8Array>;
  private readonly currentKeyId: string;

  /** @throws RangeError for no key, a duplicate id or a secret shorter than 32 bytes. */
  constructor(keys: readonly AttestationKey[]) {
    if (keys.length === 0) throw new RangeError('AttestationHasher: at least one key is needed');
    const byId = new Map<string, Uint8Array>();
    for (const key of keys) {
      if (key.secret.length < MIN_SECRET_BYTES) {
        throw new RangeError(`AttestationHasher: key "${key.id}" is shorter than ${MIN_SECRET_BYTES} bytes`);
      }
      if (byId.has(key.id)) throw new RangeError(`AttestationHasher: key "${key.id}" is listed twice`);
      byId.set(key.id, key.secret);
    }
    this.keys = byId;
    this.currentKeyId = keys[0].id;
  }

  /** The digests to store when issuing an attestation, under the current key. */
  digestsForIssue(code: AttestationCode, documentNumber: string): AttestationDigests {
    return {
      keyId: this.currentKeyId,
      codeHash: this.codeHash(code, this.currentKeyId),
      documentBinding: this.documentBinding(code, documentNumber, this.currentKeyId),
    };
  }

  /** The code's hash under every key, current first: the lookups to try when verifying. */
  codeHashes(code: AttestationCode): { keyId: string; codeHash: string }[] {
    return [...this.keys.keys()].map((keyId) => ({ keyId, codeHash: this.codeHash(code, keyId) }));
  }

  /** Hex HMAC-SHA256 of the code under key `keyId`. */
  codeHash(code: AttestationCode, keyId: string): string {
    return this.hmac(keyId, `${CODE_LABEL}|${code}`);
  }

  /**
   * Hex HMAC-SHA256 of the code and the normalised document number under key `keyId`.
   *
   * @throws InvalidDocumentNumberError for a number that normalises to nothing (or is too long).
   */
  documentBinding(code: AttestationCode, documentNumber: string, keyId: string): string {
    return this.hmac(keyId, `${DOCUMENT_LABEL}|${code}|${normaliseDocumentNumber(documentNumber)}`);
  }

  /** Whether a stored binding matches, compared in constant time; false for an unknown key. */
  bindingMatches(code: AttestationCode, documentNumber: string, keyId: string, stored: string): boolean {
    if (!this.keys.has(keyId)) return false;
    const expected = Buffer.from(this.documentBinding(code, documentNumber, keyId), 'hex');
    const actual = Buffer.from(stored, 'hex');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  private hmac(keyId: string, message: string): string {
    const secret = this.keys.get(keyId);
    if (!secret) throw new RangeError(`AttestationHasher: no key "${keyId}"`);
    return createHmac('sha256', secret).update(message, 'utf8').digest('hex');
  }
}
