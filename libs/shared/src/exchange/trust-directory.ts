import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { decodeBase64url } from './base64url.js';
import { ExchangeKeyConfigError } from './exchange.errors.js';
import {
  describeIssues,
  isKeyValidAt,
  KEY_TYPE_BY_PURPOSE,
  newestKeyValidAt,
  trustDirectoryDocumentSchema,
  type ExchangeKeyPurpose,
  type KeyValidity,
  type PublishedKeyDocument,
} from './exchange-key-records.js';

/** A country's public key from the trust directory, ready for `crypto`. */
export interface PublishedKey extends KeyValidity {
  readonly publicKey: KeyObject;
  /** The raw 32-byte public key (the JWK's `x`), bound into key derivation and used for comparisons. */
  readonly rawPublicKey: Buffer;
}

interface CountryEntry {
  readonly signing: readonly PublishedKey[];
  readonly encryption: readonly PublishedKey[];
}

/**
 * The public keys of every country in the mechanism. Senders look up the recipient's encryption key
 * here; receivers (and any operator) look up the sender's signing key to authenticate an envelope.
 * Immutable: reload to pick up a new directory.
 */
export class TrustDirectory {
  private constructor(
    private readonly entries: ReadonlyMap<string, CountryEntry>,
    /** When the directory document says it was last changed. */
    readonly updatedAt: Date,
  ) {}

  /**
   * Builds a directory from a parsed document (the JSON file's content).
   *
   * @throws ExchangeKeyConfigError (`INVALID_TRUST_DIRECTORY`) when the document does not match the
   *   schema, lists a key id twice, or holds a key `crypto` cannot import.
   */
  static fromObject(document: unknown): TrustDirectory {
    const parsed = trustDirectoryDocumentSchema.safeParse(document);
    if (!parsed.success) {
      throw new ExchangeKeyConfigError(
        'INVALID_TRUST_DIRECTORY',
        `trust directory: ${describeIssues(parsed.error)}`,
      );
    }
    const entries = new Map<string, CountryEntry>();
    for (const [country, keys] of Object.entries(parsed.data.countries)) {
      entries.set(country, {
        signing: keys.signingKeys.map((key) => importPublishedKey(country, 'signing', key)),
        encryption: keys.encryptionKeys.map((key) => importPublishedKey(country, 'encryption', key)),
      });
    }
    return new TrustDirectory(entries, new Date(parsed.data.updatedAt));
  }

  /**
   * Reads and validates a trust directory file.
   *
   * @throws ExchangeKeyConfigError (`INVALID_TRUST_DIRECTORY`) when the file cannot be read or parsed.
   */
  static async fromFile(path: string): Promise<TrustDirectory> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new ExchangeKeyConfigError(
        'INVALID_TRUST_DIRECTORY',
        `trust directory ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      );
    }
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      throw new ExchangeKeyConfigError(
        'INVALID_TRUST_DIRECTORY',
        `trust directory ${path} is not valid JSON`,
      );
    }
    return TrustDirectory.fromObject(document);
  }

  /** The countries listed, sorted. */
  countries(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** True when the directory lists `country`. */
  hasCountry(country: string): boolean {
    return this.entries.has(country);
  }

  /**
   * The key to encrypt for `country` at `at`: the newest of its encryption keys valid then, so that
   * senders move to a successor as soon as it is published, or `undefined` when there is none.
   */
  encryptionKeyFor(country: string, at: Date): PublishedKey | undefined {
    return newestKeyValidAt(this.entries.get(country)?.encryption ?? [], at);
  }

  /**
   * The signing key `keyId` of `country` if it exists and was valid at `at` (the envelope's `sentAt`).
   * A predecessor stays acceptable until its `validUntil`, which is what the rotation overlap is for.
   */
  signingKey(country: string, keyId: string, at: Date): PublishedKey | undefined {
    const key = this.findSigningKey(country, keyId);
    return key !== undefined && isKeyValidAt(key, at) ? key : undefined;
  }

  /** The signing key `keyId` of `country` whatever its validity, to tell an unknown key from an expired one. */
  findSigningKey(country: string, keyId: string): PublishedKey | undefined {
    return this.entries.get(country)?.signing.find((key) => key.keyId === keyId);
  }

  /** Every key `country` publishes for `purpose` (empty for an unknown country). */
  publishedKeys(country: string, purpose: ExchangeKeyPurpose): readonly PublishedKey[] {
    const entry = this.entries.get(country);
    if (entry === undefined) return [];
    return purpose === 'signing' ? entry.signing : entry.encryption;
  }
}

function importPublishedKey(
  country: string,
  purpose: ExchangeKeyPurpose,
  key: PublishedKeyDocument,
): PublishedKey {
  const publicKey = tryCreatePublicKey(key.publicKeyJwk);
  if (publicKey?.asymmetricKeyType !== KEY_TYPE_BY_PURPOSE[purpose]) {
    throw new ExchangeKeyConfigError(
      'INVALID_TRUST_DIRECTORY',
      `trust directory: ${purpose} key ${key.keyId} of ${country} is not a valid ${KEY_TYPE_BY_PURPOSE[purpose]} key`,
    );
  }
  return {
    keyId: key.keyId,
    validFrom: new Date(key.validFrom),
    validUntil: key.validUntil === null ? null : new Date(key.validUntil),
    publicKey,
    rawPublicKey: decodeBase64url(key.publicKeyJwk.x) as Buffer,
  };
}

function tryCreatePublicKey(jwk: PublishedKeyDocument['publicKeyJwk']): KeyObject | undefined {
  try {
    return createPublicKey({ key: jwk, format: 'jwk' });
  } catch {
    return undefined;
  }
}
