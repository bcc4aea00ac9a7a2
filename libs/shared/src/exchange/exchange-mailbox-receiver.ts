import type { DataSource } from 'typeorm';
import { consumerGroupId, deadLetterTopic, exchangeMailboxTopic, mailboxCountryOf } from '@passage/schemas';
import {
  InboxConsumer,
  type DecodedMessage,
  type InboxConsumerObserver,
  type InboxHandler,
} from '../inbox/inbox-consumer.js';
import { PoisonMessageError } from '../inbox/poison-message.error.js';
import type { DeliveredRecord, MessageBus, TopicSpec } from '../messaging/message-bus.js';
import { combineObservers } from '../messaging/messaging-metrics.js';
import type { JsonValue } from './canonical-json.js';
import type { CountryKeyRing } from './country-key-ring.js';
import { openEnvelope, readEnvelopeHeader } from './envelope-opener.js';
import { ExchangeRejectedError } from './exchange.errors.js';
import type { ExchangeHeader } from './exchange-envelope.js';
import type { ExchangeMessageHandler, ExchangeMessageRegistry } from './exchange-message-registry.js';
import type { TrustDirectory } from './trust-directory.js';

/** What the receiver learned about a refused envelope: routing metadata, never content. */
export interface ExchangeRejection {
  mailboxCountry: string;
  code: string;
  reason: string;
  /** As the envelope's header claims it: unauthenticated when the envelope failed authentication. */
  messageId: string | null;
  claimedSenderCountry: string | null;
  messageType: string | null;
  deadLetterTopic: string;
}

export interface ExchangeMailboxReceiverOptions {
  nodeId: string;
  service: string;
  /** Exchange namespace (topic prefix) of the regional mechanism this node belongs to. */
  namespace: string;
  hostedCountries: readonly string[];
  keyRing: CountryKeyRing;
  trustDirectory: TrustDirectory;
  registry: ExchangeMessageRegistry;
  now?: () => Date;
  /** Oldest envelope accepted, and grace of a retired signing key (default 7 days; see envelope-opener). */
  maxEnvelopeAgeMs?: number;
  /** Told about every refused envelope (for logs, metrics and the security event). */
  onRejected?: (rejection: ExchangeRejection) => void;
  /** Watches the underlying inbox consumer (metrics). */
  observer?: InboxConsumerObserver;
}

interface InboundMessage {
  header: ExchangeHeader;
  payload: unknown;
  handler: ExchangeMessageHandler;
}

/** Partitions per mailbox: enough for parallel conversations, few enough for a one-machine broker. */
const MAILBOX_PARTITIONS = 3;

/**
 * Consumes the mailboxes of the countries this node hosts. Every envelope is authenticated, checked to
 * be addressed here, decrypted, matched to a registered message type and validated before its handler
 * runs, inside the inbox transaction. Anything else (bad signature, unknown sender, wrong recipient,
 * a replayed message id, an unparsable or unknown payload) goes to the mailbox's dead-letter topic with a
 * reason code, and business code never sees it.
 */
export class ExchangeMailboxReceiver {
  private readonly consumer: InboxConsumer<InboundMessage>;
  readonly description: string;

  constructor(
    dataSource: DataSource,
    bus: MessageBus,
    private readonly options: ExchangeMailboxReceiverOptions,
  ) {
    const handler: InboxHandler<InboundMessage> = {
      name: 'exchange-mailbox',
      duplicates: 'dead-letter',
      decode: (record) => this.decode(record),
      handle: (message, { manager }) =>
        message.handler.handle(message.payload, { header: message.header, manager }),
    };
    const observer = combineObservers<InboxConsumerObserver>(options.observer ?? {}, {
      deadLettered: (_handler, record, code, reason, messageId) =>
        this.reportRejection(record, code, reason, messageId),
    });
    this.consumer = new InboxConsumer(
      dataSource,
      bus,
      handler,
      {
        groupId: consumerGroupId(options.nodeId, options.service, 'exchange-mailbox'),
        topics: options.hostedCountries.map((country) => exchangeMailboxTopic(country, options.namespace)),
      },
      observer,
    );
    this.description = `exchange mailboxes ${options.hostedCountries.join(', ')}`;
  }

  /**
   * Topics this node needs: the mailbox of every country it can write to (every country in the trust
   * directory), and the dead-letter topics of the mailboxes it reads.
   */
  requiredTopics(): TopicSpec[] {
    const mailboxes = this.options.trustDirectory.countries().map((country) => ({
      name: exchangeMailboxTopic(country, this.options.namespace),
      partitions: MAILBOX_PARTITIONS,
    }));
    const deadLetters = this.options.hostedCountries.map((country) => ({
      name: deadLetterTopic(exchangeMailboxTopic(country, this.options.namespace)),
      partitions: 1,
    }));
    return [...mailboxes, ...deadLetters];
  }

  start(): Promise<void> {
    return this.consumer.start();
  }

  stop(): Promise<void> {
    return this.consumer.stop();
  }

  /** Processes one record as if delivered (tests drive tampered bytes through here and through Kafka). */
  process(record: DeliveredRecord): Promise<void> {
    return this.consumer.process(record);
  }

  private decode(record: DeliveredRecord): DecodedMessage<InboundMessage> {
    let opened;
    try {
      opened = openEnvelope(record.value, {
        keyRing: this.options.keyRing,
        trustDirectory: this.options.trustDirectory,
        hostedCountries: this.options.hostedCountries,
        now: this.options.now ?? (() => new Date()),
        maxEnvelopeAgeMs: this.options.maxEnvelopeAgeMs,
        retiredKeyGraceMs: this.options.maxEnvelopeAgeMs,
      });
    } catch (error) {
      if (error instanceof ExchangeRejectedError) {
        // No message id: the only id a refused envelope has is the one its unauthenticated header
        // claims, and the inbox remembers the id of whatever it parks. Remembering a forgery's claimed
        // id would park the genuine message carrying that id as a replay (issue 12, finding 6). The
        // claimed id still reaches the rejection report, marked as claimed; a redelivery of the same
        // refused bytes is simply refused again, which costs a signature check and nothing else.
        throw new PoisonMessageError(error.code, error.message, null);
      }
      throw error;
    }
    const { header } = opened;
    if (header.recipient.country !== mailboxCountryOf(record.topic)) {
      // Sealed for one hosted country but dropped in another's mailbox: refuse rather than reroute.
      throw new PoisonMessageError(
        'WRONG_RECIPIENT',
        `addressed to ${header.recipient.country}, found in ${record.topic}`,
        header.messageId,
      );
    }
    const handler = this.options.registry.find(header.type, header.typeVersion);
    if (!handler) {
      throw new PoisonMessageError(
        'UNKNOWN_TYPE',
        `no handler for ${header.type}@v${header.typeVersion}`,
        header.messageId,
      );
    }
    const payload = handler.schema.safeParse(opened.payload as JsonValue);
    if (!payload.success) {
      const fields = payload.error.issues
        .map((issue) => issue.path.map(String).join('.') || '(root)')
        .join(', ');
      throw new PoisonMessageError(
        'INVALID_PAYLOAD',
        `${header.type}@v${header.typeVersion} fields invalid: ${fields}`,
        header.messageId,
      );
    }
    return {
      messageId: header.messageId,
      correlationId: header.correlationId,
      message: { header, payload: payload.data, handler },
    };
  }

  private reportRejection(
    record: DeliveredRecord,
    code: string,
    reason: string,
    messageId: string | null,
  ): void {
    const header = claimedHeader(record);
    this.options.onRejected?.({
      mailboxCountry: mailboxCountryOf(record.topic) ?? record.topic,
      code,
      reason,
      messageId: messageId ?? header?.messageId ?? null,
      claimedSenderCountry: header?.sender.country ?? null,
      messageType: header?.type ?? null,
      deadLetterTopic: deadLetterTopic(record.topic),
    });
  }
}

/** The header as written by whoever sent the bytes: unauthenticated, only for logs. */
function claimedHeader(record: DeliveredRecord): ExchangeHeader | undefined {
  try {
    return readEnvelopeHeader(record.value);
  } catch {
    return undefined;
  }
}
