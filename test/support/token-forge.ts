import { readFileSync } from 'node:fs';
import { generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import pg from 'pg';
import { SecretBox } from '../../apps/identity/src/credentials/index.js';
import { developmentSecretPaths } from '../../scripts/run/repo-paths.mjs';

/**
 * Makes tokens an attacker (or a buggy client) might present: the node's real signing key is read from
 * its database and unsealed with the development secret, so a test can also sign a *valid-looking* token
 * with one thing wrong (expired, other audience) and prove it is refused for that one thing.
 */
export class TokenForge {
  private constructor(
    private readonly kid: string,
    private readonly privateKey: CryptoKey | Uint8Array,
  ) {}

  static async forNode(identityDatabaseUrl: string): Promise<TokenForge> {
    const client = new pg.Client({ connectionString: identityDatabaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ kid: string; private_jwk: string }>(
        `SELECT kid, private_jwk FROM signing_key WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1`,
      );
      const box = new SecretBox(readFileSync(developmentSecretPaths().identitySecretKey, 'utf8').trim());
      const jwk = JSON.parse(box.open(rows[0].private_jwk, rows[0].kid)) as JWK;
      return new TokenForge(rows[0].kid, (await importJWK(jwk, 'EdDSA')) as CryptoKey);
    } finally {
      await client.end();
    }
  }

  /** Signs `claims` with the node's real key (so only what the claims say is wrong). */
  sign(claims: JWTPayload): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid: this.kid, typ: 'at+jwt' })
      .sign(this.privateKey);
  }

  /** Same claims, signed by a key that merely claims the real key's id. */
  async signWithImpostorKey(claims: JWTPayload): Promise<string> {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    return new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid: this.kid }).sign(privateKey);
  }
}

/** The payload of a JWT, decoded without any check (to copy and alter a real token's claims). */
export function claimsOf(token: string): JWTPayload {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as JWTPayload;
}

/** An unsigned token (`alg: none`) with the given claims. */
export function unsignedToken(claims: JWTPayload): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

/** A token whose payload was changed after signing (the signature no longer matches). */
export function tamperedToken(token: string, changes: JWTPayload): string {
  const [header, , signature] = token.split('.');
  const payload = Buffer.from(JSON.stringify({ ...claimsOf(token), ...changes })).toString('base64url');
  return `${header}.${payload}.${signature}`;
}
