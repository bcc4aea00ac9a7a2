import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  nodeEventTopic,
  type EventDefinition,
  type EventEnvelope,
  type EventPayload,
} from '@passage/schemas';
import { RequestContext } from '../logging/index.js';
import { OutboxError } from './outbox.errors.js';

/** A record to publish, already serialised: what the relay will hand to the bus. */
export interface OutboxRecord {
  messageId: string;
  topic: string;
  key: string;
  /** Event or exchange message type, kept for operators reading the table. */
  type: string;
  value: Buffer;
  headers: Record<string, string>;
}

export interface AppendEventInput<TDefinition extends EventDefinition> {
  aggregateId: string;
  payload: EventPayload<TDefinition>;
  /** Defaults to the correlation id of the request being served. */
  correlationId?: string;
  causationId?: string | null;
}

/**
 * Writes outgoing events and exchange messages into the service's own database, inside the caller's
 * transaction, so that the state change and the fact that it must be announced commit or roll back
 * together. The relay publishes them later.
 */
export class Outbox {
  constructor(private readonly producer: { service: string; node: string }) {}

  /** Validates the payload against its definition and queues the event on its aggregate stream. */
  async appendEvent<TDefinition extends EventDefinition>(
    manager: EntityManager,
    definition: TDefinition,
    input: AppendEventInput<TDefinition>,
  ): Promise<EventEnvelope<EventPayload<TDefinition>>> {
    const { envelope, record } = this.eventRecord(definition, input);
    await this.appendRecord(manager, record);
    return envelope;
  }

  /**
   * Queues many events of one definition with a few multi-row INSERTs instead of a round trip each (a
   * mass intake opens thousands of cases at once). Every payload is checked before anything is written.
   */
  async appendEvents<TDefinition extends EventDefinition>(
    manager: EntityManager,
    definition: TDefinition,
    inputs: readonly AppendEventInput<TDefinition>[],
  ): Promise<void> {
    requireTransaction(manager);
    const records = inputs.map((input) => this.eventRecord(definition, input).record);
    for (let start = 0; start < records.length; start += ROWS_PER_STATEMENT) {
      const rows = records.slice(start, start + ROWS_PER_STATEMENT);
      const values = rows.flatMap((record) => [
        record.messageId,
        record.topic,
        record.key,
        record.type,
        JSON.stringify(record.headers),
        record.value,
      ]);
      const tuples = rows.map(
        (_, index) => `(${[1, 2, 3, 4, 5, 6].map((column) => `$${index * 6 + column}`).join(', ')})`,
      );
      await manager.query(
        `INSERT INTO outbox_message (message_id, topic, message_key, message_type, headers, value) VALUES ${tuples.join(', ')}`,
        values,
      );
    }
  }

  /** Queues an already serialised record (the exchange uses this for sealed envelopes). */
  async appendRecord(manager: EntityManager, record: OutboxRecord): Promise<void> {
    requireTransaction(manager);
    await manager.query(
      `INSERT INTO outbox_message (message_id, topic, message_key, message_type, headers, value)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [record.messageId, record.topic, record.key, record.type, JSON.stringify(record.headers), record.value],
    );
  }

  /** The envelope and the outbox record of one event, with the payload checked against its schema. */
  private eventRecord<TDefinition extends EventDefinition>(
    definition: TDefinition,
    input: AppendEventInput<TDefinition>,
  ): { envelope: EventEnvelope<EventPayload<TDefinition>>; record: OutboxRecord } {
    const parsed = definition.schema.safeParse(input.payload);
    if (!parsed.success) {
      throw new OutboxError(
        'OUTBOX_INVALID_EVENT',
        `${definition.type}@v${definition.version} payload does not match its schema: ${parsed.error.issues
          .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
          .join('; ')}`,
      );
    }
    const envelope: EventEnvelope<EventPayload<TDefinition>> = {
      eventId: randomUUID(),
      type: definition.type,
      version: definition.version,
      occurredAt: new Date().toISOString(),
      aggregateType: definition.aggregateType,
      aggregateId: input.aggregateId,
      correlationId: input.correlationId ?? RequestContext.correlationId() ?? randomUUID(),
      causationId: input.causationId ?? null,
      producer: this.producer,
      payload: parsed.data as EventPayload<TDefinition>,
    };
    const record: OutboxRecord = {
      messageId: envelope.eventId,
      topic: nodeEventTopic(this.producer.node, definition.stream),
      key: input.aggregateId,
      type: `${definition.type}@v${definition.version}`,
      value: Buffer.from(JSON.stringify(envelope), 'utf8'),
      headers: {
        'content-type': 'application/json',
        'event-type': definition.type,
        'event-version': String(definition.version),
        'correlation-id': envelope.correlationId,
      },
    };
    return { envelope, record };
  }
}

/** Rows per INSERT: well under Postgres' 65,535 bind parameters at six per row. */
const ROWS_PER_STATEMENT = 1_000;

function requireTransaction(manager: EntityManager): void {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new OutboxError(
      'OUTBOX_REQUIRES_TRANSACTION',
      'outbox rows must be written inside the transaction that changes the state they announce',
    );
  }
}
