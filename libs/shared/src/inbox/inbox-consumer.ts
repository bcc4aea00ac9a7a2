import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '../logging/index.js';
import type { DeliveredRecord, MessageBus, Subscription } from '../messaging/message-bus.js';
import { DeadLetterPublisher } from './dead-letter-publisher.js';
import { PoisonMessageError } from './poison-message.error.js';

/** A record turned into what its handler works on, with the id that makes processing idempotent. */
export interface DecodedMessage<TMessage> {
  messageId: string;
  message: TMessage;
  /** The journey the record belongs to; the handler runs under it, so its logs and events carry it. */
  correlationId?: string;
}

export interface InboxHandlerContext {
  /** The transaction in which the inbox row is written; the handler's effects must use it. */
  manager: EntityManager;
  record: DeliveredRecord;
  heartbeat(): Promise<void>;
}

/** What to do with a record whose id this handler has already processed. */
export type DuplicatePolicy =
  /** At-least-once delivery: a redelivery is expected and silently skipped. */
  | 'skip'
  /** A repeated id is suspicious (the exchange's replay protection): park it with a reason. */
  | 'dead-letter';

export interface InboxHandler<TMessage> {
  /** Stable name; part of the idempotency key, so renaming it re-processes history. */
  name: string;
  duplicates: DuplicatePolicy;
  /** Parses and validates the record; throws PoisonMessageError when it can never be processed. */
  decode(record: DeliveredRecord): Promise<DecodedMessage<TMessage>> | DecodedMessage<TMessage>;
  handle(message: TMessage, context: InboxHandlerContext): Promise<void>;
}

export interface InboxConsumerObserver {
  processed?(handler: string, record: DeliveredRecord): void;
  duplicate?(handler: string, messageId: string): void;
  deadLettered?(
    handler: string,
    record: DeliveredRecord,
    code: string,
    reason: string,
    messageId: string | null,
  ): void;
  retrying?(handler: string, attempt: number, error: Error): void;
}

export interface InboxConsumerOptions {
  groupId: string;
  topics: readonly string[];
  /** Attempts for a handler failing with an unexpected error before the record is parked. */
  maxAttempts?: number;
  initialBackoffMs?: number;
}

/**
 * Runs one handler over one or more topics with exactly-once effects: the inbox row (message id, handler)
 * and the handler's changes commit in one transaction, and the Kafka offset is committed only after it.
 * Poison records go to the dead-letter topic instead of blocking their partition. While the database
 * itself is unreachable nothing is parked or committed: the record is delivered again later.
 */
export class InboxConsumer<TMessage> {
  private subscription: Subscription | undefined;
  private readonly deadLetters: DeadLetterPublisher;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: MessageBus,
    private readonly handler: InboxHandler<TMessage>,
    private readonly options: InboxConsumerOptions,
    private readonly observer: InboxConsumerObserver = {},
  ) {
    this.deadLetters = new DeadLetterPublisher(bus);
  }

  async start(): Promise<void> {
    if (this.subscription) return;
    this.subscription = await this.bus.subscribe(
      { groupId: this.options.groupId, topics: this.options.topics, fromBeginning: true },
      (record, control) => this.process(record, control.heartbeat),
    );
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.stop();
  }

  /** Processes one delivered record; exposed so tests can drive the consumer without a subscription. */
  async process(
    record: DeliveredRecord,
    heartbeat: () => Promise<void> = async () => undefined,
  ): Promise<void> {
    let decoded: DecodedMessage<TMessage>;
    try {
      decoded = await this.handler.decode(record);
    } catch (error) {
      if (error instanceof PoisonMessageError) return this.park(record, error);
      throw error;
    }
    const correlationId = decoded.correlationId ?? RequestContext.correlationId() ?? randomUUID();
    return RequestContext.run({ correlationId }, () => this.applyWithRetries(decoded, record, heartbeat));
  }

  private async applyWithRetries(
    decoded: DecodedMessage<TMessage>,
    record: DeliveredRecord,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    let backoff = this.options.initialBackoffMs ?? 200;
    for (let attempt = 1; ; attempt++) {
      try {
        const outcome = await this.applyOnce(decoded, record, heartbeat);
        if (outcome === 'duplicate') return this.onDuplicate(record, decoded.messageId);
        this.observer.processed?.(this.handler.name, record);
        return;
      } catch (error) {
        if (error instanceof PoisonMessageError) {
          return this.park(record, new PoisonMessageError(error.code, error.reason, decoded.messageId));
        }
        const failure = error instanceof Error ? error : new Error(String(error));
        if (!(await this.databaseAnswers())) throw failure;
        if (attempt >= maxAttempts) {
          return this.park(
            record,
            new PoisonMessageError(
              'RETRIES_EXHAUSTED',
              `handler failed ${attempt} times; last error: ${failure.name}`,
              decoded.messageId,
            ),
          );
        }
        this.observer.retrying?.(this.handler.name, attempt, failure);
        await heartbeat();
        await new Promise((resolve) => setTimeout(resolve, backoff));
        backoff = Math.min(backoff * 2, 10_000);
      }
    }
  }

  private async applyOnce(
    decoded: DecodedMessage<TMessage>,
    record: DeliveredRecord,
    heartbeat: () => Promise<void>,
  ): Promise<'applied' | 'duplicate'> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(
        `INSERT INTO inbox_message (message_id, handler, topic, kafka_partition, kafka_offset, status)
         VALUES ($1, $2, $3, $4, $5, 'processed')
         ON CONFLICT (message_id, handler) DO NOTHING
         RETURNING message_id`,
        [decoded.messageId, this.handler.name, record.topic, record.partition, record.offset],
      )) as unknown[];
      if (inserted.length === 0) return 'duplicate';
      await this.handler.handle(decoded.message, { manager, record, heartbeat });
      return 'applied';
    });
  }

  private async onDuplicate(record: DeliveredRecord, messageId: string): Promise<void> {
    this.observer.duplicate?.(this.handler.name, messageId);
    if (this.handler.duplicates === 'skip') return;
    const previous = (await this.dataSource.query(
      `SELECT status FROM inbox_message WHERE message_id = $1 AND handler = $2`,
      [messageId, this.handler.name],
    )) as { status: string }[];
    await this.park(
      record,
      new PoisonMessageError(
        'REPLAYED',
        `message id already received by this node (earlier copy ${previous[0]?.status ?? 'unknown'})`,
        messageId,
      ),
      false,
    );
  }

  private async park(record: DeliveredRecord, poison: PoisonMessageError, remember = true): Promise<void> {
    await this.deadLetters.park(record, {
      code: poison.code,
      reason: poison.reason,
      handler: this.handler.name,
    });
    if (remember && poison.messageId) {
      // Remember the verdict so a redelivery of the same record is recognised rather than parked again.
      await this.dataSource.query(
        `INSERT INTO inbox_message (message_id, handler, topic, kafka_partition, kafka_offset, status, reason_code)
         VALUES ($1, $2, $3, $4, $5, 'dead-lettered', $6)
         ON CONFLICT (message_id, handler) DO NOTHING`,
        [poison.messageId, this.handler.name, record.topic, record.partition, record.offset, poison.code],
      );
    }
    this.observer.deadLettered?.(this.handler.name, record, poison.code, poison.reason, poison.messageId);
  }

  private async databaseAnswers(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}
