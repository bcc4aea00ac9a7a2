import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { decodeBase64url, encodeBase64url } from '@passage/shared';
import { CredentialError } from './credentials.errors.js';

const VERSION = 'v1';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
// The version is authenticated too, so a future format cannot be passed off as this one or the reverse.
const AAD_PREFIX = `passage.secret-box.${VERSION}\0`;

/**
 * Authenticated encryption of small secrets at rest (TOTP secrets) with AES-256-GCM. Output is
 * `v1.<iv>.<ciphertext+tag>` in unpadded base64url. Pass the owner's id as associated data: it is not
 * stored, but opening fails unless the same id is given, so a ciphertext copied onto another user's row
 * is useless.
 */
export class SecretBox {
  private readonly key: Buffer;

  /**
   * @param keyBase64url 32 bytes as canonical unpadded base64url, e.g. from {@link SecretBox.generateKey}.
   * @throws CredentialError `SECRET_BOX_KEY_INVALID`.
   */
  constructor(keyBase64url: string) {
    const key = decodeBase64url(keyBase64url);
    if (key?.length !== KEY_BYTES) {
      throw new CredentialError('SECRET_BOX_KEY_INVALID', `Key must be ${KEY_BYTES} bytes of base64url`);
    }
    this.key = key;
  }

  /** A new random key in the form the constructor takes. */
  static generateKey(): string {
    return encodeBase64url(randomBytes(KEY_BYTES));
  }

  /** Encrypts `plaintext` (UTF-8) under a fresh random IV, bound to `associatedData`. */
  seal(plaintext: string, associatedData = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(AAD_PREFIX + associatedData, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [VERSION, encodeBase64url(iv), encodeBase64url(body)].join('.');
  }

  /**
   * Decrypts what {@link seal} produced with the same key and associated data.
   *
   * @throws CredentialError `SECRET_BOX_MALFORMED` when the text is not this format,
   *   `SECRET_BOX_TAMPERED` when authentication fails (altered, wrong key or wrong associated data).
   */
  open(sealed: string, associatedData = ''): string {
    const [version, ivText, bodyText, ...rest] = sealed.split('.');
    const iv = decodeBase64url(ivText ?? '');
    const body = decodeBase64url(bodyText ?? '');
    if (
      version !== VERSION ||
      rest.length > 0 ||
      iv?.length !== IV_BYTES ||
      !body ||
      body.length < TAG_BYTES
    ) {
      throw new CredentialError('SECRET_BOX_MALFORMED', 'Not a v1 secret box');
    }
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(AAD_PREFIX + associatedData, 'utf8'));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    try {
      const plaintext = Buffer.concat([
        decipher.update(body.subarray(0, body.length - TAG_BYTES)),
        decipher.final(),
      ]);
      return plaintext.toString('utf8');
    } catch {
      throw new CredentialError('SECRET_BOX_TAMPERED', 'Secret box failed authentication');
    }
  }
}
