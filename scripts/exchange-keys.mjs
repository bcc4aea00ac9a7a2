#!/usr/bin/env node
// Generates and rotates the cross-border exchange keys: per country an Ed25519 signing key and an X25519
// encryption key. Private keys go to <out>/keys/<CC>.json (mode 0600), public keys to
// <out>/trust-directory.json. The file formats are those validated by libs/shared/src/exchange
// (exchange-key-records.ts); see docs/exchange-keys.md. Node builtins only, so it runs before `npm ci`.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/** The countries of the regional mechanism, then origin countries of people held in the compounds. */
const DEFAULT_COUNTRIES = [
  ...['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'TL', 'CN', 'TW', 'HK'],
  ...['IN', 'NP', 'PK', 'BD', 'LK', 'KE', 'UG', 'ET', 'ZA', 'TR'],
  ...['NG', 'GH', 'UZ', 'KZ', 'KG', 'BR', 'KR', 'JP'],
];

const COUNTRY_CODE = /^[A-Z]{2}$/;
const NODE_ID = /^[a-z0-9][a-z0-9._-]{0,62}$/;
const PURPOSES = {
  signing: { type: 'ed25519', crv: 'Ed25519', tag: 'sig' },
  encryption: { type: 'x25519', crv: 'X25519', tag: 'enc' },
};
const DAY_MS = 24 * 60 * 60 * 1000;

const USAGE = `Usage:
  node scripts/exchange-keys.mjs generate --out <dir> [--countries KH,TH,...] [--node <id>] [--force]
  node scripts/exchange-keys.mjs rotate --out <dir> --country <CC> [--overlap-days 30]

generate  creates a signing and an encryption key for each country that has none yet (all of them with
          --force), writing <dir>/keys/<CC>.json and merging <dir>/trust-directory.json.
rotate    adds a new key pair for the country; its previous keys stay valid for --overlap-days more days.`;

class UsageError extends Error {}

async function main(argv) {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      out: { type: 'string' },
      countries: { type: 'string' },
      country: { type: 'string' },
      node: { type: 'string' },
      force: { type: 'boolean', default: false },
      'overlap-days': { type: 'string', default: '30' },
    },
    strict: true,
  });
  if (command === 'generate') return generate(values);
  if (command === 'rotate') return rotate(values);
  if (command === 'help' || command === '--help' || command === undefined) {
    console.log(USAGE);
    return;
  }
  throw new UsageError(`unknown command ${JSON.stringify(command)}`);
}

async function generate(options) {
  const out = requireOption(options, 'out');
  const countries = options.countries === undefined ? DEFAULT_COUNTRIES : parseCountries(options.countries);
  if (options.node !== undefined && !NODE_ID.test(options.node))
    throw new UsageError(`invalid --node ${JSON.stringify(options.node)}`);
  const now = new Date();
  const directory = (await readJsonIfExists(directoryPath(out))) ?? {
    version: 1,
    updatedAt: now.toISOString(),
    countries: {},
  };
  await mkdir(keysDir(out), { recursive: true, mode: 0o700 });

  for (const country of countries) {
    const existing = await readJsonIfExists(keyFilePath(out, country));
    if (existing !== undefined && !options.force) {
      // Republishing from the private file keeps the directory repairable if it was lost or edited.
      directory.countries[country] = publicEntryOf(existing);
      console.log(`${country}: kept existing keys`);
      continue;
    }
    if (existing === undefined && directory.countries[country] !== undefined && !options.force) {
      console.log(
        `${country}: kept the published keys (no private key file here; use --force to replace them)`,
      );
      continue;
    }
    const signing = newKeyPair(country, 'signing', now);
    const encryption = newKeyPair(country, 'encryption', now);
    const keyFile = {
      version: 1,
      country,
      ...(options.node === undefined ? {} : { node: options.node }),
      signingKeys: [signing],
      encryptionKeys: [encryption],
    };
    await writeJsonAtomic(keyFilePath(out, country), keyFile, 0o600);
    directory.countries[country] = publicEntryOf(keyFile);
    console.log(`${country}: generated ${signing.keyId} and ${encryption.keyId}`);
  }
  await writeDirectory(out, directory, now);
}

async function rotate(options) {
  const out = requireOption(options, 'out');
  const country = requireOption(options, 'country');
  if (!COUNTRY_CODE.test(country)) throw new UsageError(`invalid --country ${JSON.stringify(country)}`);
  const overlapDays = Number(options['overlap-days']);
  if (!Number.isFinite(overlapDays) || overlapDays < 0)
    throw new UsageError('--overlap-days must be a number of days >= 0');

  const keyFile = await readJsonIfExists(keyFilePath(out, country));
  if (keyFile === undefined) throw new UsageError(`no private key file for ${country} in ${keysDir(out)}`);
  const directory = await readJsonIfExists(directoryPath(out));
  if (directory === undefined) throw new UsageError(`no trust directory at ${directoryPath(out)}`);

  const now = new Date();
  const retireAt = new Date(now.getTime() + overlapDays * DAY_MS).toISOString();
  // Only shorten windows: a key already ending before the overlap keeps its earlier end.
  const retire = (key) =>
    key.validUntil === null || Date.parse(key.validUntil) > Date.parse(retireAt)
      ? { ...key, validUntil: retireAt }
      : key;
  const signing = newKeyPair(country, 'signing', now);
  const encryption = newKeyPair(country, 'encryption', now);
  const rotated = {
    ...keyFile,
    signingKeys: [...keyFile.signingKeys.map(retire), signing],
    encryptionKeys: [...keyFile.encryptionKeys.map(retire), encryption],
  };
  await writeJsonAtomic(keyFilePath(out, country), rotated, 0o600);
  directory.countries[country] = publicEntryOf(rotated);
  await writeDirectory(out, directory, now);
  console.log(
    `${country}: added ${signing.keyId} and ${encryption.keyId}; previous keys valid until ${retireAt}`,
  );
}

/** Same key id rule as exchangeKeyId() in libs/shared: <CC>-sig|enc-<16 characters of the RFC 7638 thumbprint>. */
function keyIdOf(country, purpose, x) {
  const { crv, tag } = PURPOSES[purpose];
  const thumbprint = createHash('sha256')
    .update(`{"crv":"${crv}","kty":"OKP","x":"${x}"}`)
    .digest('base64url');
  return `${country}-${tag}-${thumbprint.slice(0, 16)}`;
}

function newKeyPair(country, purpose, validFrom) {
  const { privateKey } = generateKeyPairSync(PURPOSES[purpose].type);
  const jwk = privateKey.export({ format: 'jwk' });
  return {
    keyId: keyIdOf(country, purpose, jwk.x),
    validFrom: validFrom.toISOString(),
    validUntil: null,
    privateKeyJwk: { kty: 'OKP', crv: PURPOSES[purpose].crv, x: jwk.x, d: jwk.d },
  };
}

/** The trust directory entry of a private key file: the public half of every key, recomputed from `d`. */
function publicEntryOf(keyFile) {
  const publish = (purpose) => (key) => {
    const x = createPublicKey(createPrivateKey({ key: key.privateKeyJwk, format: 'jwk' })).export({
      format: 'jwk',
    }).x;
    return {
      keyId: key.keyId,
      validFrom: key.validFrom,
      validUntil: key.validUntil,
      publicKeyJwk: { kty: 'OKP', crv: PURPOSES[purpose].crv, x },
    };
  };
  if (!Array.isArray(keyFile.signingKeys) || !Array.isArray(keyFile.encryptionKeys)) {
    throw new UsageError(`the key file of ${keyFile.country} is not in the expected format`);
  }
  return {
    signingKeys: keyFile.signingKeys.map(publish('signing')),
    encryptionKeys: keyFile.encryptionKeys.map(publish('encryption')),
  };
}

async function writeDirectory(out, directory, now) {
  const countries = Object.fromEntries(
    Object.keys(directory.countries)
      .sort()
      .map((cc) => [cc, directory.countries[cc]]),
  );
  await writeJsonAtomic(directoryPath(out), { version: 1, updatedAt: now.toISOString(), countries }, 0o644);
  console.log(`wrote ${directoryPath(out)} (${Object.keys(countries).length} countries)`);
}

/** Writes beside the target and renames, so a crash never leaves a half-written key file. */
async function writeJsonAtomic(path, value, mode) {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode, flag: 'wx' });
  await chmod(temporary, mode);
  await rename(temporary, path);
}

async function readJsonIfExists(path) {
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text);
  } catch {
    // Do not echo the parser's message: it quotes the file, which may hold private keys.
    throw new UsageError(`${path} is not valid JSON`);
  }
}

function parseCountries(list) {
  const countries = [
    ...new Set(
      list
        .split(',')
        .map((code) => code.trim())
        .filter((code) => code !== ''),
    ),
  ];
  const invalid = countries.filter((code) => !COUNTRY_CODE.test(code));
  if (countries.length === 0 || invalid.length > 0) {
    throw new UsageError(
      `--countries must be ISO 3166-1 alpha-2 codes, e.g. KH,TH (invalid: ${invalid.join(',') || 'empty'})`,
    );
  }
  return countries;
}

function requireOption(options, name) {
  if (options[name] === undefined || options[name] === '') throw new UsageError(`--${name} is required`);
  return options[name];
}

const keysDir = (out) => join(out, 'keys');
const keyFilePath = (out, country) => join(keysDir(out), `${country}.json`);
const directoryPath = (out) => join(out, 'trust-directory.json');

main(process.argv.slice(2)).catch((error) => {
  if (error instanceof UsageError || String(error?.code).startsWith('ERR_PARSE_ARGS_')) {
    console.error(`exchange-keys: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    console.error(`exchange-keys: ${error?.message ?? error}`);
    process.exitCode = 1;
  }
});
