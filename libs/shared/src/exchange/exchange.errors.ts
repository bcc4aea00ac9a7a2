/**
 * Why an inbound envelope was refused. The codes are stable: the transport maps them to dead-letter
 * reasons and metrics, so renaming one is a breaking change.
 */
export type ExchangeRejectionCode =
  | 'MALFORMED'
  | 'UNKNOWN_SENDER'
  | 'UNSIGNED'
  | 'BAD_SIGNATURE'
  | 'UNKNOWN_KEY'
  | 'KEY_NOT_VALID'
  | 'WRONG_RECIPIENT'
  | 'UNDECRYPTABLE'
  | 'CLOCK_SKEW'
  | 'TOO_OLD';

/**
 * Thrown when an inbound envelope cannot be accepted. The message is built only from header fields and
 * fixed text: it never carries payload plaintext nor the text of an underlying parser error (V8's JSON
 * errors quote the input), and no `cause` is attached for the same reason.
 */
export class ExchangeRejectedError extends Error {
  constructor(
    readonly code: ExchangeRejectionCode,
    reason: string,
  ) {
    super(reason);
    this.name = 'ExchangeRejectedError';
  }
}

/** Why an outbound envelope could not be sealed. */
export type ExchangeSealErrorCode =
  'INVALID_HEADER' | 'INVALID_PAYLOAD' | 'NO_SIGNING_KEY' | 'NO_RECIPIENT_KEY' | 'TOO_LARGE';

/** Thrown by `sealEnvelope`; like {@link ExchangeRejectedError}, its message never quotes the payload. */
export class ExchangeSealError extends Error {
  constructor(
    readonly code: ExchangeSealErrorCode,
    reason: string,
  ) {
    super(reason);
    this.name = 'ExchangeSealError';
  }
}

/** What is wrong with the exchange's key material or trust directory. */
export type ExchangeKeyConfigErrorCode =
  'INVALID_KEY_RING' | 'INVALID_TRUST_DIRECTORY' | 'KEY_RING_NOT_PUBLISHED';

/**
 * Thrown while loading or cross-checking key rings and the trust directory: a deployment problem for an
 * operator to fix at boot, never a per-message condition. Messages name files, countries and key ids,
 * never key material.
 */
export class ExchangeKeyConfigError extends Error {
  constructor(
    readonly code: ExchangeKeyConfigErrorCode,
    reason: string,
  ) {
    super(reason);
    this.name = 'ExchangeKeyConfigError';
  }
}
