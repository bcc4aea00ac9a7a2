import { z } from 'zod';

const BASE64URL_ALPHABET = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes unpadded base64url, accepting only the canonical encoding: Node's own decoder skips invalid
 * characters and ignores stray trailing bits, which would let two different strings carry the same
 * bytes. Signed envelopes must not have such alternative spellings.
 *
 * @returns the bytes, or `undefined` when `text` is not canonical unpadded base64url.
 */
export function decodeBase64url(text: string): Buffer | undefined {
  if (!BASE64URL_ALPHABET.test(text) || text.length % 4 === 1) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : undefined;
}

/** Encodes bytes as unpadded base64url. */
export function encodeBase64url(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/**
 * Zod schema of a canonical base64url string whose decoded length is exactly `bytes`, or at least
 * `minBytes`. Fixed-length values are bounded before decoding; an open-ended one is bounded only by
 * the caller's limit on the whole input.
 */
export function base64urlSchema(length: { bytes: number } | { minBytes: number }) {
  const check =
    'bytes' in length
      ? (decoded: Buffer) => decoded.length === length.bytes
      : (decoded: Buffer) => decoded.length >= length.minBytes;
  const maxChars = 'bytes' in length ? Math.ceil((length.bytes * 4) / 3) : Number.MAX_SAFE_INTEGER;
  return z
    .string()
    .max(maxChars)
    .refine((text) => {
      const decoded = decodeBase64url(text);
      return decoded !== undefined && check(decoded);
    }, 'must be canonical unpadded base64url of the expected length');
}
