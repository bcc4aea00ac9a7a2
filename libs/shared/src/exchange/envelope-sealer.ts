import { randomUUID, sign } from 'node:crypto';
import { z } from 'zod';
import { encodeBase64url } from './base64url.js';
import type { JsonValue } from './canonical-json.js';
import type { CountryKeyRing } from './country-key-ring.js';
import { contentBinding, signingInput } from './envelope-binding.js';
import { encryptForRecipient, generateEphemeralKey } from './envelope-cipher.js';
import { ExchangeSealError } from './exchange.errors.js';
import {
  DEFAULT_MAX_ENVELOPE_BYTES,
  ENCRYPTION_ALG,
  ENVELOPE_VERSION,
  exchangeHeaderSchema,
  serializeEnvelope,
  SIGNATURE_ALG,
  type ExchangeEnvelope,
  type ExchangeHeader,
  type UnsignedEnvelope,
} from './exchange-envelope.js';
import { describeIssues } from './exchange-key-records.js';
import type { TrustDirectory } from './trust-directory.js';

/**
 * Plaintext is padded with trailing spaces (still valid JSON) to a multiple of this many bytes, so the
 * ciphertext length tells an observer the payload's size only to within a block.
 */
export const PAYLOAD_PADDING_BLOCK_BYTES = 256;

/** What the caller provides to seal one message; `sentAt` and the crypto fields are filled in. */
export interface SealEnvelopeInput {
  /** The idempotency key receivers deduplicate on; a random UUID when omitted. */
  messageId?: string;
  /** The conversation (for example the handoff) this message belongs to. */
  correlationId: string;
  /** The message this one answers or was caused by; `null` when omitted. */
  causationId?: string | null;
  type: string;
  typeVersion: number;
  sender: { country: string; node: string };
  recipient: { country: string };
  /** Any JSON value; sealed as UTF-8 JSON. */
  payload: JsonValue;
}

/** Collaborators of {@link sealEnvelope}. */
export interface SealEnvelopeDeps {
  /** Must hold a signing key of the sender country valid now. */
  keyRing: CountryKeyRing;
  /** Supplies the recipient country's current encryption key. */
  trustDirectory: TrustDirectory;
  now: () => Date;
  /** Refuse to produce an envelope receivers would refuse as oversized (default 1 MiB). */
  maxBytes?: number;
}

/**
 * Encrypts `input.payload` for the recipient country's newest valid encryption key (fresh ephemeral
 * X25519 key and random IV every time), then signs the whole envelope with the sender country's newest
 * valid signing key.
 *
 * @throws ExchangeSealError `INVALID_HEADER`, `INVALID_PAYLOAD`, `NO_SIGNING_KEY`, `NO_RECIPIENT_KEY` or
 *   `TOO_LARGE`; the message never quotes the payload.
 */
export function sealEnvelope(input: SealEnvelopeInput, deps: SealEnvelopeDeps): ExchangeEnvelope {
  const now = deps.now();
  const header = validateHeader(input, now);

  const signingKey = deps.keyRing.signingKeyFor(header.sender.country, now);
  if (signingKey === undefined) {
    throw new ExchangeSealError(
      'NO_SIGNING_KEY',
      `no signing key of ${header.sender.country} is valid at ${header.sentAt}`,
    );
  }
  const recipientKey = deps.trustDirectory.encryptionKeyFor(header.recipient.country, now);
  if (recipientKey === undefined) {
    throw new ExchangeSealError(
      'NO_RECIPIENT_KEY',
      `the trust directory has no encryption key of ${header.recipient.country} valid at ${header.sentAt}`,
    );
  }

  const ephemeral = generateEphemeralKey();
  const encryptionParams = {
    alg: ENCRYPTION_ALG,
    recipientKeyId: recipientKey.keyId,
    ephemeralPublicKey: encodeBase64url(ephemeral.rawPublicKey),
  } as const;
  const sealed = encryptForRecipient({
    plaintext: encodePayload(input.payload),
    ephemeral,
    recipient: recipientKey,
    associatedData: contentBinding(header, encryptionParams),
  });
  if (sealed === undefined) {
    throw new ExchangeSealError(
      'NO_RECIPIENT_KEY',
      `encryption key ${recipientKey.keyId} of ${header.recipient.country} is unusable`,
    );
  }

  const unsigned: UnsignedEnvelope = {
    ...header,
    encryption: { ...encryptionParams, iv: encodeBase64url(sealed.iv) },
    ciphertext: encodeBase64url(sealed.ciphertext),
  };
  const signatureParams = { alg: SIGNATURE_ALG, keyId: signingKey.keyId } as const;
  const value = sign(null, signingInput(unsigned, signatureParams), signingKey.privateKey);
  const envelope: ExchangeEnvelope = {
    ...unsigned,
    signature: { ...signatureParams, value: encodeBase64url(value) },
  };

  const maxBytes = deps.maxBytes ?? DEFAULT_MAX_ENVELOPE_BYTES;
  const size = serializeEnvelope(envelope).byteLength;
  if (size > maxBytes) {
    throw new ExchangeSealError(
      'TOO_LARGE',
      `envelope ${header.messageId} would be ${size} bytes, above the ${maxBytes}-byte limit`,
    );
  }
  return envelope;
}

function validateHeader(input: SealEnvelopeInput, now: Date): ExchangeHeader {
  const candidate = {
    v: ENVELOPE_VERSION,
    messageId: input.messageId ?? randomUUID(),
    correlationId: input.correlationId,
    causationId: input.causationId ?? null,
    type: input.type,
    typeVersion: input.typeVersion,
    sentAt: now.toISOString(),
    sender: { country: input.sender?.country, node: input.sender?.node },
    recipient: { country: input.recipient?.country },
  };
  const parsed = exchangeHeaderSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new ExchangeSealError(
      'INVALID_HEADER',
      `envelope header is invalid: ${describeIssues(parsed.error)}`,
    );
  }
  return parsed.data;
}

const jsonValueSchema = z.json();

function encodePayload(payload: JsonValue): Buffer {
  // JSON.stringify would silently drop `undefined` members and turn NaN into null; refuse instead, so
  // what the recipient reads is exactly what the caller passed. Cycles and extreme nesting throw from
  // either step; the thrown text is not reused since it may name payload members.
  let json: Buffer;
  try {
    if (!jsonValueSchema.safeParse(payload).success) throw new TypeError('not JSON');
    json = Buffer.from(JSON.stringify(payload), 'utf8');
  } catch {
    throw new ExchangeSealError('INVALID_PAYLOAD', 'payload is not a JSON value');
  }
  const padded = Math.ceil(json.length / PAYLOAD_PADDING_BLOCK_BYTES) * PAYLOAD_PADDING_BLOCK_BYTES;
  return Buffer.concat([json, Buffer.alloc(padded - json.length, 0x20)]);
}
