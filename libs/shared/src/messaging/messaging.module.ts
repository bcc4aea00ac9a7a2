import { Module, type DynamicModule, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Outbox } from '../outbox/outbox.js';
import { OutboxRelay, type OutboxRelayObserver } from '../outbox/outbox-relay.js';
import { ConsumerRegistry } from './consumer-registry.js';
import { KafkajsMessageBus } from './kafkajs-message-bus.js';
import type { MessageBus } from './message-bus.js';
import { MessagingLifecycle } from './messaging-lifecycle.js';
import { MessagingMetrics, combineObservers } from './messaging-metrics.js';
import { MESSAGE_BUS, MESSAGING_OPTIONS, type MessagingModuleOptions } from './messaging.tokens.js';

export type { MessagingModuleOptions };

/**
 * A service's Kafka side: the bus, the outbox writer, the relay over the service's own database and the
 * registry where its modules declare consumers. Needs the TypeORM `DataSource` of the service.
 */
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    const logger = new Logger('Messaging');
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        {
          provide: MESSAGE_BUS,
          useFactory: (): MessageBus =>
            new KafkajsMessageBus({
              brokers: options.brokers,
              clientId: `${options.clientId}-${options.service}`,
              log: (level, message, extra) => {
                const line = `${message} ${JSON.stringify(extra)}`;
                if (level === 'error') logger.error(line);
                else if (level === 'warn') logger.warn(line);
                else logger.debug(line);
              },
            }),
        },
        { provide: Outbox, useValue: new Outbox({ service: options.service, node: options.nodeId }) },
        MessagingMetrics,
        {
          provide: OutboxRelay,
          inject: [DataSource, MESSAGE_BUS, MessagingMetrics],
          useFactory: (dataSource: DataSource, bus: MessageBus, metrics: MessagingMetrics) => {
            const logging: OutboxRelayObserver = {
              publishFailed: (error, next) =>
                logger.warn(`outbox relay: ${error.message}; next attempt in ${next} ms`),
              recovered: () => logger.log('outbox relay: publishing again'),
              abandoned: (messageId, reason) =>
                logger.error(`outbox relay: parked message ${messageId}: ${reason}`),
            };
            let relay: OutboxRelay | undefined = undefined;
            const measured = metrics.relayObserver(() => relay!.lag());
            relay = new OutboxRelay(dataSource, bus, options.relay, combineObservers(logging, measured));
            return relay;
          },
        },
        ConsumerRegistry,
        MessagingLifecycle,
      ],
      exports: [MESSAGE_BUS, Outbox, OutboxRelay, ConsumerRegistry, MessagingLifecycle, MessagingMetrics],
    };
  }
}
