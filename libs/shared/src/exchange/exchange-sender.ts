import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  exchangeMailboxTopic,
  type ExchangeMessageDefinition,
  type ExchangeMessagePayload,
} from '@passage/schemas';
import { RequestContext } from '../logging/index.js';
import type { Outbox } from '../outbox/outbox.js';
import type { JsonValue } from './canonical-json.js';
import type { CountryKeyRing } from './country-key-ring.js';
import { sealEnvelope } from './envelope-sealer.js';
import { ExchangeSealError } from './exchange.errors.js';
import { headerOf, serializeEnvelope, type ExchangeHeader } from './exchange-envelope.js';
import type { TrustDirectory } from './trust-directory.js';

export interface ExchangeSendInput {
  /** A country this node hosts, on whose behalf the message is sent. */
  senderCountry: string;
  recipientCountry: string;
  type: string;
  typeVersion: number;
  payload: JsonValue;
  /** The conversation (e.g. the handoff id); keeps its messages in order on the mailbox. */
  correlationId?: string;
  causationId?: string | null;
}

/** What {@link ExchangeSender.sendMessage} needs besides the message definition. */
export interface ExchangeMessageSendInput<TDefinition extends ExchangeMessageDefinition> {
  /** A country this node hosts, on whose behalf the message is sent. */
  senderCountry: string;
  recipientCountry: string;
  /** Typed by the definition's schema, so a wrong payload fails at compile time. */
  payload: ExchangeMessagePayload<TDefinition>;
  /** The conversation (e.g. the handoff id); keeps its messages in order on the mailbox. */
  correlationId?: string;
  causationId?: string | null;
}

/**
 * Sends a message to another country's mailbox: seals it for the recipient, signs it for the sender
 * and queues the envelope in the outbox inside the caller's transaction. Even when this node hosts the
 * recipient too, the message goes through Kafka, so there is one code path everywhere.
 */
export class ExchangeSender {
  constructor(
    private readonly deps: {
      nodeId: string;
      /** Exchange namespace (topic prefix) of the regional mechanism this node belongs to. */
      namespace: string;
      hostedCountries: readonly string[];
      keyRing: CountryKeyRing;
      trustDirectory: TrustDirectory;
      outbox: Outbox;
      now?: () => Date;
    },
  ) {}

  /**
   * Sends one message of a catalogued definition (see `EXCHANGE_MESSAGE_CATALOGUE`). The payload is
   * checked against the definition's schema before anything is sealed, and what is sealed is the parsed
   * payload: exactly the contract's fields, so the recipient's node parses what this one checked.
   *
   * @throws ExchangeSealError `INVALID_PAYLOAD` naming the fields at fault (never their values), or any
   *   code of {@link send}.
   */
  async sendMessage<TDefinition extends ExchangeMessageDefinition>(
    manager: EntityManager,
    definition: TDefinition,
    input: ExchangeMessageSendInput<TDefinition>,
  ): Promise<ExchangeHeader> {
    const parsed = definition.schema.safeParse(input.payload);
    if (!parsed.success) {
      const fields = parsed.error.issues
        .map((issue) => `${issue.path.map(String).join('.') || '(root)'} (${issue.code})`)
        .join(', ');
      throw new ExchangeSealError(
        'INVALID_PAYLOAD',
        `${definition.type}@v${definition.version} payload fields invalid: ${fields}`,
      );
    }
    return this.send(manager, {
      senderCountry: input.senderCountry,
      recipientCountry: input.recipientCountry,
      type: definition.type,
      typeVersion: definition.version,
      payload: parsed.data as JsonValue,
      correlationId: input.correlationId,
      causationId: input.causationId,
    });
  }

  /**
   * Sends a message by type name with an unchecked payload. Prefer {@link sendMessage}, which checks the
   * payload against its catalogued definition at compile time and before sealing.
   */
  async send(manager: EntityManager, input: ExchangeSendInput): Promise<ExchangeHeader> {
    if (!this.deps.hostedCountries.includes(input.senderCountry)) {
      throw new ExchangeSealError(
        'NO_SIGNING_KEY',
        `this node does not host ${input.senderCountry} and cannot send on its behalf`,
      );
    }
    const correlationId = input.correlationId ?? RequestContext.correlationId() ?? randomUUID();
    const envelope = sealEnvelope(
      {
        correlationId,
        causationId: input.causationId ?? null,
        type: input.type,
        typeVersion: input.typeVersion,
        sender: { country: input.senderCountry, node: this.deps.nodeId },
        recipient: { country: input.recipientCountry },
        payload: input.payload,
      },
      {
        keyRing: this.deps.keyRing,
        trustDirectory: this.deps.trustDirectory,
        now: this.deps.now ?? (() => new Date()),
      },
    );
    const header = headerOf(envelope);
    await this.deps.outbox.appendRecord(manager, {
      messageId: header.messageId,
      topic: exchangeMailboxTopic(input.recipientCountry, this.deps.namespace),
      key: correlationId,
      type: `exchange:${input.type}@v${input.typeVersion}`,
      value: serializeEnvelope(envelope),
      // Routing metadata only; everything else is inside the sealed envelope.
      headers: { 'content-type': 'application/vnd.passage.exchange-envelope+json' },
    });
    return header;
  }
}
