import { Inject, Logger, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { exchangeEnvelopeRejectedV1 } from '@passage/schemas';
import { ConsumerRegistry } from '../messaging/consumer-registry.js';
import type { MessageBus } from '../messaging/message-bus.js';
import { MESSAGE_BUS } from '../messaging/messaging.tokens.js';
import { MessagingMetrics } from '../messaging/messaging-metrics.js';
import { Outbox } from '../outbox/outbox.js';
import { CountryKeyRing } from './country-key-ring.js';
import { ExchangeMailboxReceiver, type ExchangeRejection } from './exchange-mailbox-receiver.js';
import { ExchangeMessageRegistry } from './exchange-message-registry.js';
import { ExchangeSender } from './exchange-sender.js';
import { assertKeyRingPublished } from './key-ring-consistency.js';
import { TrustDirectory } from './trust-directory.js';

export interface ExchangeTransportOptions {
  service: string;
  nodeId: string;
  /** Exchange namespace (topic prefix); `trm` for the production mechanism. */
  namespace: string;
  hostedCountries: readonly string[];
  /** The trust directory file (public keys of every country). */
  trustDirectoryPath: string;
  /** Directory of `<CC>.json` private key files; only the hosted countries' files are read. */
  keysDirectory: string;
  /** Oldest envelope accepted, and grace of a retired signing key (default 7 days; see envelope-opener). */
  maxEnvelopeAgeMs?: number;
}

const EXCHANGE_OPTIONS = Symbol('EXCHANGE_OPTIONS');

/**
 * The cross-border exchange inside a service: loads the node's keys and the trust directory at boot
 * (a node whose keys are missing or not published refuses to start), offers the {@link ExchangeSender}
 * and the {@link ExchangeMessageRegistry} to feature modules, and runs the mailbox receiver.
 */
@Module({})
export class ExchangeTransportModule implements OnModuleInit {
  private readonly logger = new Logger('Exchange');

  constructor(
    @Inject(EXCHANGE_OPTIONS) private readonly options: ExchangeTransportOptions,
    private readonly receiver: ExchangeMailboxReceiver,
    private readonly consumers: ConsumerRegistry,
  ) {}

  static forRoot(options: ExchangeTransportOptions): DynamicModule {
    return {
      module: ExchangeTransportModule,
      global: true,
      providers: [
        { provide: EXCHANGE_OPTIONS, useValue: options },
        { provide: TrustDirectory, useFactory: () => TrustDirectory.fromFile(options.trustDirectoryPath) },
        {
          provide: CountryKeyRing,
          inject: [TrustDirectory],
          useFactory: async (directory: TrustDirectory) => {
            const keyRing = await CountryKeyRing.fromDirectory(options.keysDirectory, {
              countries: options.hostedCountries,
            });
            assertKeyRingPublished(keyRing, directory);
            return keyRing;
          },
        },
        ExchangeMessageRegistry,
        {
          provide: ExchangeSender,
          inject: [CountryKeyRing, TrustDirectory, Outbox],
          useFactory: (keyRing: CountryKeyRing, trustDirectory: TrustDirectory, outbox: Outbox) =>
            new ExchangeSender({
              nodeId: options.nodeId,
              namespace: options.namespace,
              hostedCountries: options.hostedCountries,
              keyRing,
              trustDirectory,
              outbox,
            }),
        },
        {
          provide: ExchangeMailboxReceiver,
          inject: [
            DataSource,
            MESSAGE_BUS,
            CountryKeyRing,
            TrustDirectory,
            ExchangeMessageRegistry,
            Outbox,
            MessagingMetrics,
          ],
          useFactory: (
            dataSource: DataSource,
            bus: MessageBus,
            keyRing: CountryKeyRing,
            trustDirectory: TrustDirectory,
            registry: ExchangeMessageRegistry,
            outbox: Outbox,
            metrics: MessagingMetrics,
          ) => {
            const logger = new Logger('ExchangeMailbox');
            return new ExchangeMailboxReceiver(dataSource, bus, {
              nodeId: options.nodeId,
              service: options.service,
              namespace: options.namespace,
              hostedCountries: options.hostedCountries,
              keyRing,
              trustDirectory,
              registry,
              maxEnvelopeAgeMs: options.maxEnvelopeAgeMs,
              observer: metrics.consumerObserver(),
              onRejected: (rejection) => {
                logger.warn(
                  `refused envelope ${rejection.messageId ?? '(no id)'} claimed from ${rejection.claimedSenderCountry ?? '?'} ` +
                    `in mailbox ${rejection.mailboxCountry}: ${rejection.code} (${rejection.reason}); parked in ${rejection.deadLetterTopic}`,
                );
                recordRejection(dataSource, outbox, rejection).catch((error: Error) =>
                  logger.error(`could not record the rejection event: ${error.message}`),
                );
              },
            });
          },
        },
      ],
      exports: [ExchangeSender, ExchangeMessageRegistry, TrustDirectory],
    };
  }

  onModuleInit(): void {
    this.consumers.register(this.receiver, this.receiver.requiredTopics());
    this.logger.log(
      `node ${this.options.nodeId} reads the mailboxes of ${this.options.hostedCountries.join(', ')}`,
    );
  }
}

/** Announces the refusal on the node's security stream so oversight can alert on bursts. */
async function recordRejection(
  dataSource: DataSource,
  outbox: Outbox,
  rejection: ExchangeRejection,
): Promise<void> {
  await dataSource.transaction((manager) =>
    outbox.appendEvent(manager, exchangeEnvelopeRejectedV1, {
      aggregateId: rejection.mailboxCountry,
      payload: {
        mailboxCountry: rejection.mailboxCountry,
        messageId: rejection.messageId,
        claimedSenderCountry: rejection.claimedSenderCountry,
        messageType: rejection.messageType,
        reasonCode: rejection.code,
        deadLetterTopic: rejection.deadLetterTopic,
      },
    }),
  );
}
