import { createHash, randomBytes } from 'node:crypto';
import { CredentialError } from './credentials.errors.js';

const TOKEN_BYTES = 32;
// 43 characters carry 258 bits, so for 32 bytes the last one can only be a symbol whose two low bits
// are zero; accepting the others would give one token several spellings.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;

/** A refresh token that passed {@link parseOpaqueToken}, or a new one. */
export type OpaqueToken = string & { readonly __brand: 'OpaqueToken' };

/** A new token for the client and the hash to store; the token itself is never persisted. */
export interface GeneratedOpaqueToken {
  token: OpaqueToken;
  hash: string;
}

/** Creates a refresh token: 32 random bytes as unpadded base64url (43 characters). */
export function generateOpaqueToken(): GeneratedOpaqueToken {
  const token = randomBytes(TOKEN_BYTES).toString('base64url') as OpaqueToken;
  return { token, hash: hashOpaqueToken(token) };
}

/**
 * SHA-256 hex of the token, the value to store and look up by. A fast hash suffices: the token has 256
 * random bits, so no guessing attack applies, and the hash only keeps a database leak from handing out
 * live tokens.
 */
export function hashOpaqueToken(token: OpaqueToken): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Accepts exactly the canonical 43-character base64url form {@link generateOpaqueToken} produces.
 *
 * @throws CredentialError `OPAQUE_TOKEN_MALFORMED`.
 */
export function parseOpaqueToken(value: string): OpaqueToken {
  if (!TOKEN_PATTERN.test(value)) {
    throw new CredentialError('OPAQUE_TOKEN_MALFORMED', 'Token is not 43 characters of base64url');
  }
  return value as OpaqueToken;
}
