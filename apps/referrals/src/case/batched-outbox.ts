import type { EntityManager } from 'typeorm';
import type { EventDefinition } from '@passage/schemas';
import { Outbox, OutboxError, type AppendEventInput, type OutboxRecord } from '@passage/shared';

/** Rows per INSERT: well under Postgres' 65,535 bind parameters at six per row. */
const ROWS_PER_STATEMENT = 1_000;

/** An outbox that builds and checks envelopes exactly as the real one does, but keeps the rows. */
class CollectingOutbox extends Outbox {
  readonly records: OutboxRecord[] = [];

  override async appendRecord(_manager: EntityManager, record: OutboxRecord): Promise<void> {
    this.records.push(record);
  }
}

/**
 * Queues many events of one definition with a few multi-row INSERTs instead of one round trip each, for
 * a mass intake that opens thousands of cases at once. Envelopes and payload validation come from the
 * shared `Outbox`, so a batched event is indistinguishable from one appended singly.
 */
export class BatchedOutbox {
  constructor(private readonly producer: { service: string; node: string }) {}

  async appendEvents<TDefinition extends EventDefinition>(
    manager: EntityManager,
    definition: TDefinition,
    inputs: readonly AppendEventInput<TDefinition>[],
  ): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new OutboxError(
        'OUTBOX_REQUIRES_TRANSACTION',
        'outbox rows must be written inside the transaction that changes the state they announce',
      );
    }
    const collector = new CollectingOutbox(this.producer);
    for (const input of inputs) await collector.appendEvent(manager, definition, input);
    for (let start = 0; start < collector.records.length; start += ROWS_PER_STATEMENT) {
      const rows = collector.records.slice(start, start + ROWS_PER_STATEMENT);
      const values: unknown[] = [];
      const tuples = rows.map((record, index) => {
        values.push(
          record.messageId,
          record.topic,
          record.key,
          record.type,
          JSON.stringify(record.headers),
          record.value,
        );
        const at = index * 6;
        return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6})`;
      });
      await manager.query(
        `INSERT INTO outbox_message (message_id, topic, message_key, message_type, headers, value)
         VALUES ${tuples.join(', ')}`,
        values,
      );
    }
  }
}
