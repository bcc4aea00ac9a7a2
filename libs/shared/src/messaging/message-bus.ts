/**
 * The project's own seam around the Kafka client. Business code, the outbox relay, the inbox consumer
 * and the cross-border exchange depend on these types only, so the client library (kafkajs today,
 * likely @platformatic/kafka later) can be swapped in one place. See docs/adr/004-kafka-client-seam.md.
 */

/** A record as it travels on a topic: bytes plus string headers. */
export interface BusRecord {
  /** Partitioning key; records with the same key keep their order. */
  key: string;
  value: Buffer;
  headers?: Record<string, string>;
}

/** A record as delivered to a subscriber, with where it came from. */
export interface DeliveredRecord extends BusRecord {
  topic: string;
  partition: number;
  offset: string;
  headers: Record<string, string>;
}

/** What a subscription handler may do while processing one record. */
export interface DeliveryControl {
  /** Keeps the group membership alive during a long handler. */
  heartbeat(): Promise<void>;
}

export type RecordHandler = (record: DeliveredRecord, control: DeliveryControl) => Promise<void>;

export interface SubscriptionOptions {
  groupId: string;
  topics: readonly string[];
  /** Read each partition from its earliest retained offset when the group has no committed offset. */
  fromBeginning?: boolean;
}

/** A running subscription. The offset of a record is committed only after its handler resolved. */
export interface Subscription {
  stop(): Promise<void>;
}

export interface TopicSpec {
  name: string;
  partitions: number;
  /** Retention in milliseconds; undefined keeps the broker default. */
  retentionMs?: number;
}

export interface MessageBus {
  connect(): Promise<void>;
  /** Publishes all records (to one topic) and resolves once every in-sync replica acknowledged them. */
  publish(topic: string, records: readonly BusRecord[]): Promise<void>;
  /**
   * Delivers records one at a time per partition. A handler that throws stops the subscription's
   * progress on that partition: the record is delivered again after a restart or rebalance, so
   * handlers must be idempotent (the inbox makes them so).
   */
  subscribe(options: SubscriptionOptions, handler: RecordHandler): Promise<Subscription>;
  /** Creates missing topics; existing topics are left as they are. */
  ensureTopics(topics: readonly TopicSpec[]): Promise<void>;
  /** Fails unless the cluster answers a metadata request. */
  ping(): Promise<void>;
  disconnect(): Promise<void>;
}

/**
 * A publish that failed. `retriable` is false only when the broker refused the records themselves
 * (too large, corrupt): retrying them can never succeed, so the outbox relay parks them instead.
 */
export class BusPublishError extends Error {
  readonly code = 'BUS_PUBLISH_FAILED';

  constructor(
    message: string,
    readonly retriable: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BusPublishError';
  }
}
