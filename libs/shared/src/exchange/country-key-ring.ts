import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeBase64url } from './base64url.js';
import { ExchangeKeyConfigError } from './exchange.errors.js';
import { COUNTRY_CODE_PATTERN } from './exchange-identifiers.js';
import {
  countryKeyFileSchema,
  describeIssues,
  KEY_TYPE_BY_PURPOSE,
  newestKeyValidAt,
  type ExchangeKeyPurpose,
  type KeyValidity,
  type PrivateKeyDocument,
} from './exchange-key-records.js';

/** One of a hosted country's private keys, ready for `crypto`. */
export interface PrivateKeyEntry extends KeyValidity {
  readonly privateKey: KeyObject;
  /** The matching raw 32-byte public key, bound into key derivation and compared with the directory. */
  readonly rawPublicKey: Buffer;
}

interface CountryKeys {
  readonly signing: readonly PrivateKeyEntry[];
  readonly encryption: readonly PrivateKeyEntry[];
}

const KEY_FILE_NAME = /^([A-Z]{2})\.json$/;

/**
 * The private keys of the countries a node hosts: per country, Ed25519 signing keys (to sign what the
 * node sends on that country's behalf) and X25519 encryption keys (to open what is sent to it).
 *
 * On disk, one JSON file per country, `<dir>/<CC>.json`, holding private keys as JWKs (RFC 8037); see
 * `docs/exchange-keys.md`. Key material never appears in error messages.
 */
export class CountryKeyRing {
  private constructor(private readonly entries: ReadonlyMap<string, CountryKeys>) {}

  /**
   * Builds a key ring from parsed key files (one per country).
   *
   * @throws ExchangeKeyConfigError (`INVALID_KEY_RING`) when a file does not match the schema, a
   *   country appears twice, or a private key does not match the public key stored beside it.
   */
  static fromKeyFiles(files: readonly unknown[]): CountryKeyRing {
    const entries = new Map<string, CountryKeys>();
    files.forEach((file, index) => {
      const parsed = countryKeyFileSchema.safeParse(file);
      if (!parsed.success) {
        throw new ExchangeKeyConfigError(
          'INVALID_KEY_RING',
          `key file #${index}: ${describeIssues(parsed.error)}`,
        );
      }
      const { country } = parsed.data;
      if (entries.has(country)) {
        throw new ExchangeKeyConfigError('INVALID_KEY_RING', `key ring: country ${country} is given twice`);
      }
      entries.set(country, {
        signing: parsed.data.signingKeys.map((key) => importPrivateKey(country, 'signing', key)),
        encryption: parsed.data.encryptionKeys.map((key) => importPrivateKey(country, 'encryption', key)),
      });
    });
    if (entries.size === 0)
      throw new ExchangeKeyConfigError('INVALID_KEY_RING', 'key ring: no country key files');
    return new CountryKeyRing(entries);
  }

  /**
   * Loads `<dir>/<CC>.json` files. With `countries` (the node's hosted countries), exactly those files
   * are read and each must exist, so a node never loads keys of countries it does not host even when the
   * directory holds more (as it does in development); without it, every `<CC>.json` file is read.
   *
   * @throws ExchangeKeyConfigError (`INVALID_KEY_RING`) when a file is missing, unreadable, invalid, or
   *   names a different country than its file name.
   */
  static async fromDirectory(
    dir: string,
    options: { countries?: readonly string[] } = {},
  ): Promise<CountryKeyRing> {
    const countries = options.countries ?? (await listKeyFileCountries(dir));
    const files = await Promise.all(
      countries.map(async (country) => {
        if (!COUNTRY_CODE_PATTERN.test(country)) {
          throw new ExchangeKeyConfigError(
            'INVALID_KEY_RING',
            `key ring: ${JSON.stringify(country)} is not a country code`,
          );
        }
        const path = join(dir, `${country}.json`);
        const document = await readKeyFile(path);
        if ((document as { country?: unknown } | null)?.country !== country) {
          throw new ExchangeKeyConfigError(
            'INVALID_KEY_RING',
            `key file ${path} does not hold the keys of ${country}`,
          );
        }
        return document;
      }),
    );
    return CountryKeyRing.fromKeyFiles(files);
  }

  /** The countries this ring holds keys for, sorted. */
  countries(): string[] {
    return [...this.entries.keys()].sort();
  }

  /** The signing key to use for `country` at `at`: the newest one valid then, or `undefined`. */
  signingKeyFor(country: string, at: Date): PrivateKeyEntry | undefined {
    return newestKeyValidAt(this.entries.get(country)?.signing ?? [], at);
  }

  /**
   * The encryption key `keyId` of `country`, whatever its validity window: a message sealed for a key
   * shortly before its rotation must still open while it waits in a queue. Retire a key by removing it
   * from the ring once nothing sealed for it can still arrive.
   */
  encryptionKey(country: string, keyId: string): PrivateKeyEntry | undefined {
    return this.entries.get(country)?.encryption.find((key) => key.keyId === keyId);
  }

  /** Every key the ring holds for `country` and `purpose` (empty for a country it does not hold). */
  keys(country: string, purpose: ExchangeKeyPurpose): readonly PrivateKeyEntry[] {
    const entry = this.entries.get(country);
    if (entry === undefined) return [];
    return purpose === 'signing' ? entry.signing : entry.encryption;
  }
}

async function listKeyFileCountries(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    throw new ExchangeKeyConfigError(
      'INVALID_KEY_RING',
      `key directory ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  return names.flatMap((name) => KEY_FILE_NAME.exec(name)?.[1] ?? []).sort();
}

async function readKeyFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ExchangeKeyConfigError(
      'INVALID_KEY_RING',
      `key file ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    // V8's parse error quotes the input, which is private key material here: say nothing more.
    throw new ExchangeKeyConfigError('INVALID_KEY_RING', `key file ${path} is not valid JSON`);
  }
}

function importPrivateKey(
  country: string,
  purpose: ExchangeKeyPurpose,
  key: PrivateKeyDocument,
): PrivateKeyEntry {
  const privateKey = tryCreatePrivateKey(key.privateKeyJwk);
  const derivedX =
    privateKey?.asymmetricKeyType === KEY_TYPE_BY_PURPOSE[purpose]
      ? createPublicKey(privateKey).export({ format: 'jwk' }).x
      : undefined;
  // Node accepts a JWK whose `x` does not belong to its `d`; the exchange would then publish one key and
  // use another, so the pair is checked here.
  if (privateKey === undefined || derivedX !== key.privateKeyJwk.x) {
    throw new ExchangeKeyConfigError(
      'INVALID_KEY_RING',
      `key ring: ${purpose} key ${key.keyId} of ${country} is not a consistent ${KEY_TYPE_BY_PURPOSE[purpose]} key pair`,
    );
  }
  return {
    keyId: key.keyId,
    validFrom: new Date(key.validFrom),
    validUntil: key.validUntil === null ? null : new Date(key.validUntil),
    privateKey,
    rawPublicKey: decodeBase64url(key.privateKeyJwk.x) as Buffer,
  };
}

function tryCreatePrivateKey(jwk: PrivateKeyDocument['privateKeyJwk']): KeyObject | undefined {
  try {
    return createPrivateKey({ key: jwk, format: 'jwk' });
  } catch {
    return undefined;
  }
}
