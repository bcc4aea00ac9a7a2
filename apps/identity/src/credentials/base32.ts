import { CredentialError } from './credentials.errors.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Encodes bytes as RFC 4648 base32 without padding, the form authenticator apps expect. */
export function encodeBase32(bytes: Uint8Array): string {
  let output = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      output += ALPHABET[(buffer >>> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  return bits > 0 ? output + ALPHABET[(buffer << (5 - bits)) & 31] : output;
}

/**
 * Decodes RFC 4648 base32, case-insensitively and with or without `=` padding.
 *
 * @throws CredentialError `TOTP_SECRET_INVALID` on any other character or an impossible length.
 */
export function decodeBase32(text: string): Buffer {
  const body = text.toUpperCase().replace(/=+$/, '');
  // A final group of 1, 3 or 6 characters cannot come from whole bytes.
  if (!/^[A-Z2-7]*$/.test(body) || [1, 3, 6].includes(body.length % 8)) {
    throw new CredentialError('TOTP_SECRET_INVALID', 'Secret is not valid base32');
  }
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of body) {
    buffer = (buffer << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >>> bits) & 0xff);
    }
    buffer &= (1 << bits) - 1;
  }
  return Buffer.from(bytes);
}
