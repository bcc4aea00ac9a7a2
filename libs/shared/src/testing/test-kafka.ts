import { randomUUID } from 'node:crypto';
import { KafkajsMessageBus } from '../messaging/kafkajs-message-bus.js';
import type { DeliveredRecord, MessageBus } from '../messaging/message-bus.js';
import { testKafkaBrokers } from './test-environment.js';

/** A bus on the test broker. */
export function createTestBus(clientId = `passage-test-${process.pid}`): KafkajsMessageBus {
  return new KafkajsMessageBus({ brokers: testKafkaBrokers(), clientId });
}

/** A topic name nobody else uses, so tests never see each other's records. */
export function uniqueTopicName(prefix: string): string {
  return `test.${prefix}.${randomUUID().slice(0, 8)}`;
}

/**
 * Reads `topic` from the beginning in a throw-away consumer group until `count` records arrived or the
 * timeout passed, and returns them raw: the bytes exactly as any Kafka operator would see them.
 */
export async function readTopic(
  bus: MessageBus,
  topic: string,
  {
    count,
    timeoutMs = 30_000,
    settleMs = 0,
  }: {
    count: number;
    timeoutMs?: number;
    /** Keep reading this long after `count` records arrived, to take in the rest of the topic too. */
    settleMs?: number;
  },
): Promise<DeliveredRecord[]> {
  const records: DeliveredRecord[] = [];
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const subscription = await bus.subscribe(
    { groupId: `test-reader-${randomUUID()}`, topics: [topic], fromBeginning: true },
    async (record) => {
      records.push(record);
      if (records.length === count) setTimeout(resolveDone, settleMs);
    },
  );
  const timer = setTimeout(resolveDone, timeoutMs);
  try {
    await done;
  } finally {
    clearTimeout(timer);
    await subscription.stop();
  }
  if (records.length < count) {
    throw new Error(`expected ${count} records on ${topic} within ${timeoutMs} ms, got ${records.length}`);
  }
  return records;
}
