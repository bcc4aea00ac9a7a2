import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ExchangeKeyConfigError } from './exchange.errors.js';
import {
  buildTrustDirectoryDocument,
  exchangeKeyId,
  generateCountryKeys,
  generateExchangeKeyPair,
  jwkThumbprint,
} from './exchange-key-generator.js';
import type { TrustDirectoryDocument } from './exchange-key-records.js';
import { TrustDirectory } from './trust-directory.js';

const JAN = new Date('2026-01-01T00:00:00.000Z');
const MAR = new Date('2026-03-01T00:00:00.000Z');
const APR = new Date('2026-04-01T00:00:00.000Z');

const kh = generateCountryKeys('KH', { validFrom: JAN });
const th = generateCountryKeys('TH', { validFrom: JAN });
const khNext = {
  signing: generateExchangeKeyPair('KH', 'signing', { validFrom: MAR }),
  encryption: generateExchangeKeyPair('KH', 'encryption', { validFrom: MAR }),
};

/** KH rotated on 1 March with the old keys valid until 1 April. */
const rotatedDocument: TrustDirectoryDocument = buildTrustDirectoryDocument(
  {
    KH: {
      signingKeys: [
        { ...kh.published.signingKeys[0]!, validUntil: APR.toISOString() },
        khNext.signing.public,
      ],
      encryptionKeys: [
        { ...kh.published.encryptionKeys[0]!, validUntil: APR.toISOString() },
        khNext.encryption.public,
      ],
    },
    TH: th.published,
  },
  MAR,
);

function configError(action: () => unknown): ExchangeKeyConfigError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ExchangeKeyConfigError);
    return error as ExchangeKeyConfigError;
  }
  throw new Error('expected a configuration error');
}

describe('TrustDirectory', () => {
  const directory = TrustDirectory.fromObject(rotatedDocument);

  it('lists its countries, sorted', () => {
    expect(directory.countries()).toEqual(['KH', 'TH']);
    expect(directory.hasCountry('KH')).toBe(true);
    expect(directory.hasCountry('VN')).toBe(false);
    expect(directory.updatedAt).toEqual(MAR);
  });

  it('picks the newest encryption key valid at the given time', () => {
    const oldId = kh.published.encryptionKeys[0]!.keyId;
    expect(directory.encryptionKeyFor('KH', new Date('2026-02-01T00:00:00.000Z'))?.keyId).toBe(oldId);
    expect(directory.encryptionKeyFor('KH', MAR)?.keyId).toBe(khNext.encryption.public.keyId);
    expect(directory.encryptionKeyFor('KH', new Date('2026-03-15T00:00:00.000Z'))?.keyId).toBe(
      khNext.encryption.public.keyId,
    );
    expect(directory.encryptionKeyFor('KH', new Date('2025-12-31T23:59:59.999Z'))).toBeUndefined();
    expect(directory.encryptionKeyFor('VN', MAR)).toBeUndefined();
  });

  it('picks the same key on every node when two start together (highest key id wins)', () => {
    const a = generateExchangeKeyPair('KH', 'encryption', { validFrom: JAN });
    const b = generateExchangeKeyPair('KH', 'encryption', { validFrom: JAN });
    const expected = [a, b].map((pair) => pair.public.keyId).sort()[1];
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const twin = TrustDirectory.fromObject(
        buildTrustDirectoryDocument(
          { KH: { signingKeys: kh.published.signingKeys, encryptionKeys: order.map((pair) => pair.public) } },
          JAN,
        ),
      );
      expect(twin.encryptionKeyFor('KH', MAR)?.keyId).toBe(expected);
    }
  });

  it('accepts a signing key only inside its window (validFrom inclusive, validUntil exclusive)', () => {
    const oldId = kh.published.signingKeys[0]!.keyId;
    expect(directory.signingKey('KH', oldId, JAN)?.keyId).toBe(oldId);
    expect(directory.signingKey('KH', oldId, new Date('2026-03-31T23:59:59.999Z'))?.keyId).toBe(oldId);
    expect(directory.signingKey('KH', oldId, APR)).toBeUndefined();
    expect(directory.signingKey('KH', oldId, new Date('2025-12-31T23:59:59.999Z'))).toBeUndefined();
    expect(
      directory.signingKey('KH', khNext.signing.public.keyId, new Date('2026-02-28T00:00:00.000Z')),
    ).toBeUndefined();
    expect(directory.signingKey('KH', khNext.signing.public.keyId, APR)?.keyId).toBe(
      khNext.signing.public.keyId,
    );
  });

  it('does not find a key under another country or purpose', () => {
    expect(directory.findSigningKey('TH', kh.published.signingKeys[0]!.keyId)).toBeUndefined();
    expect(directory.findSigningKey('KH', kh.published.encryptionKeys[0]!.keyId)).toBeUndefined();
    expect(directory.findSigningKey('KH', kh.published.signingKeys[0]!.keyId)?.validUntil).toEqual(APR);
  });

  it('imports public keys of the right type', () => {
    expect(directory.publishedKeys('KH', 'signing').map((key) => key.publicKey.asymmetricKeyType)).toEqual([
      'ed25519',
      'ed25519',
    ]);
    expect(directory.publishedKeys('TH', 'encryption')[0]!.publicKey.asymmetricKeyType).toBe('x25519');
    expect(directory.publishedKeys('TH', 'encryption')[0]!.rawPublicKey).toHaveLength(32);
    expect(directory.publishedKeys('VN', 'signing')).toEqual([]);
  });

  describe('document validation', () => {
    const valid = (): TrustDirectoryDocument => structuredClone(rotatedDocument);

    it.each<[string, (document: TrustDirectoryDocument) => unknown]>([
      [
        'a private key (JWK with d)',
        (d) => {
          (d.countries.KH!.signingKeys[0]!.publicKeyJwk as Record<string, string>).d =
            kh.keyFile.signingKeys[0]!.privateKeyJwk.d;
          return d;
        },
      ],
      [
        'an X25519 key among signing keys',
        (d) => {
          d.countries.KH!.signingKeys[0]!.publicKeyJwk = d.countries.KH!.encryptionKeys[0]!
            .publicKeyJwk as never;
          return d;
        },
      ],
      [
        'a duplicate key id',
        (d) => {
          d.countries.KH!.signingKeys[1]!.keyId = d.countries.KH!.signingKeys[0]!.keyId;
          return d;
        },
      ],
      [
        'a window ending before it starts',
        (d) => {
          d.countries.TH!.signingKeys[0]!.validUntil = '2025-01-01T00:00:00.000Z';
          return d;
        },
      ],
      ['a lower-case country code', (d) => ({ ...d, countries: { kh: d.countries.KH } })],
      [
        'a country without encryption keys',
        (d) => {
          d.countries.TH!.encryptionKeys = [];
          return d;
        },
      ],
      ['an unknown member', (d) => ({ ...d, comment: 'x' })],
      ['another version', (d) => ({ ...d, version: 2 })],
      [
        'a date without offset',
        (d) => {
          d.countries.TH!.signingKeys[0]!.validFrom = '2026-01-01T00:00:00';
          return d;
        },
      ],
      [
        'a short public key',
        (d) => {
          d.countries.TH!.signingKeys[0]!.publicKeyJwk.x = 'AAAA';
          return d;
        },
      ],
      ['not an object', () => 'directory'],
    ])('refuses %s', (_label, change) => {
      const error = configError(() => TrustDirectory.fromObject(change(valid())));
      expect(error.code).toBe('INVALID_TRUST_DIRECTORY');
      expect(error.message).not.toContain(kh.keyFile.signingKeys[0]!.privateKeyJwk.d);
    });
  });

  describe('fromFile', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'trust-directory-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('reads a directory file', async () => {
      const path = join(dir, 'trust-directory.json');
      await writeFile(path, JSON.stringify(rotatedDocument));
      expect((await TrustDirectory.fromFile(path)).countries()).toEqual(['KH', 'TH']);
    });

    it('reports a missing or unparsable file with a coded error', async () => {
      await expect(TrustDirectory.fromFile(join(dir, 'missing.json'))).rejects.toMatchObject({
        code: 'INVALID_TRUST_DIRECTORY',
        message: expect.stringContaining('ENOENT'),
      });
      const path = join(dir, 'broken.json');
      await writeFile(path, '{"version": 1,');
      await expect(TrustDirectory.fromFile(path)).rejects.toMatchObject({ code: 'INVALID_TRUST_DIRECTORY' });
    });
  });
});

describe('key ids', () => {
  it('computes the RFC 7638 thumbprint (RFC 8037 appendix A.3 example)', () => {
    expect(
      jwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' }),
    ).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it('prefixes the country and purpose to the thumbprint', () => {
    const jwk = { kty: 'OKP', crv: 'X25519', x: kh.published.encryptionKeys[0]!.publicKeyJwk.x } as const;
    expect(exchangeKeyId('KH', 'encryption', jwk)).toBe(`KH-enc-${jwkThumbprint(jwk).slice(0, 16)}`);
    expect(kh.published.encryptionKeys[0]!.keyId).toBe(exchangeKeyId('KH', 'encryption', jwk));
  });
});
