import { randomBytes } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, ClockModule, LoadedConfigModule, Outbox, type ManualClock } from '@passage/shared';
import { createTestDatabase, type TestDatabase } from '@passage/shared/testing';
import { IDENTITY_CONFIG, type IdentityConfig } from '../src/config/index.js';
import { IDENTITY_MIGRATIONS, identityDataSourceOptions } from '../src/database/index.js';
import { OrganisationsModule } from '../src/organisations/index.js';
import { PeopleModule } from '../src/people/index.js';
import { SecondFactorModule } from '../src/second-factor/index.js';
import { SessionsModule } from '../src/sessions/index.js';
import { SigningKeysModule } from '../src/signing-keys/index.js';

const MINUTE = 60_000;

/** A whole identity configuration for integration tests; a test overrides what it is about. */
export function identityTestConfig(overrides: Partial<IdentityConfig> = {}): IdentityConfig {
  return {
    NODE_ID: 'int',
    SERVICE_NAME: 'identity',
    HOSTED_COUNTRIES: ['KH', 'TH'],
    IDENTITY_SECRET_KEY: randomBytes(32).toString('base64url'),
    ACCESS_TOKEN_TTL_MS: 10 * MINUTE,
    REFRESH_TOKEN_TTL_MS: 12 * 60 * MINUTE,
    SESSION_MAX_AGE_MS: 7 * 24 * 60 * MINUTE,
    SIGNING_KEY_ROTATION_MS: 30 * 24 * 60 * MINUTE,
    ENROLMENT_LINK_TTL_MS: 72 * 60 * MINUTE,
    RATE_LIMIT_WINDOW_SECONDS: 900,
    SIGN_IN_LIMIT_PER_ADDRESS: 300,
    SIGN_IN_LIMIT_PER_ACCOUNT: 60,
    REFRESH_LIMIT_PER_ADDRESS: 600,
    ...overrides,
  } as IdentityConfig;
}

/** Events land in the outbox table as in production; no relay runs, so nothing reaches a broker. */
@Global()
@Module({
  providers: [{ provide: Outbox, useValue: new Outbox({ service: 'identity', node: 'int' }) }],
  exports: [Outbox],
})
class OutboxWithoutRelayModule {}

export interface IdentityTestingModule {
  database: TestDatabase;
  app: TestingModule;
  dataSource: DataSource;
  /** Closes the app and drops its database. */
  close(): Promise<void>;
}

/**
 * The identity contexts as the service wires them, on a freshly migrated real Postgres; only the clock
 * and the configuration are the test's.
 */
export async function openIdentityContexts(
  clock: ManualClock,
  config: IdentityConfig,
): Promise<IdentityTestingModule> {
  const database = await createTestDatabase('identity', IDENTITY_MIGRATIONS);
  const app = await Test.createTestingModule({
    imports: [
      LoadedConfigModule.provide(IDENTITY_CONFIG, config),
      ClockModule.forRoot(),
      TypeOrmModule.forRoot(identityDataSourceOptions(database.url)),
      OutboxWithoutRelayModule,
      SigningKeysModule,
      OrganisationsModule,
      PeopleModule,
      SecondFactorModule,
      SessionsModule,
    ],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  await app.init();
  return {
    database,
    app,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
