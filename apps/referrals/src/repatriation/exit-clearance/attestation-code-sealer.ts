import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { AttestationKey } from '@passage/shared';

/** Keeps sealing keys apart from the attestation hashing keys they are derived from. */
const HKDF_INFO = 'passage/exit-clearance/attestation-code/v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed attestation code and the key it was sealed under. */
export interface SealedCode {
  keyId: string;
  sealed: string;
}

/**
 * Seals the attestation code an exit-clearance request carries. Attestations are otherwise stored only as
 * keyed hashes (the code is shown once, to the issuer); a request must show the code to the immigration
 * authority, so it is kept recoverable, but only as AES-256-GCM ciphertext under a key derived with HKDF
 * from the node's attestation key, and bound to the request's id so that a ciphertext copied onto another
 * row does not open. Reading the database alone therefore does not give anyone a code to present.
 */
export class AttestationCodeSealer {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly currentKeyId: string;

  /** @throws RangeError when no key is given. The first key seals; the others only open. */
  constructor(keys: readonly AttestationKey[]) {
    if (keys.length === 0) throw new RangeError('AttestationCodeSealer: at least one key is needed');
    this.keys = new Map(
      keys.map((key) => [
        key.id,
        Buffer.from(hkdfSync('sha256', key.secret, new Uint8Array(0), HKDF_INFO, 32)),
      ]),
    );
    this.currentKeyId = keys[0].id;
  }

  seal(code: string, requestId: string): SealedCode {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key(this.currentKeyId), iv);
    cipher.setAAD(Buffer.from(requestId, 'utf8'));
    const body = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
    return {
      keyId: this.currentKeyId,
      sealed: Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url'),
    };
  }

  /** @throws Error when the key is unknown or the ciphertext was altered or belongs to another request. */
  open(sealed: SealedCode, requestId: string): string {
    const bytes = Buffer.from(sealed.sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key(sealed.keyId), bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(requestId, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }

  private key(keyId: string): Buffer {
    const key = this.keys.get(keyId);
    if (!key) throw new Error(`AttestationCodeSealer: no key "${keyId}"`);
    return key;
  }
}
