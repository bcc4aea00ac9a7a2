/**
 * What the logger censors. Logs must never carry personal data or secrets: callers log ids (case id,
 * event id, actor id), never records, payloads or request bodies. This list is the safety net for
 * when someone forgets, not a licence to log objects.
 */

/** Written in place of a redacted value. */
export const REDACTED = '[REDACTED]';

/** Keys whose value is a credential or secret. */
const SECRET_KEYS = [
  'password',
  'passphrase',
  'secret',
  'clientSecret',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'apiKey',
  'privateKey',
  'authorization',
  'cookie',
  'set-cookie',
  'databaseUrl',
  'DATABASE_URL',
];

/** Keys whose value is about a person or carries a person's data (event payloads are encrypted or personal). */
const PERSONAL_KEYS = [
  'payload',
  'body',
  'fullName',
  'firstName',
  'lastName',
  'givenName',
  'familyName',
  'dateOfBirth',
  'email',
  'phone',
  'phoneNumber',
  'address',
  'passportNumber',
  'documentNumber',
  'nationalId',
];

/** How deep below the top of a log line a key is still found; objects deeper than this should not be logged. */
const MAX_DEPTH = 3;

function pathsFor(key: string): string[] {
  const segment = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const paths: string[] = [];
  for (let depth = 0; depth <= MAX_DEPTH; depth += 1) {
    const prefix = '*.'.repeat(depth);
    paths.push(segment.startsWith('[') ? `${prefix.slice(0, -1)}${segment}` : `${prefix}${segment}`);
  }
  return paths;
}

/** The pino `redact.paths` the Passage logger uses. */
export const REDACTED_PATHS: readonly string[] = [...SECRET_KEYS, ...PERSONAL_KEYS].flatMap(pathsFor);
