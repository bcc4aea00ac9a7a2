import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CountryKeyRing } from './country-key-ring.js';
import { ExchangeKeyConfigError } from './exchange.errors.js';
import {
  buildTrustDirectoryDocument,
  generateCountryKeys,
  generateExchangeKeyPair,
} from './exchange-key-generator.js';
import type { CountryKeyFile } from './exchange-key-records.js';
import { assertKeyRingPublished } from './key-ring-consistency.js';
import { TrustDirectory } from './trust-directory.js';

const JAN = new Date('2026-01-01T00:00:00.000Z');
const MAR = new Date('2026-03-01T00:00:00.000Z');
const APR = new Date('2026-04-01T00:00:00.000Z');

const kh = generateCountryKeys('KH', { validFrom: JAN, node: 'node-a' });
const th = generateCountryKeys('TH', { validFrom: JAN });
const nextSigning = generateExchangeKeyPair('KH', 'signing', { validFrom: MAR });

const rotatedKh: CountryKeyFile = {
  ...kh.keyFile,
  signingKeys: [{ ...kh.keyFile.signingKeys[0]!, validUntil: APR.toISOString() }, nextSigning.private],
};

function configError(action: () => unknown): ExchangeKeyConfigError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ExchangeKeyConfigError);
    return error as ExchangeKeyConfigError;
  }
  throw new Error('expected a configuration error');
}

describe('CountryKeyRing', () => {
  const ring = CountryKeyRing.fromKeyFiles([rotatedKh, th.keyFile]);

  it('lists the countries it holds', () => {
    expect(ring.countries()).toEqual(['KH', 'TH']);
  });

  it('signs with the newest signing key valid at the time', () => {
    const oldId = kh.keyFile.signingKeys[0]!.keyId;
    expect(ring.signingKeyFor('KH', new Date('2026-02-01T00:00:00.000Z'))?.keyId).toBe(oldId);
    expect(ring.signingKeyFor('KH', MAR)?.keyId).toBe(nextSigning.private.keyId);
    expect(ring.signingKeyFor('KH', new Date('2025-06-01T00:00:00.000Z'))).toBeUndefined();
    expect(ring.signingKeyFor('ID', MAR)).toBeUndefined();
    expect(ring.signingKeyFor('KH', MAR)?.privateKey.asymmetricKeyType).toBe('ed25519');
  });

  it('finds an encryption key by id under its own country only', () => {
    const keyId = kh.keyFile.encryptionKeys[0]!.keyId;
    expect(ring.encryptionKey('KH', keyId)?.privateKey.asymmetricKeyType).toBe('x25519');
    expect(ring.encryptionKey('TH', keyId)).toBeUndefined();
    expect(ring.encryptionKey('KH', 'KH-enc-unknown')).toBeUndefined();
  });

  it('keeps private keys out of its JSON form', () => {
    expect(JSON.stringify(ring.keys('KH', 'signing'))).not.toContain(
      kh.keyFile.signingKeys[0]!.privateKeyJwk.d,
    );
  });

  it.each<[string, () => unknown[]]>([
    ['no files', () => []],
    ['the same country twice', () => [kh.keyFile, kh.keyFile]],
    ['a public-only JWK', () => [{ ...kh.keyFile, signingKeys: [nextSigning.public] }]],
    [
      'an encryption key among signing keys',
      () => [{ ...kh.keyFile, signingKeys: [{ ...kh.keyFile.encryptionKeys[0]!, keyId: 'x' }] }],
    ],
    [
      'a private key whose x belongs to another key',
      () => [
        {
          ...kh.keyFile,
          signingKeys: [
            {
              ...kh.keyFile.signingKeys[0]!,
              privateKeyJwk: {
                ...kh.keyFile.signingKeys[0]!.privateKeyJwk,
                x: nextSigning.public.publicKeyJwk.x,
              },
            },
          ],
        },
      ],
    ],
    ['a country without signing keys', () => [{ ...kh.keyFile, signingKeys: [] }]],
    ['an unknown member', () => [{ ...kh.keyFile, password: 'x' }]],
    ['a three-letter country', () => [{ ...kh.keyFile, country: 'KHM' }]],
  ])('refuses %s without revealing key material', (_label, files) => {
    const error = configError(() => CountryKeyRing.fromKeyFiles(files()));
    expect(error.code).toBe('INVALID_KEY_RING');
    for (const key of [...kh.keyFile.signingKeys, ...kh.keyFile.encryptionKeys]) {
      expect(error.message).not.toContain(key.privateKeyJwk.d);
    }
  });

  describe('fromDirectory', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'key-ring-'));
      await writeFile(join(dir, 'KH.json'), JSON.stringify(kh.keyFile), { mode: 0o600 });
      await writeFile(join(dir, 'TH.json'), JSON.stringify(th.keyFile), { mode: 0o600 });
      await writeFile(join(dir, 'README.txt'), 'not a key file');
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('loads every <CC>.json file when no countries are named', async () => {
      expect((await CountryKeyRing.fromDirectory(dir)).countries()).toEqual(['KH', 'TH']);
    });

    it('loads only the hosted countries when they are named', async () => {
      expect((await CountryKeyRing.fromDirectory(dir, { countries: ['TH'] })).countries()).toEqual(['TH']);
    });

    it('fails when a hosted country has no key file', async () => {
      await expect(CountryKeyRing.fromDirectory(dir, { countries: ['KH', 'ID'] })).rejects.toMatchObject({
        code: 'INVALID_KEY_RING',
        message: expect.stringContaining('ID.json'),
      });
    });

    it('fails on a name that is not a country code', async () => {
      await expect(CountryKeyRing.fromDirectory(dir, { countries: ['../KH'] })).rejects.toMatchObject({
        code: 'INVALID_KEY_RING',
      });
    });

    it('fails when a file holds another country than its name says', async () => {
      const misnamed = await mkdtemp(join(tmpdir(), 'key-ring-misnamed-'));
      try {
        await writeFile(join(misnamed, 'ID.json'), JSON.stringify(kh.keyFile));
        await expect(CountryKeyRing.fromDirectory(misnamed)).rejects.toMatchObject({
          code: 'INVALID_KEY_RING',
        });
      } finally {
        await rm(misnamed, { recursive: true, force: true });
      }
    });

    it('reports unparsable JSON without quoting the file', async () => {
      const broken = await mkdtemp(join(tmpdir(), 'key-ring-broken-'));
      try {
        const secret = kh.keyFile.signingKeys[0]!.privateKeyJwk.d;
        await writeFile(join(broken, 'KH.json'), `{"d": "${secret}" oops`);
        const error = await CountryKeyRing.fromDirectory(broken).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(ExchangeKeyConfigError);
        expect((error as Error).message).not.toContain(secret);
        expect((error as Error).message).toContain('not valid JSON');
      } finally {
        await rm(broken, { recursive: true, force: true });
      }
    });

    it('fails on an unreadable or missing directory', async () => {
      await expect(CountryKeyRing.fromDirectory(join(dir, 'nope'))).rejects.toMatchObject({
        code: 'INVALID_KEY_RING',
      });
      const empty = join(dir, 'empty');
      await mkdir(empty);
      await chmod(empty, 0o700);
      await expect(CountryKeyRing.fromDirectory(empty)).rejects.toMatchObject({ code: 'INVALID_KEY_RING' });
    });
  });
});

describe('assertKeyRingPublished', () => {
  const directoryWith = (khEntry = kh.published) =>
    TrustDirectory.fromObject(buildTrustDirectoryDocument({ KH: khEntry, TH: th.published }, JAN));

  it('passes when every private key is published as it is', () => {
    expect(() =>
      assertKeyRingPublished(CountryKeyRing.fromKeyFiles([kh.keyFile, th.keyFile]), directoryWith()),
    ).not.toThrow();
  });

  it('fails for a country missing from the directory', () => {
    const onlyTh = TrustDirectory.fromObject(buildTrustDirectoryDocument({ TH: th.published }, JAN));
    const error = configError(() =>
      assertKeyRingPublished(CountryKeyRing.fromKeyFiles([kh.keyFile]), onlyTh),
    );
    expect(error.code).toBe('KEY_RING_NOT_PUBLISHED');
  });

  it('fails for a key missing from the directory', () => {
    const withUnpublishedKey = {
      ...kh.keyFile,
      signingKeys: [...kh.keyFile.signingKeys, nextSigning.private],
    };
    const error = configError(() =>
      assertKeyRingPublished(CountryKeyRing.fromKeyFiles([withUnpublishedKey]), directoryWith()),
    );
    expect(error.message).toContain(nextSigning.private.keyId);
    expect(error.message).toMatch(/missing from/);
  });

  it('fails when the published key material differs', () => {
    const other = generateExchangeKeyPair('KH', 'encryption', { validFrom: JAN });
    const drifted = {
      ...kh.published,
      encryptionKeys: [{ ...other.public, keyId: kh.published.encryptionKeys[0]!.keyId }],
    };
    const error = configError(() =>
      assertKeyRingPublished(CountryKeyRing.fromKeyFiles([kh.keyFile]), directoryWith(drifted)),
    );
    expect(error.message).toMatch(/different in/);
  });

  it('fails when the published validity window differs', () => {
    const drifted = {
      ...kh.published,
      signingKeys: [{ ...kh.published.signingKeys[0]!, validUntil: APR.toISOString() }],
    };
    const error = configError(() =>
      assertKeyRingPublished(CountryKeyRing.fromKeyFiles([kh.keyFile]), directoryWith(drifted)),
    );
    expect(error.code).toBe('KEY_RING_NOT_PUBLISHED');
  });
});
