import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { deadLetterTopic, eventStreams, nodeEventTopic } from '@passage/schemas';
import { OutboxRelay } from '../outbox/outbox-relay.js';
import { ConsumerRegistry } from './consumer-registry.js';
import type { MessageBus } from './message-bus.js';
import { MESSAGE_BUS, MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging.tokens.js';

/**
 * Brings a service's Kafka side up without making the service's own start depend on Kafka: the relay
 * starts at once (it backs off while the broker is away, and writes keep committing), topics and
 * consumers come up in the background as soon as the broker answers. Readiness reports the difference.
 */
@Injectable()
export class MessagingLifecycle
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('Messaging');
  private consumersStarted = false;
  private stopping = false;
  private startup: Promise<void> | undefined;

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly relay: OutboxRelay,
    private readonly registry: ConsumerRegistry,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingModuleOptions,
  ) {}

  onApplicationBootstrap(): void {
    // Every stream of the event catalogue exists on every node, so a producer never meets a missing topic.
    this.registry.requireTopics(
      eventStreams().flatMap((stream) => {
        const topic = nodeEventTopic(this.options.nodeId, stream);
        return [
          { name: topic, partitions: 3 },
          { name: deadLetterTopic(topic), partitions: 1 },
        ];
      }),
    );
    this.relay.start();
    this.startup = this.startConsumersWhenKafkaAnswers();
  }

  /** True once topics exist and every registered consumer runs. */
  isConsuming(): boolean {
    return this.consumersStarted;
  }

  /** Resolves when consumers run (tests and scripts that must not race the start-up use it). */
  async whenConsuming(): Promise<void> {
    await this.startup;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    // Stop taking new records first, then flush what is already queued for publication.
    await Promise.allSettled(this.registry.registeredConsumers().map((consumer) => consumer.stop()));
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.bus.disconnect();
  }

  private async startConsumersWhenKafkaAnswers(): Promise<void> {
    let delay = 500;
    while (!this.stopping) {
      try {
        await this.bus.ensureTopics(this.registry.requiredTopics());
        for (const consumer of this.registry.registeredConsumers()) {
          if (this.stopping) return;
          await consumer.start();
          this.logger.log(`consuming: ${consumer.description}`);
        }
        this.consumersStarted = true;
        return;
      } catch (error) {
        this.logger.warn(`Kafka not ready, retrying in ${delay} ms: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay = Math.min(delay * 2, 15_000);
      }
    }
  }
}
