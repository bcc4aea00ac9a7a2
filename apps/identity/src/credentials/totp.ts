import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';
import { CredentialError } from './credentials.errors.js';

/**
 * Time-based one-time codes (RFC 6238: HMAC-SHA-1, 30-second steps, six digits) through `otplib`, the
 * maintained implementation, rather than our own HMAC and base32 (ADR 023). Secrets are unpadded RFC 4648
 * base32, as they always were here, so every stored secret stays valid.
 */

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
  return generateSecret({ length: SECRET_BYTES });
}

/**
 * The TOTP code for `at`.
 *
 * @throws CredentialError `TOTP_SECRET_INVALID` when the secret is not base32 or is shorter than 128 bits.
 */
export function totpCode(secretBase32: string, at: Date, digits: OtpDigits = TOTP_DIGITS): string {
  const secret = canonicalSecret(secretBase32);
  return withSecretCheck(() => generateSync({ secret, epoch: epochSeconds(at), digits }));
}

/** Options of {@link verifyTotp}. */
export interface VerifyTotpOptions {
  /** Steps accepted on either side of the current one, for clock drift and typing time. Default 1. */
  window?: number;
  digits?: OtpDigits;
  /** Refuse codes of this step and earlier: the last step accepted, so no code is used twice. */
  afterStep?: number;
}

/**
 * Checks a code typed by the user (spaces allowed) against every step in the window; otplib compares in
 * constant time.
 *
 * @returns the matched time-step counter, or `null`. The caller must store it and refuse any later
 *   code whose counter is not greater (pass it back as `afterStep`), or a code seen over the user's
 *   shoulder could be replayed within its window.
 * @throws CredentialError `TOTP_SECRET_INVALID` or `TOTP_OPTIONS_INVALID`.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  at: Date,
  { window = 1, digits = TOTP_DIGITS, afterStep }: VerifyTotpOptions = {},
): number | null {
  if (!Number.isInteger(window) || window < 0 || window > MAX_WINDOW) {
    throw new CredentialError('TOTP_OPTIONS_INVALID', `window must be an integer from 0 to ${MAX_WINDOW}`);
  }
  const secret = canonicalSecret(secretBase32);
  const typed = code.replace(/\s+/g, '');
  // otplib throws on a malformed code; to the caller it is simply not the right one.
  if (typed.length !== digits || !/^[0-9]+$/.test(typed)) return null;
  const result = withSecretCheck(() =>
    verifySync({
      secret,
      token: typed,
      epoch: epochSeconds(at),
      digits,
      epochTolerance: window * TOTP_PERIOD_SECONDS,
      ...(afterStep === undefined ? {} : { afterTimeStep: afterStep }),
    }),
  );
  // A TOTP result carries its time step; the HOTP half of otplib's result type does not.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** What an authenticator app shows for the account. Neither part may contain a colon. */
export interface OtpauthUriInput {
  secret: string;
  accountName: string;
  issuer: string;
}

/**
 * The `otpauth://totp/Issuer:account?secret=…&issuer=…` URI for the enrolment QR code.
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
  const canonical = canonicalSecret(secret);
  // Generating a code checks the secret the URI would hand to the authenticator app.
  totpCode(canonical, new Date(0));
  return generateURI({ issuer, label: accountName, secret: canonical });
}

/** Upper case without padding: the form authenticator apps expect, whatever was stored or typed. */
function canonicalSecret(secretBase32: string): string {
  return secretBase32.toUpperCase().replace(/=+$/, '');
}

function epochSeconds(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}

/** otplib's own errors for a bad secret, as the coded error the callers know. */
function withSecretCheck<T>(operation: () => T): T {
  try {
    return operation();
  } catch {
    throw new CredentialError('TOTP_SECRET_INVALID', 'Secret is not valid base32 of at least 128 bits');
  }
}
