import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { exchangeEnvelopeRejectedV1, nodeEventTopic } from '@passage/schemas';
import { KafkajsMessageBus, MessagingTables1763769600000, Outbox, OutboxRelay } from '@passage/shared';
import {
  createTestBus,
  openTestDataSource,
  eventually,
  readTopic,
  uniqueTopicName,
} from '@passage/shared/testing';

describe('outbox relay (real Postgres, real Kafka)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let bus: KafkajsMessageBus;
  const outbox = new Outbox({ service: 'outbox-test', node: 'local' });

  beforeAll(async () => {
    ({ dataSource, close } = await openTestDataSource('shared', [MessagingTables1763769600000]));
    bus = createTestBus();
  });

  afterAll(async () => {
    await bus?.disconnect();
    await close?.();
  });

  it('publishes every committed row exactly in commit order per aggregate', async () => {
    const topic = uniqueTopicName('outbox-order');
    await bus.ensureTopics([{ name: topic, partitions: 3 }]);
    const aggregates = [randomUUID(), randomUUID(), randomUUID()];
    // Interleave 3 aggregates x 40 events, each in its own transaction, as concurrent requests would.
    for (let sequence = 0; sequence < 40; sequence++) {
      for (const aggregate of aggregates) {
        await dataSource.transaction((manager) =>
          outbox.appendRecord(manager, {
            messageId: randomUUID(),
            topic,
            key: aggregate,
            type: 'test.sequenced@v1',
            value: Buffer.from(JSON.stringify({ aggregate, sequence })),
            headers: {},
          }),
        );
      }
    }
    const relay = new OutboxRelay(dataSource, bus, { batchSize: 25, pollIntervalMs: 50 });
    relay.start();
    try {
      await eventually(async () => expect((await relay.lag()).pending).toBe(0));
    } finally {
      await relay.stop();
    }

    const records = await readTopic(bus, topic, { count: 120 });
    expect(records).toHaveLength(120);
    for (const aggregate of aggregates) {
      const sequences = records
        .map((record) => JSON.parse(record.value.toString()) as { aggregate: string; sequence: number })
        .filter((body) => body.aggregate === aggregate)
        .map((body) => body.sequence);
      expect(sequences).toEqual([...Array(40).keys()]);
    }
    const unpublished = await dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_message WHERE published_at IS NULL`,
    );
    expect(unpublished[0].n).toBe(0);
  });

  it('writes nothing when the transaction that queued an event rolls back', async () => {
    const aggregateId = randomUUID();
    await expect(
      dataSource.transaction(async (manager) => {
        await outbox.appendEvent(manager, exchangeEnvelopeRejectedV1, {
          aggregateId,
          payload: {
            mailboxCountry: 'KH',
            messageId: null,
            claimedSenderCountry: null,
            messageType: null,
            reasonCode: 'BAD_SIGNATURE',
            deadLetterTopic: 'trm.exchange.KH.dlq',
          },
        });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    const rows = await dataSource.query(`SELECT 1 FROM outbox_message WHERE message_key = $1`, [aggregateId]);
    expect(rows).toHaveLength(0);
  });

  it('refuses to write outside a transaction and refuses a payload that breaks its schema', async () => {
    await expect(
      outbox.appendRecord(dataSource.manager, {
        messageId: randomUUID(),
        topic: 'anything',
        key: 'k',
        type: 't',
        value: Buffer.from('{}'),
        headers: {},
      }),
    ).rejects.toMatchObject({ code: 'OUTBOX_REQUIRES_TRANSACTION' });
    await expect(
      dataSource.transaction((manager) =>
        outbox.appendEvent(manager, exchangeEnvelopeRejectedV1, {
          aggregateId: 'KH',
          // A lower-case country code breaks the contract; the event must never reach a consumer.
          payload: {
            mailboxCountry: 'kh',
            messageId: null,
            claimedSenderCountry: null,
            messageType: null,
            reasonCode: 'X',
            deadLetterTopic: 'd',
          },
        }),
      ),
    ).rejects.toMatchObject({ code: 'OUTBOX_INVALID_EVENT' });
  });

  it('publishes a typed domain event on its node stream with the envelope consumers expect', async () => {
    const node = `t${randomUUID().slice(0, 8)}`;
    const nodeOutbox = new Outbox({ service: 'outbox-test', node });
    const topic = nodeEventTopic(node, exchangeEnvelopeRejectedV1.stream);
    await bus.ensureTopics([{ name: topic, partitions: 1 }]);
    const correlationId = randomUUID();
    const envelope = await dataSource.transaction((manager) =>
      nodeOutbox.appendEvent(manager, exchangeEnvelopeRejectedV1, {
        aggregateId: 'KH',
        correlationId,
        payload: {
          mailboxCountry: 'KH',
          messageId: randomUUID(),
          claimedSenderCountry: 'ID',
          messageType: 'handoff.offered',
          reasonCode: 'BAD_SIGNATURE',
          deadLetterTopic: 'trm.exchange.KH.dlq',
        },
      }),
    );
    const relay = new OutboxRelay(dataSource, bus, { pollIntervalMs: 50 });
    relay.start();
    const [record] = await readTopic(bus, topic, { count: 1 }).finally(() => relay.stop());
    expect(record.key).toBe('KH');
    expect(record.headers['correlation-id']).toBe(correlationId);
    expect(JSON.parse(record.value.toString())).toEqual(envelope);
  });
});
