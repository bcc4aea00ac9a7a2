import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  consumerGroupId,
  nodeEventTopic,
  organisationListedV1,
  type EventEnvelope,
  type EventPayload,
} from '@passage/schemas';
import {
  ConsumerRegistry,
  InboxConsumer,
  MESSAGE_BUS,
  MessagingMetrics,
  decodeDomainEvent,
  type MessageBus,
  type StartableConsumer,
} from '@passage/shared';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../../platform/index.js';
import { OrganisationDirectory } from './organisation-directory.js';

/**
 * Reads this node's identity directory stream into the organisation directory, once per entry (inbox),
 * in the transaction that also queues its announcement to the other nodes.
 */
@Injectable()
export class IdentityDirectoryFeed implements StartableConsumer, OnModuleInit {
  readonly description: string;
  private readonly consumer: InboxConsumer<EventEnvelope>;
  private readonly topic: string;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    @Inject(MESSAGE_BUS) bus: MessageBus,
    @Inject(REFERRALS_CONFIG) config: ReferralsConfig,
    metrics: MessagingMetrics,
    private readonly directory: OrganisationDirectory,
    private readonly consumers: ConsumerRegistry,
  ) {
    this.topic = nodeEventTopic(config.NODE_ID, organisationListedV1.stream);
    this.description = `organisation directory of node ${config.NODE_ID}`;
    this.consumer = new InboxConsumer(
      dataSource,
      bus,
      {
        name: 'organisation-directory',
        duplicates: 'skip',
        decode: decodeDomainEvent,
        handle: async (event, { manager }) => {
          // The stream may grow other events; only directory entries are this feed's business.
          if (event.type !== organisationListedV1.type || event.version !== organisationListedV1.version)
            return;
          await this.directory.recordLocal(
            event.payload as EventPayload<typeof organisationListedV1>,
            manager,
          );
        },
      },
      {
        groupId: consumerGroupId(config.NODE_ID, config.SERVICE_NAME, 'organisation-directory'),
        topics: [this.topic],
      },
      metrics.consumerObserver(),
    );
  }

  onModuleInit(): void {
    // Every event stream's topic (and its dead-letter topic) is created at start-up for every node.
    this.consumers.register(this);
  }

  start(): Promise<void> {
    return this.consumer.start();
  }

  stop(): Promise<void> {
    return this.consumer.stop();
  }
}
