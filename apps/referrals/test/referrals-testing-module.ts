import { randomBytes } from 'node:crypto';
import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, ClockModule, ExchangeSender, LoadedConfigModule, ManualClock, Outbox } from '@passage/shared';
import { createTestDatabase } from '@passage/shared/testing';
import { REFERRALS_MIGRATIONS } from '../src/database/migrations/index.js';
import { referralsDataSourceOptions } from '../src/database/index.js';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../src/platform/index.js';

/** A sender for contexts that never send across borders: a message they tried to send fails the test. */
export const noExchange = {
  send: () => Promise.reject(new Error('this context sends no exchange message')),
  sendMessage: () => Promise.reject(new Error('this context sends no exchange message')),
} as unknown as ExchangeSender;

/**
 * Events land in the outbox table as in production, and exchange messages through the sender the test
 * gives; no relay runs, so nothing reaches a broker from a test of the contexts.
 */
function outboxAndSender(exchange: ExchangeSender): DynamicModule {
  @Global()
  @Module({})
  class OutboxAndSenderModule {}
  return {
    module: OutboxAndSenderModule,
    global: true,
    providers: [
      { provide: Outbox, useValue: new Outbox({ service: 'referrals', node: 'int' }) },
      { provide: ExchangeSender, useValue: exchange },
    ],
    exports: [Outbox, ExchangeSender],
  };
}

export interface ReferralsTestingModule {
  app: TestingModule;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The referrals contexts as the service wires them, on a fresh database migrated with the real
 * migrations. Only the clock and the exchange sender are the test's.
 */
export async function openReferralsContexts(options: {
  contexts: Type[];
  clock: ManualClock;
  exchange?: ExchangeSender;
  config?: Partial<ReferralsConfig>;
}): Promise<ReferralsTestingModule> {
  const database = await createTestDatabase('referrals', REFERRALS_MIGRATIONS);
  const config = {
    NODE_ID: 'int',
    SERVICE_NAME: 'referrals',
    HOSTED_COUNTRIES: ['KH', 'TH', 'ID'],
    ATTESTATION_KEY: randomBytes(32).toString('base64url'),
    ATTESTATION_VALIDITY_DAYS: 90,
    ...options.config,
  } as ReferralsConfig;
  const app = await Test.createTestingModule({
    imports: [
      LoadedConfigModule.provide(REFERRALS_CONFIG, config),
      ClockModule.forRoot(),
      TypeOrmModule.forRoot(referralsDataSourceOptions(database.url)),
      outboxAndSender(options.exchange ?? noExchange),
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
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
