import { z } from 'zod';
import { base64urlSchema } from './base64url.js';
import { canonicalJson } from './canonical-json.js';
import { ExchangeRejectedError } from './exchange.errors.js';
import { countryCodeSchema, keyIdSchema, messageTypeSchema, nodeIdSchema } from './exchange-identifiers.js';
import { describeIssues } from './exchange-key-records.js';

/** The envelope format version this code writes and reads. */
export const ENVELOPE_VERSION = 1;

/** Content encryption: ephemeral-static X25519, HKDF-SHA256, AES-256-GCM (tag appended to the ciphertext). */
export const ENCRYPTION_ALG = 'X25519-HKDF-SHA256-A256GCM';

/** Sender authentication. */
export const SIGNATURE_ALG = 'Ed25519';

/** Default upper bound on a serialised envelope (1 MiB), applied before any parsing. */
export const DEFAULT_MAX_ENVELOPE_BYTES = 1024 * 1024;

/** An AES-GCM authentication tag, appended to the ciphertext on the wire. */
export const GCM_TAG_BYTES = 16;

/**
 * `sentAt` must be exactly what `Date#toISOString()` prints (UTC, milliseconds): a signed field with a
 * single spelling, which also rules out impossible dates such as 30 February.
 */
const sentAtSchema = z.string().refine((text) => {
  const time = Date.parse(text);
  return Number.isFinite(time) && new Date(time).toISOString() === text;
}, 'must be a UTC instant as Date#toISOString() prints it');

const headerShape = {
  v: z.literal(ENVELOPE_VERSION),
  messageId: z.uuid(),
  correlationId: z.uuid(),
  causationId: z.uuid().nullable(),
  type: messageTypeSchema,
  typeVersion: z.number().int().min(1).max(1_000_000),
  sentAt: sentAtSchema,
  sender: z.strictObject({ country: countryCodeSchema, node: nodeIdSchema }),
  recipient: z.strictObject({ country: countryCodeSchema }),
};

/** Zod schema of the routing and identity fields of an envelope: everything a router may read. */
export const exchangeHeaderSchema = z.strictObject(headerShape);

/** The clear-text, signed and authenticated fields of an envelope. */
export type ExchangeHeader = z.infer<typeof exchangeHeaderSchema>;

/** Zod schema of the `encryption` block. */
export const envelopeEncryptionSchema = z.strictObject({
  alg: z.literal(ENCRYPTION_ALG),
  recipientKeyId: keyIdSchema,
  ephemeralPublicKey: base64urlSchema({ bytes: 32 }),
  iv: base64urlSchema({ bytes: 12 }),
});

/** Which recipient key the payload is sealed for, and the per-message values needed to open it. */
export type EnvelopeEncryption = z.infer<typeof envelopeEncryptionSchema>;

/** Zod schema of the `signature` block. */
export const envelopeSignatureSchema = z.strictObject({
  alg: z.literal(SIGNATURE_ALG),
  keyId: keyIdSchema,
  value: base64urlSchema({ bytes: 64 }),
});

/** The sender country's signature over everything else in the envelope. */
export type EnvelopeSignature = z.infer<typeof envelopeSignatureSchema>;

const ciphertextSchema = base64urlSchema({ minBytes: GCM_TAG_BYTES });

const unsignedEnvelopeShape = {
  ...headerShape,
  encryption: envelopeEncryptionSchema,
  ciphertext: ciphertextSchema,
};

/** Zod schema of an envelope without its signature: what the signature covers. */
export const unsignedEnvelopeSchema = z.strictObject(unsignedEnvelopeShape);

/** An envelope before signing. */
export type UnsignedEnvelope = z.infer<typeof unsignedEnvelopeSchema>;

/** Zod schema of the wire format, version 1 (strict: unknown members are refused). */
export const exchangeEnvelopeSchema = z.strictObject({
  ...unsignedEnvelopeShape,
  signature: envelopeSignatureSchema,
});

/**
 * A sealed exchange message as it travels on a mailbox topic. `ciphertext` is the AES-256-GCM output
 * with its 16-byte tag appended, base64url; the payload inside is UTF-8 JSON.
 */
export type ExchangeEnvelope = z.infer<typeof exchangeEnvelopeSchema>;

/** An envelope as parsed from bytes, with the signature kept apart because it may be missing. */
export interface ParsedEnvelope {
  readonly unsigned: UnsignedEnvelope;
  readonly signature: EnvelopeSignature | undefined;
}

/** Extracts the header fields (a fresh object, so later changes to either do not leak). */
export function headerOf(envelope: UnsignedEnvelope): ExchangeHeader {
  return {
    v: envelope.v,
    messageId: envelope.messageId,
    correlationId: envelope.correlationId,
    causationId: envelope.causationId,
    type: envelope.type,
    typeVersion: envelope.typeVersion,
    sentAt: envelope.sentAt,
    sender: { country: envelope.sender.country, node: envelope.sender.node },
    recipient: { country: envelope.recipient.country },
  };
}

/** Serialises an envelope for the wire: canonical JSON (see `canonicalJson`) in UTF-8. */
export function serializeEnvelope(envelope: ExchangeEnvelope): Buffer {
  return Buffer.from(canonicalJson(envelope), 'utf8');
}

/**
 * Parses and validates wire bytes against the version 1 schema, without checking the signature.
 *
 * @throws ExchangeRejectedError `MALFORMED` (oversized, not UTF-8 JSON, schema mismatch) or `UNSIGNED`.
 */
export function parseEnvelope(bytes: Uint8Array, options: { maxBytes?: number } = {}): ExchangeEnvelope {
  const { unsigned, signature } = parseEnvelopeAllowingUnsigned(
    bytes,
    options.maxBytes ?? DEFAULT_MAX_ENVELOPE_BYTES,
  );
  if (signature === undefined) throw unsignedError(unsigned);
  return { ...unsigned, signature };
}

/**
 * Parses wire bytes, reporting a missing signature as `signature: undefined` instead of failing, so the
 * caller can order its checks (and dead-letter logging can still read an unsigned header).
 *
 * @throws ExchangeRejectedError `MALFORMED`.
 */
export function parseEnvelopeAllowingUnsigned(bytes: Uint8Array, maxBytes: number): ParsedEnvelope {
  if (bytes.byteLength > maxBytes) {
    throw new ExchangeRejectedError(
      'MALFORMED',
      `envelope of ${bytes.byteLength} bytes exceeds the ${maxBytes}-byte limit`,
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new ExchangeRejectedError('MALFORMED', 'envelope is not UTF-8 JSON');
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new ExchangeRejectedError('MALFORMED', 'envelope is not a JSON object');
  }
  const { signature: rawSignature, ...rest } = document as Record<string, unknown>;
  const unsigned = unsignedEnvelopeSchema.safeParse(rest);
  if (!unsigned.success) {
    throw new ExchangeRejectedError(
      'MALFORMED',
      `envelope does not match the schema: ${describeIssues(unsigned.error)}`,
    );
  }
  if (rawSignature === undefined || rawSignature === null)
    return { unsigned: unsigned.data, signature: undefined };
  const signature = envelopeSignatureSchema.safeParse(rawSignature);
  if (!signature.success) {
    throw new ExchangeRejectedError(
      'MALFORMED',
      `envelope ${unsigned.data.messageId} signature does not match the schema: ${describeIssues(signature.error)}`,
    );
  }
  return { unsigned: unsigned.data, signature: signature.data };
}

/** The rejection for an envelope that carries no signature. */
export function unsignedError(envelope: UnsignedEnvelope): ExchangeRejectedError {
  return new ExchangeRejectedError(
    'UNSIGNED',
    `envelope ${envelope.messageId} from ${envelope.sender.country} is not signed`,
  );
}
