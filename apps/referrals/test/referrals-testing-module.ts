import { randomBytes } from 'node:crypto';
import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  Clock,
  ClockModule,
  ConsumerRegistry,
  ExchangeMessageRegistry,
  ExchangeSender,
  LoadedConfigModule,
  MESSAGE_BUS,
  ManualClock,
  MessagingMetrics,
  Metrics,
  Outbox,
  TrustDirectory,
  type MessageBus,
} from '@passage/shared';
import { createTestDatabase } from '@passage/shared/testing';
import { REFERRALS_MIGRATIONS } from '../src/database/migrations/index.js';
import { referralsDataSourceOptions } from '../src/database/index.js';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../src/platform/index.js';

/** A sender for contexts that never send across borders: a message they tried to send fails the test. */
export const noExchange = {
  send: () => Promise.reject(new Error('this context sends no exchange message')),
  sendMessage: () => Promise.reject(new Error('this context sends no exchange message')),
} as unknown as ExchangeSender;

/** A bus no consumer is started on: a context that reached the broker from a test fails it. */
const refuse = () => Promise.reject(new Error('no broker in a test of the contexts'));
const noBroker: MessageBus = {
  connect: refuse,
  publish: refuse,
  subscribe: refuse,
  ensureTopics: refuse,
  ping: refuse,
  disconnect: refuse,
};

/**
 * Events land in the outbox table as in production, and exchange messages through the sender the test
 * gives; no relay runs, so nothing reaches a broker from a test of the contexts. Consumers and exchange
 * handlers register as in production, but nothing starts them.
 */
function outboxAndSender(
  exchange: ExchangeSender,
  trustDirectory: TrustDirectory | undefined,
): DynamicModule {
  @Global()
  @Module({})
  class OutboxAndSenderModule {}
  const metrics = new Metrics({ service: 'referrals', nodeId: 'int', defaultMetrics: false });
  return {
    module: OutboxAndSenderModule,
    global: true,
    providers: [
      { provide: Outbox, useValue: new Outbox({ service: 'referrals', node: 'int' }) },
      { provide: ExchangeSender, useValue: exchange },
      { provide: ExchangeMessageRegistry, useValue: new ExchangeMessageRegistry() },
      { provide: ConsumerRegistry, useValue: new ConsumerRegistry() },
      { provide: MessagingMetrics, useValue: new MessagingMetrics(metrics) },
      { provide: MESSAGE_BUS, useValue: noBroker },
      ...(trustDirectory ? [{ provide: TrustDirectory, useValue: trustDirectory }] : []),
    ],
    exports: [
      Outbox,
      ExchangeSender,
      ExchangeMessageRegistry,
      ConsumerRegistry,
      MessagingMetrics,
      MESSAGE_BUS,
      ...(trustDirectory ? [TrustDirectory] : []),
    ],
  };
}

export interface ReferralsTestingModule {
  app: TestingModule;
  dataSource: DataSource;
  /** Where the database is, as the service role, for another module to open on the same one. */
  databaseUrl: string;
  close(): Promise<void>;
}

/**
 * The referrals contexts as the service wires them, on a fresh database migrated with the real
 * migrations. Only the clock and the exchange sender are the test's (and the trust directory, for the
 * contexts that need one). Given `database`, the contexts run on that database instead, which the
 * caller created and drops: several nodes of a test then share one database, each its own module.
 */
export async function openReferralsContexts(options: {
  contexts: Type[];
  clock: ManualClock;
  exchange?: ExchangeSender;
  trustDirectory?: TrustDirectory;
  config?: Partial<ReferralsConfig>;
  database?: { url: string };
}): Promise<ReferralsTestingModule> {
  // The contexts connect as the service's own role, as in production: they may append to the audit
  // trail but not change it (ADR 026).
  const database = options.database
    ? { serviceUrl: options.database.url, drop: async () => {} }
    : await createTestDatabase('referrals', REFERRALS_MIGRATIONS);
  const config = {
    NODE_ID: 'int',
    SERVICE_NAME: 'referrals',
    HOSTED_COUNTRIES: ['KH', 'TH', 'ID'],
    ATTESTATION_KEY: randomBytes(32).toString('base64url'),
    ATTESTATION_VALIDITY_DAYS: 90,
    AUDIT_CHAIN_KEY: randomBytes(32).toString('base64url'),
    // Tests run escalation passes themselves, at the times they set on the clock.
    RESCUE_OVERDUE_CHECK_INTERVAL_MS: 3_600_000,
    // Tests publish audit heads themselves (and only those that name an AUDIT_HEAD_FILE).
    AUDIT_HEAD_PUBLISH_INTERVAL_MS: 3_600_000,
    ...options.config,
  } as ReferralsConfig;
  const app = await Test.createTestingModule({
    imports: [
      LoadedConfigModule.provide(REFERRALS_CONFIG, config),
      ClockModule.forRoot(),
      TypeOrmModule.forRoot(referralsDataSourceOptions(database.serviceUrl)),
      outboxAndSender(options.exchange ?? noExchange, options.trustDirectory),
      ...options.contexts,
    ],
  })
    .overrideProvider(Clock)
    .useValue(options.clock)
    .compile();
  await app.init();
  return {
    app,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    databaseUrl: database.serviceUrl,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
