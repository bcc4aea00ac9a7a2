import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { exchangeMailboxTopic } from '@passage/schemas';
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
