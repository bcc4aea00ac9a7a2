import { verify } from 'node:crypto';
import type { JsonValue } from './canonical-json.js';
import type { CountryKeyRing } from './country-key-ring.js';
import { contentBinding, signingInput } from './envelope-binding.js';
import { decryptFromSender } from './envelope-cipher.js';
import { decodeBase64url } from './base64url.js';
import { ExchangeRejectedError } from './exchange.errors.js';
import {
  DEFAULT_MAX_ENVELOPE_BYTES,
  headerOf,
  parseEnvelopeAllowingUnsigned,
  unsignedError,
  type ExchangeHeader,
  type ParsedEnvelope,
} from './exchange-envelope.js';
import type { TrustDirectory } from './trust-directory.js';

/** Default tolerance for a sender clock running ahead of ours. */
export const DEFAULT_MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * Default maximum age of an envelope: one whose `sentAt` lies further in the past is refused as
 * `TOO_OLD`. It bounds how long a captured envelope stays replayable and how far a signer can backdate.
 * It must exceed the longest delay a genuine message can spend in an outbox and on a topic: envelopes
 * held up longer (a week-long broker outage) are parked as `TOO_OLD`, visibly, for the operators.
 */
export const DEFAULT_MAX_ENVELOPE_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Default time a signing key stays usable after its `validUntil`, whatever `sentAt` claims. `sentAt` is
 * chosen by the signer, so without this bound whoever obtained a retired key could sign forever by
 * backdating; with it, a retired key dies for good this long after retirement. A genuine envelope signed
 * before retirement is too old after the maximum age anyway, so the grace defaults to that age: a key
 * cannot sign anything acceptable after its retirement plus the time a genuine envelope may travel.
 */
export const DEFAULT_RETIRED_KEY_GRACE_MS = DEFAULT_MAX_ENVELOPE_AGE_MS;

/** Options of {@link verifyEnvelope}. */
export interface VerifyEnvelopeOptions {
  trustDirectory: TrustDirectory;
  now: () => Date;
  /** Envelopes larger than this are refused before parsing (default 1 MiB). */
  maxBytes?: number;
  /** How far `sentAt` may lie in the future (default 5 minutes). */
  maxClockSkewMs?: number;
  /** See {@link DEFAULT_RETIRED_KEY_GRACE_MS} (default 7 days). */
  retiredKeyGraceMs?: number;
  /** See {@link DEFAULT_MAX_ENVELOPE_AGE_MS} (default 7 days). */
  maxEnvelopeAgeMs?: number;
}

/** Options of {@link openEnvelope}. */
export interface OpenEnvelopeOptions extends VerifyEnvelopeOptions {
  /** Private keys of the hosted countries. */
  keyRing: CountryKeyRing;
  /** The countries this node hosts (`HOSTED_COUNTRIES`); envelopes for any other country are refused. */
  hostedCountries: readonly string[] | ReadonlySet<string>;
}

/** An envelope whose sender has been authenticated. */
export interface VerifiedEnvelope {
  readonly header: ExchangeHeader;
  /** The sender key that signed it, for the audit trail. */
  readonly signingKeyId: string;
}

/** An authenticated and decrypted envelope. */
export interface OpenedEnvelope extends VerifiedEnvelope {
  readonly payload: JsonValue;
}

/**
 * Authenticates and decrypts an inbound envelope. Checks run in this order, and nothing is decrypted
 * before the signature has been verified: size and schema (`MALFORMED`), recipient hosted here with the
 * named private key (`WRONG_RECIPIENT`), sender listed in the trust directory (`UNKNOWN_SENDER`),
 * signature present (`UNSIGNED`), `sentAt` not in the future (`CLOCK_SKEW`), signing key known
 * (`UNKNOWN_KEY`) and valid at `sentAt` and not retired past its grace (`KEY_NOT_VALID`), `sentAt` not
 * older than the maximum age (`TOO_OLD`), signature (`BAD_SIGNATURE`), decryption
 * (`UNDECRYPTABLE`), payload is UTF-8 JSON (`MALFORMED`).
 *
 * Replays are not detected here: the same bytes open again. The inbox deduplicates on `messageId`.
 *
 * @throws ExchangeRejectedError whose message never contains payload plaintext.
 */
export function openEnvelope(bytes: Uint8Array, options: OpenEnvelopeOptions): OpenedEnvelope {
  const parsed = parseEnvelopeAllowingUnsigned(bytes, options.maxBytes ?? DEFAULT_MAX_ENVELOPE_BYTES);
  const { unsigned } = parsed;
  const recipientCountry = unsigned.recipient.country;
  const recipientKeyId = unsigned.encryption.recipientKeyId;

  const hosted = Array.isArray(options.hostedCountries)
    ? options.hostedCountries.includes(recipientCountry)
    : (options.hostedCountries as ReadonlySet<string>).has(recipientCountry);
  if (!hosted) {
    throw reject(
      parsed,
      'WRONG_RECIPIENT',
      `is addressed to ${recipientCountry}, which this node does not host`,
    );
  }
  const recipientKey = options.keyRing.encryptionKey(recipientCountry, recipientKeyId);
  if (recipientKey === undefined) {
    throw reject(
      parsed,
      'WRONG_RECIPIENT',
      `is sealed for key ${recipientKeyId} of ${recipientCountry}, which this node does not hold`,
    );
  }

  const verified = authenticate(parsed, options);

  const plaintext = decryptFromSender({
    ciphertext: decodeBase64url(unsigned.ciphertext) as Buffer,
    iv: decodeBase64url(unsigned.encryption.iv) as Buffer,
    ephemeralRawPublicKey: decodeBase64url(unsigned.encryption.ephemeralPublicKey) as Buffer,
    recipient: recipientKey,
    associatedData: contentBinding(verified.header, unsigned.encryption),
  });
  if (plaintext === undefined)
    throw reject(parsed, 'UNDECRYPTABLE', `cannot be decrypted with key ${recipientKeyId}`);

  let payload: JsonValue;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext)) as JsonValue;
  } catch {
    // The parser's message would quote the plaintext.
    throw reject(parsed, 'MALFORMED', 'carries a payload that is not UTF-8 JSON');
  }
  return { ...verified, payload };
}

/**
 * Authenticates the sender of an envelope without decrypting it, as a relay, an operator or a
 * dead-letter tool can (it needs only the trust directory). Same checks and codes as
 * {@link openEnvelope} minus those about the recipient and the payload.
 *
 * @throws ExchangeRejectedError
 */
export function verifyEnvelope(bytes: Uint8Array, options: VerifyEnvelopeOptions): VerifiedEnvelope {
  return authenticate(
    parseEnvelopeAllowingUnsigned(bytes, options.maxBytes ?? DEFAULT_MAX_ENVELOPE_BYTES),
    options,
  );
}

/**
 * Reads the header of an envelope WITHOUT authenticating or decrypting it, for routing and dead-letter
 * logging. Nothing in the result is trustworthy: a forger can write any header. Unsigned envelopes are
 * read too, since they are among those worth logging.
 *
 * @throws ExchangeRejectedError `MALFORMED` when the bytes are not a version 1 envelope.
 */
export function readEnvelopeHeader(bytes: Uint8Array, options: { maxBytes?: number } = {}): ExchangeHeader {
  return headerOf(
    parseEnvelopeAllowingUnsigned(bytes, options.maxBytes ?? DEFAULT_MAX_ENVELOPE_BYTES).unsigned,
  );
}

function authenticate(parsed: ParsedEnvelope, options: VerifyEnvelopeOptions): VerifiedEnvelope {
  const { unsigned, signature } = parsed;
  const sender = unsigned.sender.country;
  if (!options.trustDirectory.hasCountry(sender)) {
    throw reject(parsed, 'UNKNOWN_SENDER', 'comes from a country the trust directory does not list');
  }
  if (signature === undefined) throw unsignedError(unsigned);

  const now = options.now();
  const sentAt = new Date(unsigned.sentAt);
  const maxSkew = options.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS;
  if (sentAt.getTime() > now.getTime() + maxSkew) {
    throw reject(
      parsed,
      'CLOCK_SKEW',
      `claims to be sent at ${unsigned.sentAt}, more than ${maxSkew} ms ahead of ${now.toISOString()}`,
    );
  }

  const key = options.trustDirectory.findSigningKey(sender, signature.keyId);
  if (key === undefined)
    throw reject(parsed, 'UNKNOWN_KEY', `is signed with key ${signature.keyId}, unknown for ${sender}`);
  if (options.trustDirectory.signingKey(sender, signature.keyId, sentAt) === undefined) {
    throw reject(
      parsed,
      'KEY_NOT_VALID',
      `is signed with key ${signature.keyId}, not valid at ${unsigned.sentAt}`,
    );
  }
  const grace = options.retiredKeyGraceMs ?? DEFAULT_RETIRED_KEY_GRACE_MS;
  if (key.validUntil !== null && now.getTime() >= key.validUntil.getTime() + grace) {
    throw reject(
      parsed,
      'KEY_NOT_VALID',
      `is signed with key ${signature.keyId}, retired at ${key.validUntil.toISOString()}, past its grace period`,
    );
  }

  const maxAge = options.maxEnvelopeAgeMs ?? DEFAULT_MAX_ENVELOPE_AGE_MS;
  if (sentAt.getTime() < now.getTime() - maxAge) {
    throw reject(
      parsed,
      'TOO_OLD',
      `claims to be sent at ${unsigned.sentAt}, more than ${maxAge} ms before ${now.toISOString()}`,
    );
  }

  const signatureValue = decodeBase64url(signature.value) as Buffer;
  let valid: boolean;
  try {
    valid = verify(null, signingInput(unsigned, signature), key.publicKey, signatureValue);
  } catch {
    valid = false;
  }
  if (!valid) throw reject(parsed, 'BAD_SIGNATURE', `signature by key ${signature.keyId} does not verify`);
  return { header: headerOf(unsigned), signingKeyId: signature.keyId };
}

function reject(
  parsed: ParsedEnvelope,
  code: ExchangeRejectedError['code'],
  what: string,
): ExchangeRejectedError {
  const { messageId, sender, recipient } = parsed.unsigned;
  return new ExchangeRejectedError(
    code,
    `envelope ${messageId} (${sender.country} → ${recipient.country}) ${what}`,
  );
}
