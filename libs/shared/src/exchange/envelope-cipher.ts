import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { encodeBase64url } from './base64url.js';
import { GCM_TAG_BYTES } from './exchange-envelope.js';

const HKDF_INFO_LABEL = Buffer.from('passage/exchange/v1/aes-256-gcm\0', 'utf8');
const IV_BYTES = 12;
const KEY_BYTES = 32;

/** A one-message X25519 key: its private half is discarded after sealing, giving forward secrecy per message. */
export interface EphemeralKey {
  readonly privateKey: KeyObject;
  readonly rawPublicKey: Buffer;
}

/** Generates a fresh X25519 key for one message. */
export function generateEphemeralKey(): EphemeralKey {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  return {
    privateKey,
    rawPublicKey: Buffer.from(String(publicKey.export({ format: 'jwk' }).x), 'base64url'),
  };
}

/** Imports a raw 32-byte X25519 public key. */
export function x25519PublicKeyFromRaw(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: encodeBase64url(raw) }, format: 'jwk' });
}

/**
 * Encrypts `plaintext` for the holder of `recipient`'s private key. Returns the IV and the ciphertext
 * with the GCM tag appended, or `undefined` when the recipient key is unusable (a low-order point).
 */
export function encryptForRecipient(params: {
  plaintext: Buffer;
  ephemeral: EphemeralKey;
  recipient: { publicKey: KeyObject; rawPublicKey: Buffer };
  associatedData: Buffer;
}): { iv: Buffer; ciphertext: Buffer } | undefined {
  const contentKey = deriveContentKey(
    params.ephemeral.privateKey,
    params.recipient.publicKey,
    params.ephemeral.rawPublicKey,
    params.recipient.rawPublicKey,
    params.associatedData,
  );
  if (contentKey === undefined) return undefined;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', contentKey, iv, { authTagLength: GCM_TAG_BYTES });
  cipher.setAAD(params.associatedData);
  const ciphertext = Buffer.concat([cipher.update(params.plaintext), cipher.final(), cipher.getAuthTag()]);
  return { iv, ciphertext };
}

/**
 * Reverses {@link encryptForRecipient}. Returns `undefined` on any failure (wrong key, altered bytes or
 * associated data, invalid ephemeral key) without saying which: the caller reports one outcome.
 */
export function decryptFromSender(params: {
  ciphertext: Buffer;
  iv: Buffer;
  ephemeralRawPublicKey: Buffer;
  recipient: { privateKey: KeyObject; rawPublicKey: Buffer };
  associatedData: Buffer;
}): Buffer | undefined {
  if (params.ciphertext.length < GCM_TAG_BYTES || params.iv.length !== IV_BYTES) return undefined;
  let ephemeralPublicKey: KeyObject;
  try {
    ephemeralPublicKey = x25519PublicKeyFromRaw(params.ephemeralRawPublicKey);
  } catch {
    return undefined;
  }
  const contentKey = deriveContentKey(
    params.recipient.privateKey,
    ephemeralPublicKey,
    params.ephemeralRawPublicKey,
    params.recipient.rawPublicKey,
    params.associatedData,
  );
  if (contentKey === undefined) return undefined;
  const tagStart = params.ciphertext.length - GCM_TAG_BYTES;
  try {
    const decipher = createDecipheriv('aes-256-gcm', contentKey, params.iv, { authTagLength: GCM_TAG_BYTES });
    decipher.setAAD(params.associatedData);
    decipher.setAuthTag(params.ciphertext.subarray(tagStart));
    return Buffer.concat([decipher.update(params.ciphertext.subarray(0, tagStart)), decipher.final()]);
  } catch {
    return undefined;
  }
}

/**
 * HKDF-SHA256 over the X25519 shared secret. The salt is both public keys (ephemeral then recipient), so
 * the content key is tied to this exact key pair; the info is a label plus the SHA-256 of the bound
 * header, so the key itself differs for every header (Node caps `info` at 1024 bytes, hence the hash).
 * Returns `undefined` when the agreement fails or yields the all-zero secret of a low-order point.
 */
function deriveContentKey(
  privateKey: KeyObject,
  publicKey: KeyObject,
  ephemeralRaw: Buffer,
  recipientRaw: Buffer,
  associatedData: Buffer,
): Buffer | undefined {
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey, publicKey });
  } catch {
    return undefined;
  }
  if (shared.every((byte) => byte === 0)) return undefined;
  const info = Buffer.concat([HKDF_INFO_LABEL, createHash('sha256').update(associatedData).digest()]);
  return Buffer.from(
    hkdfSync('sha256', shared, Buffer.concat([ephemeralRaw, recipientRaw]), info, KEY_BYTES),
  );
}
