import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { decodeBase32, encodeBase32 } from './base32.js';
import { CredentialError } from './credentials.errors.js';

/** RFC 6238 time step, in seconds. */
export const TOTP_PERIOD_SECONDS = 30;
/** Digits of a code, as every authenticator app shows by default. */
export const TOTP_DIGITS = 6;
// RFC 4226 recommends a 160-bit shared secret for HMAC-SHA-1.
const SECRET_BYTES = 20;
const MAX_WINDOW = 10;

/** Code lengths RFC 4226 allows for the truncated HOTP value. */
export type OtpDigits = 6 | 7 | 8;

/** Creates a new TOTP secret: 20 random bytes as unpadded RFC 4648 base32. */
export function generateTotpSecret(): string {
  return encodeBase32(randomBytes(SECRET_BYTES));
}

/**
 * RFC 4226 HOTP: HMAC-SHA-1 of the 8-byte big-endian counter, dynamically truncated to 31 bits, modulo
 * 10^digits, left-padded with zeros.
 */
export function hotpCode(key: Uint8Array, counter: number, digits: OtpDigits = TOTP_DIGITS): string {
  if (!Number.isSafeInteger(counter) || counter < 0) {
    throw new CredentialError('TOTP_OPTIONS_INVALID', 'HOTP counter must be a non-negative safe integer');
  }
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const value = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 10 ** digits).padStart(digits, '0');
}

/** The RFC 6238 time-step counter that contains `at`. */
export function totpCounter(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The TOTP code for `at` (SHA-1, 30-second step).
 *
 * @throws CredentialError `TOTP_SECRET_INVALID` when the secret is not base32.
 */
export function totpCode(secretBase32: string, at: Date, digits: OtpDigits = TOTP_DIGITS): string {
  return hotpCode(decodeBase32(secretBase32), totpCounter(at), digits);
}

/** Options of {@link verifyTotp}. */
export interface VerifyTotpOptions {
  /** Steps accepted on either side of the current one, for clock drift and typing time. Default 1. */
  window?: number;
  digits?: OtpDigits;
}

/**
 * Checks a code typed by the user (spaces allowed) against every step in the window, comparing in
 * constant time and without stopping at the first match, so timing reveals neither the code nor which
 * step matched.
 *
 * @returns the matched time-step counter, or `null`. The caller must store it and refuse any later
 *   code whose counter is not greater, or a code seen over the user's shoulder could be replayed
 *   within its window.
 * @throws CredentialError `TOTP_SECRET_INVALID` or `TOTP_OPTIONS_INVALID`.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  at: Date,
  { window = 1, digits = TOTP_DIGITS }: VerifyTotpOptions = {},
): number | null {
  if (!Number.isInteger(window) || window < 0 || window > MAX_WINDOW) {
    throw new CredentialError('TOTP_OPTIONS_INVALID', `window must be an integer from 0 to ${MAX_WINDOW}`);
  }
  const key = decodeBase32(secretBase32);
  const typed = code.replace(/\s+/g, '');
  if (typed.length !== digits || !/^\d+$/.test(typed)) return null;

  const current = totpCounter(at);
  const candidate = Buffer.from(typed);
  let matched: number | null = null;
  // Nearest steps first, so a code valid for two steps resolves to the one closest to now.
  for (const offset of stepOffsets(window)) {
    const counter = current + offset;
    if (counter < 0) continue;
    const equal = timingSafeEqual(Buffer.from(hotpCode(key, counter, digits)), candidate);
    if (equal && matched === null) matched = counter;
  }
  return matched;
}

function stepOffsets(window: number): number[] {
  const offsets = [0];
  for (let step = 1; step <= window; step += 1) offsets.push(-step, step);
  return offsets;
}

/** What an authenticator app shows for the account. Neither part may contain a colon. */
export interface OtpauthUriInput {
  secret: string;
  accountName: string;
  issuer: string;
}

/**
 * The `otpauth://totp/Issuer:account?…` URI for the enrolment QR code, with every part
 * percent-encoded per RFC 3986 (spaces as `%20`, which authenticator apps read correctly, unlike `+`).
 *
 * @throws CredentialError `OTPAUTH_LABEL_INVALID` for an empty or colon-bearing issuer or account,
 *   `TOTP_SECRET_INVALID` for a secret that is not base32.
 */
export function otpauthUri({ secret, accountName, issuer }: OtpauthUriInput): string {
  for (const part of [issuer, accountName]) {
    if (part.trim() === '' || part.includes(':')) {
      throw new CredentialError(
        'OTPAUTH_LABEL_INVALID',
        'Issuer and account name must be non-empty, without ":"',
      );
    }
  }
  const canonicalSecret = encodeBase32(decodeBase32(secret));
  const parameters: [string, string][] = [
    ['secret', canonicalSecret],
    ['issuer', issuer],
    ['algorithm', 'SHA1'],
    ['digits', String(TOTP_DIGITS)],
    ['period', String(TOTP_PERIOD_SECONDS)],
  ];
  const query = parameters.map(([key, value]) => `${key}=${encodeRfc3986(value)}`).join('&');
  return `otpauth://totp/${encodeRfc3986(issuer)}:${encodeRfc3986(accountName)}?${query}`;
}

function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
