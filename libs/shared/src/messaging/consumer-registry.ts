import { Injectable } from '@nestjs/common';
import type { TopicSpec } from './message-bus.js';

/** Something that consumes from Kafka and must be started after topics exist and stopped at shutdown. */
export interface StartableConsumer {
  readonly description: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Where a service's modules declare their consumers and the topics they need. The messaging lifecycle
 * creates the topics, then starts the consumers, once Kafka answers; at shutdown it stops them before
 * the database connection goes away.
 */
@Injectable()
export class ConsumerRegistry {
  private readonly consumers: StartableConsumer[] = [];
  private readonly topics = new Map<string, TopicSpec>();

  register(consumer: StartableConsumer, topics: readonly TopicSpec[] = []): void {
    this.consumers.push(consumer);
    this.requireTopics(topics);
  }

  /** Topics a module publishes to or reads from; created at start-up when missing. */
  requireTopics(topics: readonly TopicSpec[]): void {
    for (const topic of topics) this.topics.set(topic.name, topic);
  }

  registeredConsumers(): readonly StartableConsumer[] {
    return this.consumers;
  }

  requiredTopics(): TopicSpec[] {
    return [...this.topics.values()];
  }
}
