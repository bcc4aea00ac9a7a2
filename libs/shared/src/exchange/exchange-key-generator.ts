import { createHash, generateKeyPairSync } from 'node:crypto';
import {
  CURVE_BY_PURPOSE,
  type CountryKeyFile,
  type ExchangeKeyPurpose,
  type PrivateKeyDocument,
  type PublishedKeyDocument,
  type TrustDirectoryCountryDocument,
  type TrustDirectoryDocument,
} from './exchange-key-records.js';

/** A public OKP JWK (RFC 8037) as the exchange stores it. */
export interface OkpPublicJwk {
  kty: 'OKP';
  crv: 'Ed25519' | 'X25519';
  x: string;
}

/** One freshly generated key in both of its stored forms. */
export interface ExchangeKeyPair {
  /** Goes into the country's private key file, on the nodes hosting that country only. */
  readonly private: PrivateKeyDocument;
  /** Goes into the shared trust directory. */
  readonly public: PublishedKeyDocument;
}

/** Everything generated for one country: its private key file and its trust directory entry. */
export interface GeneratedCountryKeys {
  readonly keyFile: CountryKeyFile;
  readonly published: TrustDirectoryCountryDocument;
}

/** When a new key starts and (optionally) stops being valid. */
export interface KeyValidityWindow {
  validFrom: Date;
  validUntil?: Date | null;
}

/**
 * The RFC 7638 thumbprint of an OKP public key: SHA-256 over its required members in lexicographic
 * order, base64url. It identifies the key material itself, so a key id built from it cannot silently
 * point at a different key.
 */
export function jwkThumbprint(jwk: OkpPublicJwk): string {
  const required = `{"crv":${JSON.stringify(jwk.crv)},"kty":"OKP","x":${JSON.stringify(jwk.x)}}`;
  return createHash('sha256').update(required, 'utf8').digest('base64url');
}

/**
 * The key id the project's tooling gives a key: `<CC>-sig-…` or `<CC>-enc-…` followed by the first 16
 * characters (96 bits) of its thumbprint. Readable in logs, unique in practice, and reproducible by the
 * key script, which derives ids the same way.
 */
export function exchangeKeyId(country: string, purpose: ExchangeKeyPurpose, jwk: OkpPublicJwk): string {
  return `${country}-${purpose === 'signing' ? 'sig' : 'enc'}-${jwkThumbprint(jwk).slice(0, 16)}`;
}

/** Generates one Ed25519 (signing) or X25519 (encryption) key for `country`. */
export function generateExchangeKeyPair(
  country: string,
  purpose: ExchangeKeyPurpose,
  window: KeyValidityWindow,
): ExchangeKeyPair {
  const pair = purpose === 'signing' ? generateKeyPairSync('ed25519') : generateKeyPairSync('x25519');
  const privateJwk = pair.privateKey.export({ format: 'jwk' });
  const crv = CURVE_BY_PURPOSE[purpose];
  const publicKeyJwk = { kty: 'OKP' as const, crv, x: String(privateJwk.x) };
  const validity = {
    keyId: exchangeKeyId(country, purpose, publicKeyJwk),
    validFrom: window.validFrom.toISOString(),
    validUntil: window.validUntil ? window.validUntil.toISOString() : null,
  };
  return {
    private: { ...validity, privateKeyJwk: { ...publicKeyJwk, d: String(privateJwk.d) } },
    public: { ...validity, publicKeyJwk },
  };
}

/**
 * Generates a signing key and an encryption key for `country`, valid from `validFrom` with no end.
 * Used by development setups and tests that need key material without touching the disk; the
 * `scripts/exchange-keys.mjs` tool writes the same formats to files.
 */
export function generateCountryKeys(
  country: string,
  options: { validFrom: Date; node?: string },
): GeneratedCountryKeys {
  const signing = generateExchangeKeyPair(country, 'signing', { validFrom: options.validFrom });
  const encryption = generateExchangeKeyPair(country, 'encryption', { validFrom: options.validFrom });
  return {
    keyFile: {
      version: 1,
      country,
      ...(options.node === undefined ? {} : { node: options.node }),
      signingKeys: [signing.private],
      encryptionKeys: [encryption.private],
    },
    published: { signingKeys: [signing.public], encryptionKeys: [encryption.public] },
  };
}

/** Assembles a trust directory document from per-country entries. */
export function buildTrustDirectoryDocument(
  countries: Readonly<Record<string, TrustDirectoryCountryDocument>>,
  updatedAt: Date,
): TrustDirectoryDocument {
  return { version: 1, updatedAt: updatedAt.toISOString(), countries: { ...countries } };
}
