import { z } from 'zod';
import { base64urlSchema } from './base64url.js';
import { countryCodeSchema, keyIdSchema, nodeIdSchema } from './exchange-identifiers.js';

/** Signing keys are Ed25519; encryption keys are X25519. */
export type ExchangeKeyPurpose = 'signing' | 'encryption';

/** The OKP curve (RFC 8037) each purpose uses. */
export const CURVE_BY_PURPOSE = { signing: 'Ed25519', encryption: 'X25519' } as const;

/** The node `crypto` key type each purpose uses, as `KeyObject.asymmetricKeyType` reports it. */
export const KEY_TYPE_BY_PURPOSE = { signing: 'ed25519', encryption: 'x25519' } as const;

/** The most keys one country may list per purpose; rotation leaves a few, never hundreds. */
const MAX_KEYS_PER_PURPOSE = 32;

/** An instant in an ISO-8601 form with an explicit offset (`Z` or `±hh:mm`). */
const instantSchema = z.iso.datetime({ offset: true });

const publicJwkSchema = (crv: 'Ed25519' | 'X25519') =>
  z.strictObject({ kty: z.literal('OKP'), crv: z.literal(crv), x: base64urlSchema({ bytes: 32 }) });

const privateJwkSchema = (crv: 'Ed25519' | 'X25519') =>
  z.strictObject({
    kty: z.literal('OKP'),
    crv: z.literal(crv),
    x: base64urlSchema({ bytes: 32 }),
    d: base64urlSchema({ bytes: 32 }),
  });

const validityShape = {
  keyId: keyIdSchema,
  /** Inclusive start of the window in which the key may be used. */
  validFrom: instantSchema,
  /** Exclusive end of the window; `null` while the key has no successor. */
  validUntil: instantSchema.nullable(),
};

const keyList = <T extends z.ZodType<{ keyId: string; validFrom: string; validUntil: string | null }>>(
  item: T,
) =>
  z
    .array(item)
    .min(1)
    .max(MAX_KEYS_PER_PURPOSE)
    .superRefine((keys, ctx) => {
      const seen = new Set<string>();
      keys.forEach((key, index) => {
        if (seen.has(key.keyId))
          ctx.addIssue({ code: 'custom', path: [index, 'keyId'], message: 'duplicate key id' });
        seen.add(key.keyId);
        if (key.validUntil !== null && Date.parse(key.validUntil) <= Date.parse(key.validFrom)) {
          ctx.addIssue({ code: 'custom', path: [index, 'validUntil'], message: 'must be after validFrom' });
        }
      });
    });

const publishedKeySchema = (crv: 'Ed25519' | 'X25519') =>
  z.strictObject({ ...validityShape, publicKeyJwk: publicJwkSchema(crv) });

const privateKeySchema = (crv: 'Ed25519' | 'X25519') =>
  z.strictObject({ ...validityShape, privateKeyJwk: privateJwkSchema(crv) });

/**
 * The trust directory file (`trust-directory.json`): every country's public keys. The schema is strict,
 * so a private key published by mistake (a JWK with `d`) makes the file invalid instead of spreading.
 */
export const trustDirectoryDocumentSchema = z.strictObject({
  version: z.literal(1),
  updatedAt: instantSchema,
  countries: z.record(
    countryCodeSchema,
    z.strictObject({
      signingKeys: keyList(publishedKeySchema('Ed25519')),
      encryptionKeys: keyList(publishedKeySchema('X25519')),
    }),
  ),
});

/** The parsed form of a trust directory file. */
export type TrustDirectoryDocument = z.infer<typeof trustDirectoryDocumentSchema>;

/** One country's entry in a trust directory file. */
export type TrustDirectoryCountryDocument = TrustDirectoryDocument['countries'][string];

/** A public key as published in the trust directory file. */
export type PublishedKeyDocument = TrustDirectoryCountryDocument['signingKeys'][number];

/**
 * One country's private key file (`<dir>/<CC>.json`): its signing and encryption private keys as JWKs
 * (RFC 8037, `kty: "OKP"`), each with its validity window. `node` records which node the file was made
 * for; it is informative only.
 */
export const countryKeyFileSchema = z.strictObject({
  version: z.literal(1),
  country: countryCodeSchema,
  node: nodeIdSchema.optional(),
  signingKeys: keyList(privateKeySchema('Ed25519')),
  encryptionKeys: keyList(privateKeySchema('X25519')),
});

/** The parsed form of a country's private key file. */
export type CountryKeyFile = z.infer<typeof countryKeyFileSchema>;

/** A private key as stored in a country key file. */
export type PrivateKeyDocument = CountryKeyFile['signingKeys'][number];

/** A key's identity and validity window, with the instants already parsed. */
export interface KeyValidity {
  readonly keyId: string;
  readonly validFrom: Date;
  /** `null`: no end yet. */
  readonly validUntil: Date | null;
}

/** True when `at` lies in `[validFrom, validUntil)`. */
export function isKeyValidAt(key: KeyValidity, at: Date): boolean {
  const time = at.getTime();
  return key.validFrom.getTime() <= time && (key.validUntil === null || time < key.validUntil.getTime());
}

/**
 * The key valid at `at` that started most recently (ties broken by key id, so every node picks the
 * same one): after a rotation the successor wins while its predecessor is still inside its overlap.
 */
export function newestKeyValidAt<T extends KeyValidity>(keys: readonly T[], at: Date): T | undefined {
  let best: T | undefined;
  for (const key of keys) {
    if (!isKeyValidAt(key, at)) continue;
    const newer =
      best === undefined ||
      key.validFrom.getTime() > best.validFrom.getTime() ||
      (key.validFrom.getTime() === best.validFrom.getTime() && key.keyId > best.keyId);
    if (newer) best = key;
  }
  return best;
}

/** Formats zod issues as `path: message` lines, without echoing the offending values. */
export function describeIssues(error: z.ZodError, limit = 10): string {
  const lines = error.issues
    .slice(0, limit)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`);
  if (error.issues.length > limit) lines.push(`… and ${error.issues.length - limit} more`);
  return lines.join('; ');
}
