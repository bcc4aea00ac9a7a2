/**
 * Sealed cross-border exchange envelopes: payloads encrypted for the recipient country and signed by
 * the sender country, with the key ring and trust directory they rely on. The Kafka transport is built
 * on top of this module; nothing here performs I/O except the file loaders.
 */
export { decodeBase64url, encodeBase64url } from './base64url.js';
export { canonicalJson, type JsonValue } from './canonical-json.js';
export { CountryKeyRing, type PrivateKeyEntry } from './country-key-ring.js';
export {
  DEFAULT_MAX_CLOCK_SKEW_MS,
  DEFAULT_RETIRED_KEY_GRACE_MS,
  openEnvelope,
  readEnvelopeHeader,
  verifyEnvelope,
  type OpenedEnvelope,
  type OpenEnvelopeOptions,
  type VerifiedEnvelope,
  type VerifyEnvelopeOptions,
} from './envelope-opener.js';
export {
  PAYLOAD_PADDING_BLOCK_BYTES,
  sealEnvelope,
  type SealEnvelopeDeps,
  type SealEnvelopeInput,
} from './envelope-sealer.js';
export {
  ExchangeKeyConfigError,
  ExchangeRejectedError,
  ExchangeSealError,
  type ExchangeKeyConfigErrorCode,
  type ExchangeRejectionCode,
  type ExchangeSealErrorCode,
} from './exchange.errors.js';
export {
  DEFAULT_MAX_ENVELOPE_BYTES,
  ENCRYPTION_ALG,
  ENVELOPE_VERSION,
  exchangeEnvelopeSchema,
  exchangeHeaderSchema,
  headerOf,
  parseEnvelope,
  serializeEnvelope,
  SIGNATURE_ALG,
  type EnvelopeEncryption,
  type EnvelopeSignature,
  type ExchangeEnvelope,
  type ExchangeHeader,
} from './exchange-envelope.js';
export { COUNTRY_CODE_PATTERN, countryCodeSchema, isCountryCode } from './exchange-identifiers.js';
export {
  buildTrustDirectoryDocument,
  exchangeKeyId,
  generateCountryKeys,
  generateExchangeKeyPair,
  jwkThumbprint,
  type ExchangeKeyPair,
  type GeneratedCountryKeys,
  type KeyValidityWindow,
  type OkpPublicJwk,
} from './exchange-key-generator.js';
export {
  countryKeyFileSchema,
  isKeyValidAt,
  trustDirectoryDocumentSchema,
  type CountryKeyFile,
  type ExchangeKeyPurpose,
  type KeyValidity,
  type PrivateKeyDocument,
  type PublishedKeyDocument,
  type TrustDirectoryCountryDocument,
  type TrustDirectoryDocument,
} from './exchange-key-records.js';
export { assertKeyRingPublished } from './key-ring-consistency.js';
export { TrustDirectory, type PublishedKey } from './trust-directory.js';
