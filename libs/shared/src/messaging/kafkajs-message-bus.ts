import { Kafka, logLevel, Partitioners, type Consumer, type Producer, type LogEntry } from 'kafkajs';
import {
  BusPublishError,
  type BusRecord,
  type DeliveredRecord,
  type MessageBus,
  type RecordHandler,
  type Subscription,
  type SubscriptionOptions,
  type TopicSpec,
} from './message-bus.js';

/** Where the Kafka client's own diagnostics go (the service's structured logger). */
export type BusLogSink = (level: 'error' | 'warn' | 'info' | 'debug', message: string, extra: object) => void;

export interface KafkajsMessageBusOptions {
  brokers: readonly string[];
  clientId: string;
  log?: BusLogSink;
  /** How long one connection attempt may take before the client retries. */
  connectionTimeoutMs?: number;
}

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/**
 * MessageBus over kafkajs 2.2.4: an idempotent producer with `acks: -1`, one consumer per subscription
 * with manual offset commits after the handler resolved. See docs/adr/004-kafka-client-seam.md.
 */
export class KafkajsMessageBus implements MessageBus {
  private readonly kafka: Kafka;
  private producer: Producer | undefined;
  private readonly consumers = new Set<Consumer>();

  constructor(options: KafkajsMessageBusOptions) {
    const sink = options.log;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: [...options.brokers],
      connectionTimeout: options.connectionTimeoutMs ?? 3000,
      logLevel: sink ? logLevel.WARN : logLevel.NOTHING,
      logCreator:
        () =>
        ({ level, log }: LogEntry) => {
          const { message, ...extra } = log;
          // Bounded producer retries are deliberate: the outbox relay retries with its own backoff and the
          // inbox makes redelivery harmless, so kafkajs's exactly-once caveat does not apply here.
          if (message.startsWith('Limiting retries for the idempotent producer')) return;
          sink?.(LEVELS[level] ?? 'info', `kafka: ${message}`, extra);
        },
      // Keep retrying for about a minute so a broker restart is ridden out rather than surfaced.
      retry: { initialRetryTime: 300, retries: 8, maxRetryTime: 10_000 },
    });
  }

  async connect(): Promise<void> {
    await this.ensureProducer();
  }

  async publish(topic: string, records: readonly BusRecord[]): Promise<void> {
    if (records.length === 0) return;
    try {
      const producer = await this.ensureProducer();
      await producer.send({
        topic,
        acks: -1,
        messages: records.map((record) => ({
          key: record.key,
          value: record.value,
          headers: record.headers ?? {},
        })),
      });
    } catch (error) {
      throw new BusPublishError(`publishing to ${topic} failed: ${describe(error)}`, !refusesRecords(error), {
        cause: error,
      });
    }
  }

  async subscribe(options: SubscriptionOptions, handler: RecordHandler): Promise<Subscription> {
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 10_000 },
    });
    this.consumers.add(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [...options.topics], fromBeginning: options.fromBeginning ?? true });
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: 1,
      eachMessage: async ({ topic, partition, message, heartbeat }) => {
        const record: DeliveredRecord = {
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? '',
          value: message.value ?? Buffer.alloc(0),
          headers: decodeHeaders(message.headers),
        };
        await handler(record, { heartbeat });
        // The next offset to read, committed only once the handler's own transaction has committed.
        await consumer.commitOffsets([
          { topic, partition, offset: (BigInt(message.offset) + 1n).toString() },
        ]);
      },
    });
    return {
      stop: async () => {
        if (!this.consumers.delete(consumer)) return;
        await consumer.disconnect();
      },
    };
  }

  async ensureTopics(topics: readonly TopicSpec[]): Promise<void> {
    if (topics.length === 0) return;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((topic) => !existing.has(topic.name));
      if (missing.length === 0) return;
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic: topic.name,
          numPartitions: topic.partitions,
          replicationFactor: -1,
          configEntries:
            topic.retentionMs === undefined
              ? []
              : [{ name: 'retention.ms', value: String(topic.retentionMs) }],
        })),
      });
    } finally {
      await admin.disconnect();
    }
  }

  async ping(): Promise<void> {
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    await admin.connect();
    try {
      await admin.describeCluster();
    } finally {
      await admin.disconnect();
    }
  }

  async disconnect(): Promise<void> {
    const consumers = [...this.consumers];
    this.consumers.clear();
    await Promise.allSettled(consumers.map((consumer) => consumer.disconnect()));
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect();
  }

  private async ensureProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    this.producer = producer;
    return producer;
  }
}

function decodeHeaders(
  headers: Record<string, Buffer | string | (Buffer | string)[] | undefined> | undefined,
) {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    const single = Array.isArray(value) ? value[value.length - 1] : value;
    if (single !== undefined) decoded[name] = single.toString();
  }
  return decoded;
}

/** Broker answers that mean the records themselves are unacceptable, whatever the number of retries. */
const RECORD_REFUSALS = new Set([
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'CORRUPT_MESSAGE',
]);

function refusesRecords(error: unknown): boolean {
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    const type = (current as { type?: unknown }).type;
    if (typeof type === 'string' && RECORD_REFUSALS.has(type)) return true;
    const originalError = (current as { originalError?: unknown }).originalError;
    if (originalError instanceof Error && refusesRecords(originalError)) return true;
  }
  return false;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
