import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { KafkajsMessageBus, MessagingTables1763769600000, Outbox, OutboxRelay } from '@passage/shared';
import {
  createTestBus,
  openTestDataSource,
  eventually,
  readTopic,
  startLocalKafka,
  stopLocalKafka,
  uniqueTopicName,
} from '@passage/shared/testing';

// Stops the shared broker: the integration project runs in band so no other test is affected.
describe('outbox during a Kafka outage (real Postgres, real Kafka stopped and restarted)', () => {
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let bus: KafkajsMessageBus;
  const outbox = new Outbox({ service: 'outage-test', node: 'local' });

  beforeAll(async () => {
    ({ dataSource, close } = await openTestDataSource('shared', [MessagingTables1763769600000]));
    bus = createTestBus();
  });

  afterAll(async () => {
    await startLocalKafka();
    await bus?.disconnect();
    await close?.();
  });

  it('commits writes while the broker is down and drains the backlog once it is back', async () => {
    const topic = uniqueTopicName('outage');
    await bus.ensureTopics([{ name: topic, partitions: 1 }]);
    const relay = new OutboxRelay(dataSource, bus, {
      pollIntervalMs: 50,
      initialBackoffMs: 200,
      maxBackoffMs: 2_000,
    });
    relay.start();
    try {
      await stopLocalKafka();
      const ids: string[] = [];
      for (let i = 0; i < 25; i++) {
        const id = randomUUID();
        ids.push(id);
        await dataSource.transaction((manager) =>
          outbox.appendRecord(manager, {
            messageId: id,
            topic,
            key: 'aggregate-1',
            type: 'test.outage@v1',
            value: Buffer.from(JSON.stringify({ i })),
            headers: {},
          }),
        );
      }
      expect((await relay.lag()).pending).toBe(25);

      await startLocalKafka();
      await eventually(async () => expect((await relay.lag()).pending).toBe(0), {
        timeoutMs: 120_000,
        intervalMs: 500,
      });
      const records = await readTopic(bus, topic, { count: 25 });
      expect(records.map((record) => JSON.parse(record.value.toString()).i)).toEqual([...Array(25).keys()]);
      expect(records.map((record) => record.headers['message-id'])).toEqual(ids);
    } finally {
      await relay.stop();
    }
  });
});
