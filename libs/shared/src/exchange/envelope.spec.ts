import { createPrivateKey, randomUUID, sign } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { JsonValue } from './canonical-json.js';
import { CountryKeyRing } from './country-key-ring.js';
import { contentBinding, signingInput } from './envelope-binding.js';
import { encryptForRecipient, generateEphemeralKey } from './envelope-cipher.js';
import {
  openEnvelope,
  readEnvelopeHeader,
  verifyEnvelope,
  type OpenEnvelopeOptions,
} from './envelope-opener.js';
import { PAYLOAD_PADDING_BLOCK_BYTES, sealEnvelope, type SealEnvelopeInput } from './envelope-sealer.js';
import { ExchangeRejectedError, ExchangeSealError, type ExchangeRejectionCode } from './exchange.errors.js';
import {
  parseEnvelope,
  serializeEnvelope,
  type ExchangeEnvelope,
  type ExchangeHeader,
  type UnsignedEnvelope,
} from './exchange-envelope.js';
import {
  buildTrustDirectoryDocument,
  generateCountryKeys,
  generateExchangeKeyPair,
  type GeneratedCountryKeys,
} from './exchange-key-generator.js';
import type {
  CountryKeyFile,
  PrivateKeyDocument,
  TrustDirectoryCountryDocument,
} from './exchange-key-records.js';
import { TrustDirectory } from './trust-directory.js';

const KEYS_FROM = new Date('2026-01-01T00:00:00.000Z');
const T0 = new Date('2026-03-01T08:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (offsetMs: number) => new Date(T0.getTime() + offsetMs);
const clock = (date: Date) => () => date;

/** A name that must never show up outside the sealed payload. */
const SECRET_NAME = 'Chanthavy Sovannarith-Quispe';

const keys: Record<string, GeneratedCountryKeys> = Object.fromEntries(
  ['KH', 'ID', 'TH'].map((country) => [country, generateCountryKeys(country, { validFrom: KEYS_FROM })]),
);

function directoryOf(entries: Record<string, TrustDirectoryCountryDocument>): TrustDirectory {
  return TrustDirectory.fromObject(buildTrustDirectoryDocument(entries, KEYS_FROM));
}

const directory = directoryOf({ KH: keys.KH.published, ID: keys.ID.published, TH: keys.TH.published });
const senderRing = CountryKeyRing.fromKeyFiles([keys.KH.keyFile]);
const receiverRing = CountryKeyRing.fromKeyFiles([keys.ID.keyFile]);

const payload: JsonValue = {
  person: { fullName: SECRET_NAME, born: 1999, languages: ['km', 'en'] },
  notes: 'Lời khai: ទីតាំង — 日本語 ✓',
  flags: [true, false, null],
};

function input(overrides: Partial<SealEnvelopeInput> = {}): SealEnvelopeInput {
  return {
    correlationId: randomUUID(),
    type: 'handoff.offered',
    typeVersion: 1,
    sender: { country: 'KH', node: 'node-a' },
    recipient: { country: 'ID' },
    payload,
    ...overrides,
  };
}

function seal(overrides: Partial<SealEnvelopeInput> = {}, sealedAt = T0, ring = senderRing, dir = directory) {
  return sealEnvelope(input(overrides), { keyRing: ring, trustDirectory: dir, now: clock(sealedAt) });
}

function receiver(overrides: Partial<OpenEnvelopeOptions> = {}): OpenEnvelopeOptions {
  return {
    keyRing: receiverRing,
    trustDirectory: directory,
    hostedCountries: ['ID'],
    now: clock(at(1000)),
    ...overrides,
  };
}

function bytesOf(document: unknown): Buffer {
  return Buffer.from(JSON.stringify(document), 'utf8');
}

function rejection(action: () => unknown): ExchangeRejectedError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ExchangeRejectedError);
    return error as ExchangeRejectedError;
  }
  throw new Error('expected the envelope to be rejected');
}

function expectRejected(action: () => unknown, code: ExchangeRejectionCode): ExchangeRejectedError {
  const error = rejection(action);
  expect(error.code).toBe(code);
  expect(error.message).not.toContain(SECRET_NAME);
  return error;
}

function sealError(action: () => unknown): ExchangeSealError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ExchangeSealError);
    return error as ExchangeSealError;
  }
  throw new Error('expected sealing to fail');
}

/** Signs `unsigned` as its sender would, with the given private signing key (first key of the file by default). */
function signWith(unsigned: UnsignedEnvelope, key: PrivateKeyDocument, keyId = key.keyId): ExchangeEnvelope {
  const params = { alg: 'Ed25519', keyId } as const;
  const privateKey = createPrivateKey({ key: key.privateKeyJwk, format: 'jwk' });
  const value = sign(null, signingInput(unsigned, params), privateKey).toString('base64url');
  return { ...unsigned, signature: { ...params, value } };
}

function unsignedOf(envelope: ExchangeEnvelope): UnsignedEnvelope {
  const { signature: _signature, ...unsigned } = envelope;
  return unsigned;
}

describe('sealEnvelope + openEnvelope', () => {
  it('round-trips the payload and the header', () => {
    const envelope = seal({ causationId: randomUUID() });
    const opened = openEnvelope(serializeEnvelope(envelope), receiver());

    expect(opened.payload).toEqual(payload);
    expect(opened.signingKeyId).toBe(keys.KH.keyFile.signingKeys[0]!.keyId);
    expect(opened.header).toEqual({
      v: 1,
      messageId: envelope.messageId,
      correlationId: envelope.correlationId,
      causationId: envelope.causationId,
      type: 'handoff.offered',
      typeVersion: 1,
      sentAt: T0.toISOString(),
      sender: { country: 'KH', node: 'node-a' },
      recipient: { country: 'ID' },
    } satisfies ExchangeHeader);
  });

  it('fills in a random message id and a null causation id when omitted, and keeps a given message id', () => {
    const generated = seal();
    expect(generated.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated.causationId).toBeNull();
    const messageId = randomUUID();
    expect(seal({ messageId }).messageId).toBe(messageId);
  });

  it.each<JsonValue>([null, 0, -42, 3.5, '', 'text', true, [], {}, [{ a: [1, { b: null }] }]])(
    'round-trips the JSON value %j',
    (value) => {
      const opened = openEnvelope(serializeEnvelope(seal({ payload: value })), receiver());
      expect(opened.payload).toEqual(value);
    },
  );

  it('names the recipient key and both algorithms on the envelope', () => {
    const envelope = seal();
    expect(envelope.encryption.alg).toBe('X25519-HKDF-SHA256-A256GCM');
    expect(envelope.encryption.recipientKeyId).toBe(keys.ID.keyFile.encryptionKeys[0]!.keyId);
    expect(envelope.signature.alg).toBe('Ed25519');
  });

  it('leaves no plaintext of the payload in the serialized bytes', () => {
    const bytes = serializeEnvelope(seal());
    const text = bytes.toString('utf8');
    for (const fragment of [SECRET_NAME, 'Chanthavy', 'Sovannarith', 'fullName', 'languages', 'Lời khai']) {
      expect(bytes.includes(Buffer.from(fragment, 'utf8'))).toBe(false);
      expect(text.toLowerCase()).not.toContain(fragment.toLowerCase());
    }
  });

  it('produces different ciphertexts for the same payload (fresh ephemeral key and IV)', () => {
    const messageId = randomUUID();
    const correlationId = randomUUID();
    const first = seal({ messageId, correlationId });
    const second = seal({ messageId, correlationId });
    expect(second.encryption.ephemeralPublicKey).not.toBe(first.encryption.ephemeralPublicKey);
    expect(second.encryption.iv).not.toBe(first.encryption.iv);
    expect(second.ciphertext).not.toBe(first.ciphertext);
    expect(second.signature.value).not.toBe(first.signature.value);
  });

  it('pads the plaintext to a block so the ciphertext hides the exact payload size', () => {
    const short = Buffer.from(seal({ payload: 'a' }).ciphertext, 'base64url');
    const longer = Buffer.from(seal({ payload: 'a'.repeat(100) }).ciphertext, 'base64url');
    expect(short.length).toBe(PAYLOAD_PADDING_BLOCK_BYTES + 16);
    expect(longer.length).toBe(short.length);
    expect(openEnvelope(serializeEnvelope(seal({ payload: 'a'.repeat(100) })), receiver()).payload).toBe(
      'a'.repeat(100),
    );
  });

  it('serializes canonically, so parse then serialize gives the same bytes', () => {
    const bytes = serializeEnvelope(seal());
    expect(serializeEnvelope(parseEnvelope(bytes)).equals(bytes)).toBe(true);
  });

  it('opens envelopes whose members arrive in any order', () => {
    const envelope = seal();
    const reversed = Object.fromEntries(Object.entries(envelope).reverse());
    expect(openEnvelope(bytesOf(reversed), receiver()).payload).toEqual(payload);
  });

  it('lets a node that hosts both countries seal and open with one key ring', () => {
    const both = CountryKeyRing.fromKeyFiles([keys.KH.keyFile, keys.ID.keyFile]);
    const envelope = seal({}, T0, both);
    expect(
      openEnvelope(serializeEnvelope(envelope), receiver({ keyRing: both, hostedCountries: ['KH', 'ID'] }))
        .payload,
    ).toEqual(payload);
  });
});

describe('openEnvelope: tampering', () => {
  it('rejects a changed ciphertext byte as BAD_SIGNATURE', () => {
    const envelope = seal();
    const ciphertext = Buffer.from(envelope.ciphertext, 'base64url');
    ciphertext[5] = ciphertext[5]! ^ 0x01;
    const tampered = { ...envelope, ciphertext: ciphertext.toString('base64url') };
    expectRejected(() => openEnvelope(serializeEnvelope(tampered), receiver()), 'BAD_SIGNATURE');
  });

  it('rejects a changed ciphertext as UNDECRYPTABLE even when it carries a valid signature', () => {
    const envelope = seal();
    const ciphertext = Buffer.from(envelope.ciphertext, 'base64url');
    ciphertext[ciphertext.length - 1] = ciphertext[ciphertext.length - 1]! ^ 0x80;
    const resigned = signWith(
      { ...unsignedOf(envelope), ciphertext: ciphertext.toString('base64url') },
      keys.KH.keyFile.signingKeys[0]!,
    );
    expectRejected(() => openEnvelope(serializeEnvelope(resigned), receiver()), 'UNDECRYPTABLE');
  });

  it.each<[string, (envelope: ExchangeEnvelope) => ExchangeEnvelope, ExchangeRejectionCode]>([
    ['messageId', (e) => ({ ...e, messageId: randomUUID() }), 'BAD_SIGNATURE'],
    ['type', (e) => ({ ...e, type: 'handoff.accepted' }), 'BAD_SIGNATURE'],
    ['typeVersion', (e) => ({ ...e, typeVersion: 2 }), 'BAD_SIGNATURE'],
    ['correlationId', (e) => ({ ...e, correlationId: randomUUID() }), 'BAD_SIGNATURE'],
    ['causationId', (e) => ({ ...e, causationId: randomUUID() }), 'BAD_SIGNATURE'],
    ['sentAt', (e) => ({ ...e, sentAt: at(-60_000).toISOString() }), 'BAD_SIGNATURE'],
    ['sender node', (e) => ({ ...e, sender: { ...e.sender, node: 'node-z' } }), 'BAD_SIGNATURE'],
    [
      'encryption iv',
      (e) => ({ ...e, encryption: { ...e.encryption, iv: seal().encryption.iv } }),
      'BAD_SIGNATURE',
    ],
    [
      'ephemeral key',
      (e) => ({
        ...e,
        encryption: { ...e.encryption, ephemeralPublicKey: seal().encryption.ephemeralPublicKey },
      }),
      'BAD_SIGNATURE',
    ],
    [
      'signature value',
      (e) => ({ ...e, signature: { ...e.signature, value: seal().signature.value } }),
      'BAD_SIGNATURE',
    ],
    // The signature is by a KH key, which TH does not have.
    ['sender country', (e) => ({ ...e, sender: { ...e.sender, country: 'TH' } }), 'UNKNOWN_KEY'],
    // Nobody at this node holds ID's key under TH.
    ['recipient country', (e) => ({ ...e, recipient: { country: 'TH' } }), 'WRONG_RECIPIENT'],
  ])('rejects a changed %s', (_field, tamper, code) => {
    const receiving = receiver({
      keyRing: CountryKeyRing.fromKeyFiles([keys.ID.keyFile, keys.TH.keyFile]),
      hostedCountries: ['ID', 'TH'],
    });
    expectRejected(() => openEnvelope(serializeEnvelope(tamper(seal())), receiving), code);
  });

  // The AAD and HKDF info bind the header: even a header change re-signed with a valid key (a sender
  // country replanting another country's ciphertext, or a bug) cannot be decrypted.
  it.each<[string, (unsigned: UnsignedEnvelope) => UnsignedEnvelope]>([
    ['messageId', (u) => ({ ...u, messageId: randomUUID() })],
    ['type', (u) => ({ ...u, type: 'handoff.declined' })],
    ['typeVersion', (u) => ({ ...u, typeVersion: 7 })],
    ['correlationId', (u) => ({ ...u, correlationId: randomUUID() })],
    ['causationId', (u) => ({ ...u, causationId: randomUUID() })],
    ['sentAt', (u) => ({ ...u, sentAt: at(1).toISOString() })],
    ['sender node', (u) => ({ ...u, sender: { ...u.sender, node: 'node-b' } })],
    ['recipient country', (u) => ({ ...u, recipient: { country: 'TH' } })],
  ])(
    'cannot decrypt a ciphertext moved under a header with another %s, even when re-signed',
    (_field, change) => {
      // TH is given ID's own encryption key under the same id, so the only difference left is the header.
      const thWithIdKeys: CountryKeyFile = { ...keys.ID.keyFile, country: 'TH' };
      const receiving = receiver({
        keyRing: CountryKeyRing.fromKeyFiles([keys.ID.keyFile, thWithIdKeys]),
        hostedCountries: ['ID', 'TH'],
      });
      const resigned = signWith(change(unsignedOf(seal())), keys.KH.keyFile.signingKeys[0]!);
      expectRejected(() => openEnvelope(serializeEnvelope(resigned), receiving), 'UNDECRYPTABLE');
    },
  );

  it('cannot decrypt a ciphertext moved under another sender country, even when that country re-signs it', () => {
    const envelope = seal();
    const moved = signWith(
      { ...unsignedOf(envelope), sender: { country: 'TH', node: 'node-t' } },
      keys.TH.keyFile.signingKeys[0]!,
    );
    expectRejected(() => openEnvelope(serializeEnvelope(moved), receiver()), 'UNDECRYPTABLE');
  });

  it('rejects a ciphertext replanted from another envelope under a re-signed header', () => {
    const victim = seal({ payload: { fullName: SECRET_NAME } });
    const carrier = seal({ payload: 'harmless' });
    const replanted = signWith(
      { ...unsignedOf(carrier), encryption: victim.encryption, ciphertext: victim.ciphertext },
      keys.KH.keyFile.signingKeys[0]!,
    );
    expectRejected(() => openEnvelope(serializeEnvelope(replanted), receiver()), 'UNDECRYPTABLE');
  });

  it('rejects a non-canonical base64url spelling of a signed value as MALFORMED', () => {
    const envelope = seal();
    // 64 signature bytes end in a character carrying 4 unused bits; setting one gives the same bytes.
    const last = envelope.signature.value.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const variant = envelope.signature.value.slice(0, -1) + alphabet[alphabet.indexOf(last) + 1]!;
    expect(Buffer.from(variant, 'base64url').equals(Buffer.from(envelope.signature.value, 'base64url'))).toBe(
      true,
    );
    const tampered = { ...envelope, signature: { ...envelope.signature, value: variant } };
    expectRejected(() => openEnvelope(serializeEnvelope(tampered), receiver()), 'MALFORMED');
  });
});

describe('openEnvelope: signatures and keys', () => {
  it('rejects an envelope whose signature was stripped as UNSIGNED', () => {
    const { signature: _signature, ...stripped } = seal();
    expectRejected(() => openEnvelope(bytesOf(stripped), receiver()), 'UNSIGNED');
    expectRejected(() => openEnvelope(bytesOf({ ...stripped, signature: null }), receiver()), 'UNSIGNED');
    expectRejected(() => parseEnvelope(bytesOf(stripped)), 'UNSIGNED');
  });

  it('rejects an empty or half signature block as MALFORMED', () => {
    const envelope = seal();
    expectRejected(() => openEnvelope(bytesOf({ ...envelope, signature: {} }), receiver()), 'MALFORMED');
    expectRejected(
      () =>
        openEnvelope(bytesOf({ ...envelope, signature: { ...envelope.signature, value: '' } }), receiver()),
      'MALFORMED',
    );
  });

  it("rejects a signature made with another country's key under the sender's key id as BAD_SIGNATURE", () => {
    const forged = signWith(
      unsignedOf(seal()),
      keys.TH.keyFile.signingKeys[0]!,
      keys.KH.keyFile.signingKeys[0]!.keyId,
    );
    expectRejected(() => openEnvelope(serializeEnvelope(forged), receiver()), 'BAD_SIGNATURE');
  });

  it("rejects a signature made with another country's key under its own key id as UNKNOWN_KEY", () => {
    const forged = signWith(unsignedOf(seal()), keys.TH.keyFile.signingKeys[0]!);
    expectRejected(() => openEnvelope(serializeEnvelope(forged), receiver()), 'UNKNOWN_KEY');
  });

  it('rejects a sender the trust directory does not list as UNKNOWN_SENDER', () => {
    const withoutKh = directoryOf({ ID: keys.ID.published, TH: keys.TH.published });
    expectRejected(
      () => openEnvelope(serializeEnvelope(seal()), receiver({ trustDirectory: withoutKh })),
      'UNKNOWN_SENDER',
    );
  });

  it('rejects a signing key valid only after sentAt, or expired before it, as KEY_NOT_VALID', () => {
    const khKey = keys.KH.keyFile.signingKeys[0]!;
    const publishedKh = keys.KH.published.signingKeys[0]!;
    for (const window of [
      { validFrom: at(DAY).toISOString(), validUntil: null },
      { validFrom: KEYS_FROM.toISOString(), validUntil: at(-DAY).toISOString() },
      { validFrom: KEYS_FROM.toISOString(), validUntil: T0.toISOString() }, // validUntil is exclusive
    ]) {
      const published = { ...keys.KH.published, signingKeys: [{ ...publishedKh, ...window }] };
      const receiving = receiver({ trustDirectory: directoryOf({ KH: published, ID: keys.ID.published }) });
      // The sender's own ring still believes the key valid (a node with a stale key file).
      const envelope = seal(
        {},
        T0,
        CountryKeyRing.fromKeyFiles([{ ...keys.KH.keyFile, signingKeys: [khKey] }]),
      );
      expectRejected(() => openEnvelope(serializeEnvelope(envelope), receiving), 'KEY_NOT_VALID');
    }
  });

  it('accepts a retired key for a message sent in its window until the grace period ends', () => {
    const published = {
      ...keys.KH.published,
      signingKeys: [{ ...keys.KH.published.signingKeys[0]!, validUntil: at(DAY).toISOString() }],
    };
    const dir = directoryOf({ KH: published, ID: keys.ID.published });
    const bytes = serializeEnvelope(seal());
    const grace = 3 * DAY;
    expect(
      openEnvelope(
        bytes,
        receiver({ trustDirectory: dir, retiredKeyGraceMs: grace, now: clock(at(DAY + grace - 1)) }),
      ).payload,
    ).toEqual(payload);
    expectRejected(
      () =>
        openEnvelope(
          bytes,
          receiver({ trustDirectory: dir, retiredKeyGraceMs: grace, now: clock(at(DAY + grace)) }),
        ),
      'KEY_NOT_VALID',
    );
  });

  it('refuses a backdated envelope signed with a retired key once the default grace (the maximum age) has passed', () => {
    // The key retires at DAY; whoever obtained it afterwards signs with sentAt just before retirement.
    const published = {
      ...keys.KH.published,
      signingKeys: [{ ...keys.KH.published.signingKeys[0]!, validUntil: at(DAY).toISOString() }],
    };
    const dir = directoryOf({ KH: published, ID: keys.ID.published });
    const backdated = serializeEnvelope(seal({}, at(DAY - 1)));
    expectRejected(
      () => openEnvelope(backdated, receiver({ trustDirectory: dir, now: clock(at(DAY + 7 * DAY)) })),
      'KEY_NOT_VALID',
    );
    expect(
      openEnvelope(backdated, receiver({ trustDirectory: dir, now: clock(at(DAY + 7 * DAY - 2)) })).payload,
    ).toEqual(payload);
  });

  it('refuses an envelope older than the maximum age as TOO_OLD (7 days unless configured)', () => {
    const bytes = serializeEnvelope(seal());
    expect(openEnvelope(bytes, receiver({ now: clock(at(7 * DAY)) })).payload).toEqual(payload);
    expectRejected(() => openEnvelope(bytes, receiver({ now: clock(at(7 * DAY + 1)) })), 'TOO_OLD');
    expectRejected(
      () => openEnvelope(bytes, receiver({ maxEnvelopeAgeMs: 2 * DAY, now: clock(at(2 * DAY + 1)) })),
      'TOO_OLD',
    );
    expectRejected(
      () => verifyEnvelope(bytes, { trustDirectory: directory, now: clock(at(8 * DAY)) }),
      'TOO_OLD',
    );
  });

  it('rejects a signature over a payload that decrypts to something other than JSON, without quoting it', () => {
    const header = readEnvelopeHeader(serializeEnvelope(seal()));
    const recipient = directory.encryptionKeyFor('ID', T0)!;
    const ephemeral = generateEphemeralKey();
    const encryption = {
      alg: 'X25519-HKDF-SHA256-A256GCM',
      recipientKeyId: recipient.keyId,
      ephemeralPublicKey: ephemeral.rawPublicKey.toString('base64url'),
    } as const;
    const sealed = encryptForRecipient({
      plaintext: Buffer.from(`{"name": "${SECRET_NAME}"`, 'utf8'),
      ephemeral,
      recipient,
      associatedData: contentBinding(header, encryption),
    })!;
    const envelope = signWith(
      {
        ...header,
        encryption: { ...encryption, iv: sealed.iv.toString('base64url') },
        ciphertext: sealed.ciphertext.toString('base64url'),
      },
      keys.KH.keyFile.signingKeys[0]!,
    );
    const error = expectRejected(() => openEnvelope(serializeEnvelope(envelope), receiver()), 'MALFORMED');
    expect(error.message).toContain('payload');
  });
});

describe('openEnvelope: recipient', () => {
  it('accepts the hosted countries as a set', () => {
    expect(
      openEnvelope(serializeEnvelope(seal()), receiver({ hostedCountries: new Set(['TH', 'ID']) })).payload,
    ).toEqual(payload);
    expectRejected(
      () => openEnvelope(serializeEnvelope(seal()), receiver({ hostedCountries: new Set(['TH']) })),
      'WRONG_RECIPIENT',
    );
  });

  it('rejects an envelope for a country this node does not host as WRONG_RECIPIENT', () => {
    expectRejected(
      () => openEnvelope(serializeEnvelope(seal()), receiver({ hostedCountries: ['TH'] })),
      'WRONG_RECIPIENT',
    );
  });

  it('rejects a hosted recipient whose key ring lacks the country as WRONG_RECIPIENT', () => {
    expectRejected(
      () =>
        openEnvelope(serializeEnvelope(seal()), receiver({ hostedCountries: ['ID'], keyRing: senderRing })),
      'WRONG_RECIPIENT',
    );
  });

  it('rejects an envelope sealed for a recipient key id this node does not hold as WRONG_RECIPIENT', () => {
    const otherIdKeys = generateCountryKeys('ID', { validFrom: KEYS_FROM });
    const error = expectRejected(
      () =>
        openEnvelope(
          serializeEnvelope(seal()),
          receiver({ keyRing: CountryKeyRing.fromKeyFiles([otherIdKeys.keyFile]) }),
        ),
      'WRONG_RECIPIENT',
    );
    expect(error.message).toContain(keys.ID.keyFile.encryptionKeys[0]!.keyId);
  });
});

describe('openEnvelope: rotation', () => {
  const ROTATED_AT = T0;
  const OVERLAP = 30 * DAY;
  const retire = <T extends { validUntil: string | null }>(key: T): T => ({
    ...key,
    validUntil: new Date(ROTATED_AT.getTime() + OVERLAP).toISOString(),
  });
  const newKh = {
    signing: generateExchangeKeyPair('KH', 'signing', { validFrom: ROTATED_AT }),
    encryption: generateExchangeKeyPair('KH', 'encryption', { validFrom: ROTATED_AT }),
  };
  const newId = {
    signing: generateExchangeKeyPair('ID', 'signing', { validFrom: ROTATED_AT }),
    encryption: generateExchangeKeyPair('ID', 'encryption', { validFrom: ROTATED_AT }),
  };
  const rotatedFile = (file: CountryKeyFile, fresh: typeof newKh): CountryKeyFile => ({
    ...file,
    signingKeys: [...file.signingKeys.map(retire), fresh.signing.private],
    encryptionKeys: [...file.encryptionKeys.map(retire), fresh.encryption.private],
  });
  const rotatedEntry = (
    entry: TrustDirectoryCountryDocument,
    fresh: typeof newKh,
  ): TrustDirectoryCountryDocument => ({
    signingKeys: [...entry.signingKeys.map(retire), fresh.signing.public],
    encryptionKeys: [...entry.encryptionKeys.map(retire), fresh.encryption.public],
  });
  const rotatedDirectory = directoryOf({
    KH: rotatedEntry(keys.KH.published, newKh),
    ID: rotatedEntry(keys.ID.published, newId),
  });
  const rotatedKh = CountryKeyRing.fromKeyFiles([rotatedFile(keys.KH.keyFile, newKh)]);
  const rotatedId = CountryKeyRing.fromKeyFiles([rotatedFile(keys.ID.keyFile, newId)]);

  it("signs with the sender's new key and encrypts for the recipient's new key", () => {
    const envelope = seal({}, at(DAY), rotatedKh, rotatedDirectory);
    expect(envelope.signature.keyId).toBe(newKh.signing.private.keyId);
    expect(envelope.encryption.recipientKeyId).toBe(newId.encryption.private.keyId);
    const opened = openEnvelope(
      serializeEnvelope(envelope),
      receiver({ keyRing: rotatedId, trustDirectory: rotatedDirectory, now: clock(at(DAY)) }),
    );
    expect(opened.payload).toEqual(payload);
  });

  it('still accepts the old signing key and opens mail for the old encryption key during the overlap', () => {
    // A sender that has not picked up the rotation yet: old keys, old directory.
    const envelope = seal({}, at(10 * DAY));
    expect(envelope.signature.keyId).toBe(keys.KH.keyFile.signingKeys[0]!.keyId);
    const opened = openEnvelope(
      serializeEnvelope(envelope),
      receiver({ keyRing: rotatedId, trustDirectory: rotatedDirectory, now: clock(at(10 * DAY)) }),
    );
    expect(opened.signingKeyId).toBe(keys.KH.keyFile.signingKeys[0]!.keyId);
  });

  it('refuses the old signing key for messages sent after the overlap', () => {
    const late = at(OVERLAP + 1);
    const envelope = seal({}, late);
    expectRejected(
      () =>
        openEnvelope(
          serializeEnvelope(envelope),
          receiver({ keyRing: rotatedId, trustDirectory: rotatedDirectory, now: clock(late) }),
        ),
      'KEY_NOT_VALID',
    );
  });

  it('stops signing with the old key once it expires, even in a ring that still holds it', () => {
    const oldOnly = CountryKeyRing.fromKeyFiles([
      { ...keys.KH.keyFile, signingKeys: keys.KH.keyFile.signingKeys.map(retire) },
    ]);
    expect(sealError(() => seal({}, at(OVERLAP), oldOnly, rotatedDirectory)).code).toBe('NO_SIGNING_KEY');
  });
});

describe('openEnvelope: input limits and clocks', () => {
  it('rejects input above the size limit before parsing it', () => {
    const bytes = serializeEnvelope(seal());
    expectRejected(() => openEnvelope(bytes, receiver({ maxBytes: bytes.length - 1 })), 'MALFORMED');
    expect(openEnvelope(bytes, receiver({ maxBytes: bytes.length })).payload).toEqual(payload);
    const huge = Buffer.alloc(1024 * 1024 + 1, 0x7b); // "{{{{…": parsing would fail differently
    expect(expectRejected(() => openEnvelope(huge, receiver()), 'MALFORMED').message).toMatch(/exceeds/);
  });

  it.each<[string, Buffer]>([
    ['empty input', Buffer.alloc(0)],
    ['random bytes', Buffer.from('9f8e7d6c5b4a3928171615141312111000ffeedd', 'hex')],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d])],
    ['truncated JSON', Buffer.from('{"v":1,"messageId":')],
    ['a JSON array', Buffer.from('[]')],
    ['JSON null', Buffer.from('null')],
    ['a JSON string', Buffer.from('"envelope"')],
    ['an empty object', Buffer.from('{}')],
  ])('rejects %s as MALFORMED', (_label, bytes) => {
    expectRejected(() => openEnvelope(bytes, receiver()), 'MALFORMED');
    expectRejected(() => readEnvelopeHeader(bytes), 'MALFORMED');
  });

  it.each<[string, (envelope: Record<string, unknown>) => Record<string, unknown>]>([
    ['an unknown member', (e) => ({ ...e, extra: 1 })],
    ['an unknown header member', (e) => ({ ...e, sender: { ...(e.sender as object), role: 'x' } })],
    ['version 2', (e) => ({ ...e, v: 2 })],
    ['a lower-case country', (e) => ({ ...e, recipient: { country: 'id' } })],
    ['a non-UUID message id', (e) => ({ ...e, messageId: 'abc' })],
    ['a non-canonical sentAt', (e) => ({ ...e, sentAt: '2026-03-01T08:00:00Z' })],
    ['an impossible sentAt', (e) => ({ ...e, sentAt: '2026-02-30T08:00:00.000Z' })],
    [
      'another encryption algorithm',
      (e) => ({ ...e, encryption: { ...(e.encryption as object), alg: 'A128GCM' } }),
    ],
    ['a short IV', (e) => ({ ...e, encryption: { ...(e.encryption as object), iv: 'AAAA' } })],
    ['a ciphertext shorter than the tag', (e) => ({ ...e, ciphertext: 'AAAA' })],
    ['padded base64', (e) => ({ ...e, ciphertext: `${e.ciphertext as string}==` })],
    [
      'a prototype key',
      (e) => JSON.parse(JSON.stringify(e).replace('{', '{"__proto__":{"x":1},')) as Record<string, unknown>,
    ],
  ])('rejects an envelope with %s as MALFORMED', (_label, change) => {
    const document = JSON.parse(serializeEnvelope(seal()).toString('utf8')) as Record<string, unknown>;
    expectRejected(() => openEnvelope(bytesOf(change(document)), receiver()), 'MALFORMED');
  });

  it('rejects an envelope sent more than the allowed skew in the future as CLOCK_SKEW', () => {
    const bytes = serializeEnvelope(seal({}, at(10 * 60 * 1000)));
    expectRejected(() => openEnvelope(bytes, receiver({ now: clock(T0) })), 'CLOCK_SKEW');
    expect(openEnvelope(bytes, receiver({ now: clock(T0), maxClockSkewMs: 10 * 60 * 1000 })).payload).toEqual(
      payload,
    );
    const slightlyAhead = serializeEnvelope(seal({}, at(4 * 60 * 1000)));
    expect(openEnvelope(slightlyAhead, receiver({ now: clock(T0) })).payload).toEqual(payload);
  });

  it('accepts the same bytes twice: replays are for the inbox to catch', () => {
    const bytes = serializeEnvelope(seal());
    expect(openEnvelope(bytes, receiver()).header).toEqual(openEnvelope(bytes, receiver()).header);
  });
});

describe('openEnvelope: check order', () => {
  it('checks the recipient before the sender', () => {
    const withoutKh = directoryOf({ ID: keys.ID.published });
    expectRejected(
      () =>
        openEnvelope(
          serializeEnvelope(seal()),
          receiver({ trustDirectory: withoutKh, hostedCountries: ['TH'] }),
        ),
      'WRONG_RECIPIENT',
    );
  });

  it('checks the sender before the signature', () => {
    const { signature: _signature, ...stripped } = seal();
    const withoutKh = directoryOf({ ID: keys.ID.published });
    expectRejected(
      () => openEnvelope(bytesOf(stripped), receiver({ trustDirectory: withoutKh })),
      'UNKNOWN_SENDER',
    );
  });

  it('checks the signature before decrypting', () => {
    const envelope = seal();
    const tampered = { ...envelope, ciphertext: seal().ciphertext };
    expectRejected(() => openEnvelope(serializeEnvelope(tampered), receiver()), 'BAD_SIGNATURE');
  });
});

describe('verifyEnvelope and readEnvelopeHeader', () => {
  it('authenticates the sender without any private key', () => {
    const envelope = seal();
    const verified = verifyEnvelope(serializeEnvelope(envelope), {
      trustDirectory: directory,
      now: clock(T0),
    });
    expect(verified.header.messageId).toBe(envelope.messageId);
    expect(verified.signingKeyId).toBe(envelope.signature.keyId);
    expect(verified).not.toHaveProperty('payload');
  });

  it('rejects a tampered envelope', () => {
    const envelope = seal();
    expectRejected(
      () =>
        verifyEnvelope(bytesOf({ ...envelope, type: 'handoff.declined' }), {
          trustDirectory: directory,
          now: clock(T0),
        }),
      'BAD_SIGNATURE',
    );
  });

  it('reads the header of an unsigned or unverifiable envelope without decrypting it', () => {
    const { signature: _signature, ...stripped } = seal();
    const header = readEnvelopeHeader(bytesOf(stripped));
    expect(header.messageId).toBe(stripped.messageId);
    expect(header.recipient.country).toBe('ID');
    expect(Object.keys(header).sort()).toEqual(
      [
        'causationId',
        'correlationId',
        'messageId',
        'recipient',
        'sender',
        'sentAt',
        'type',
        'typeVersion',
        'v',
      ].sort(),
    );
  });
});

describe('sealEnvelope errors', () => {
  const deps = { keyRing: senderRing, trustDirectory: directory, now: clock(T0) };

  it.each<[string, Partial<SealEnvelopeInput>]>([
    ['a lower-case sender country', { sender: { country: 'kh', node: 'node-a' } }],
    ['a three-letter recipient', { recipient: { country: 'IDN' } }],
    ['a non-UUID correlation id', { correlationId: 'case-1' }],
    ['a non-UUID message id', { messageId: 'x' }],
    ['an empty type', { type: '' }],
    ['a fractional type version', { typeVersion: 1.5 }],
    ['an upper-case node', { sender: { country: 'KH', node: 'Node A' } }],
  ])('refuses %s as INVALID_HEADER', (_label, overrides) => {
    expect(sealError(() => sealEnvelope(input(overrides), deps)).code).toBe('INVALID_HEADER');
  });

  it('refuses payloads that are not JSON values without quoting them', () => {
    const cyclic: Record<string, unknown> = { fullName: SECRET_NAME };
    cyclic.self = cyclic;
    for (const bad of [
      { fullName: SECRET_NAME, x: undefined },
      { n: 10n },
      cyclic,
      { d: new Date() },
      { n: Number.NaN },
    ]) {
      const error = sealError(() => sealEnvelope(input({ payload: bad as unknown as JsonValue }), deps));
      expect(error.code).toBe('INVALID_PAYLOAD');
      expect(error.message).not.toContain(SECRET_NAME);
    }
  });

  it('refuses a sender country the key ring does not hold as NO_SIGNING_KEY', () => {
    expect(
      sealError(() => sealEnvelope(input({ sender: { country: 'TH', node: 'node-a' } }), deps)).code,
    ).toBe('NO_SIGNING_KEY');
  });

  it('refuses a recipient without a published encryption key as NO_RECIPIENT_KEY', () => {
    expect(sealError(() => sealEnvelope(input({ recipient: { country: 'VN' } }), deps)).code).toBe(
      'NO_RECIPIENT_KEY',
    );
    const notYet = directoryOf({
      KH: keys.KH.published,
      ID: {
        ...keys.ID.published,
        encryptionKeys: [{ ...keys.ID.published.encryptionKeys[0]!, validFrom: at(DAY).toISOString() }],
      },
    });
    expect(sealError(() => sealEnvelope(input(), { ...deps, trustDirectory: notYet })).code).toBe(
      'NO_RECIPIENT_KEY',
    );
  });

  it('refuses to produce an envelope above the size limit as TOO_LARGE', () => {
    const error = sealError(() =>
      sealEnvelope(input({ payload: { fullName: SECRET_NAME, blob: 'x'.repeat(5000) } }), {
        ...deps,
        maxBytes: 4096,
      }),
    );
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).not.toContain(SECRET_NAME);
  });
});
