import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@passage/schemas';
import {
  InboxConsumer,
  KafkajsMessageBus,
  MessagingTables1763769600000,
  decodeDomainEvent,
  type InboxHandler,
} from '@passage/shared';
import {
  createTestBus,
  openTestDataSource,
  eventually,
  readTopic,
  uniqueTopicName,
} from '@passage/shared/testing';

function rejectedEvent(eventId = randomUUID()): EventEnvelope {
  return {
    eventId,
    type: 'exchange.envelope-rejected',
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateType: 'exchange-mailbox',
    aggregateId: 'KH',
    correlationId: randomUUID(),
    causationId: null,
    producer: { service: 'referrals', node: 'local' },
    payload: {
      mailboxCountry: 'KH',
      messageId: randomUUID(),
      claimedSenderCountry: 'TH',
      messageType: 'handoff.offered',
      reasonCode: 'BAD_SIGNATURE',
      deadLetterTopic: 'trm.exchange.KH.dlq',
    },
  };
}

describe('inbox consumer (real Postgres, real Kafka)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let bus: KafkajsMessageBus;

  /** Counts each applied event in a table, in the inbox transaction, like a real projection would. */
  const countingHandler: InboxHandler<EventEnvelope> = {
    name: 'count-rejections',
    duplicates: 'skip',
    decode: decodeDomainEvent,
    handle: async (event, { manager }) => {
      await manager.query(`INSERT INTO applied_effect (event_id) VALUES ($1)`, [event.eventId]);
    },
  };

  beforeAll(async () => {
    ({ dataSource, close } = await openTestDataSource('shared', [MessagingTables1763769600000]));
    await dataSource.query(
      `CREATE TABLE applied_effect (event_id uuid NOT NULL, applied_at timestamptz DEFAULT now())`,
    );
    bus = createTestBus();
  });

  afterAll(async () => {
    await bus?.disconnect();
    await close?.();
  });

  async function appliedCount(eventId: string): Promise<number> {
    const rows = await dataSource.query(`SELECT count(*)::int AS n FROM applied_effect WHERE event_id = $1`, [
      eventId,
    ]);
    return rows[0].n;
  }

  it('applies an event delivered twice exactly once', async () => {
    const topic = uniqueTopicName('inbox-dup');
    await bus.ensureTopics([
      { name: topic, partitions: 1 },
      { name: `${topic}.dlq`, partitions: 1 },
    ]);
    const event = rejectedEvent();
    const bytes = Buffer.from(JSON.stringify(event));
    await bus.publish(topic, [{ key: 'KH', value: bytes }]);
    await bus.publish(topic, [{ key: 'KH', value: bytes }]);
    const marker = rejectedEvent();
    await bus.publish(topic, [{ key: 'KH', value: Buffer.from(JSON.stringify(marker)) }]);

    const consumer = new InboxConsumer(dataSource, bus, countingHandler, {
      groupId: `g-${randomUUID()}`,
      topics: [topic],
    });
    await consumer.start();
    try {
      // The marker comes after both copies on the same partition, so once it is applied both were seen.
      await eventually(async () => expect(await appliedCount(marker.eventId)).toBe(1));
      expect(await appliedCount(event.eventId)).toBe(1);
    } finally {
      await consumer.stop();
    }
  });

  it('rolls back the inbox row with the effect when the handler fails, and retries', async () => {
    const event = rejectedEvent();
    let calls = 0;
    const flaky: InboxHandler<EventEnvelope> = {
      ...countingHandler,
      name: 'flaky',
      handle: async (message, context) => {
        calls++;
        await countingHandler.handle(message, context);
        if (calls === 1) throw new Error('transient failure after writing');
      },
    };
    const consumer = new InboxConsumer(dataSource, bus, flaky, {
      groupId: 'unused',
      topics: [],
      initialBackoffMs: 10,
    });
    await consumer.process({
      topic: 'direct',
      partition: 0,
      offset: '0',
      key: 'KH',
      value: Buffer.from(JSON.stringify(event)),
      headers: {},
    });
    expect(calls).toBe(2);
    expect(await appliedCount(event.eventId)).toBe(1);
  });

  it('parks poison records in the dead-letter topic and keeps consuming the partition', async () => {
    const topic = uniqueTopicName('inbox-poison');
    await bus.ensureTopics([
      { name: topic, partitions: 1 },
      { name: `${topic}.dlq`, partitions: 1 },
    ]);
    const wrongContract = { ...rejectedEvent(), payload: { mailboxCountry: 'Cambodia' } };
    const good = rejectedEvent();
    await bus.publish(topic, [
      { key: 'KH', value: Buffer.from('this is not json {'), headers: { 'correlation-id': 'abc' } },
      { key: 'KH', value: Buffer.from(JSON.stringify(wrongContract)) },
      { key: 'KH', value: Buffer.from(JSON.stringify(good)) },
    ]);
    const consumer = new InboxConsumer(dataSource, bus, countingHandler, {
      groupId: `g-${randomUUID()}`,
      topics: [topic],
    });
    await consumer.start();
    try {
      await eventually(async () => expect(await appliedCount(good.eventId)).toBe(1));
    } finally {
      await consumer.stop();
    }
    const parked = await readTopic(bus, `${topic}.dlq`, { count: 2 });
    expect(parked.map((record) => record.headers['dlq-reason-code'])).toEqual([
      'UNPARSABLE',
      'INVALID_PAYLOAD',
    ]);
    expect(parked[0].value.toString()).toBe('this is not json {');
    expect(parked[0].headers['dlq-original-topic']).toBe(topic);
    expect(parked[1].headers['dlq-reason']).not.toContain('Cambodia');
    const verdict = await dataSource.query(
      `SELECT status, reason_code FROM inbox_message WHERE message_id = $1`,
      [wrongContract.eventId],
    );
    expect(verdict).toEqual([{ status: 'dead-lettered', reason_code: 'INVALID_PAYLOAD' }]);
  });
});
