import { deadLetterTopic } from '@passage/schemas';
import type { DeliveredRecord, MessageBus } from '../messaging/message-bus.js';

export interface DeadLetterReason {
  code: string;
  reason: string;
  handler: string;
}

/**
 * Parks a record on `<topic>.dlq` byte for byte, with why and where it came from in headers, so an
 * operator can inspect, fix and replay it. The reason never quotes the record's content.
 */
export class DeadLetterPublisher {
  constructor(private readonly bus: MessageBus) {}

  async park(record: DeliveredRecord, why: DeadLetterReason): Promise<string> {
    const topic = deadLetterTopic(record.topic);
    await this.bus.publish(topic, [
      {
        key: record.key,
        value: record.value,
        headers: {
          ...record.headers,
          'dlq-reason-code': why.code,
          'dlq-reason': why.reason,
          'dlq-handler': why.handler,
          'dlq-original-topic': record.topic,
          'dlq-original-partition': String(record.partition),
          'dlq-original-offset': record.offset,
          'dlq-at': new Date().toISOString(),
        },
      },
    ]);
    return topic;
  }
}
