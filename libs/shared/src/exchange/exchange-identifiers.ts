import { z } from 'zod';

/**
 * An ISO 3166-1 alpha-2 code's shape. Only the shape is checked here; whether the code names a country
 * the mechanism serves is the trust directory's business (a sender it does not list is unknown).
 */
export const COUNTRY_CODE_PATTERN = /^[A-Z]{2}$/;

/** Zod schema of a country code (two upper-case ASCII letters). */
export const countryCodeSchema = z.string().regex(COUNTRY_CODE_PATTERN, 'must be an ISO 3166-1 alpha-2 code');

/** True when `value` has the shape of an ISO 3166-1 alpha-2 code. */
export function isCountryCode(value: unknown): value is string {
  return typeof value === 'string' && COUNTRY_CODE_PATTERN.test(value);
}

/**
 * A key identifier: opaque to the exchange, unique per country and purpose. Restricted to a short,
 * log-safe alphabet because it appears in envelopes, dead-letter records and error messages.
 */
export const keyIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'must be 1-128 characters of A-Z a-z 0-9 . _ : -');

/** A node's identifier as it appears in `sender.node`: informative, for operators and routing logs. */
export const nodeIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9._-]{0,62}$/,
    'must be 1-63 characters of a-z 0-9 . _ -, starting with a letter or digit',
  );

/** A message type such as `handoff.offered`: lower-case dot-separated words. */
export const messageTypeSchema = z
  .string()
  .max(100)
  .regex(/^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/, 'must be lower-case words separated by . _ or -');
