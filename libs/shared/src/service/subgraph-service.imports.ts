import type { DynamicModule, Type } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import type { BaseConfig, DatabaseConfig } from '../config/index.js';
import { GraphqlObservabilityModule } from '../graphql/graphql-request-observer.plugin.js';
import { subgraphGraphqlOptions } from '../graphql/subgraph-options.js';
import { HealthChecks, HealthModule } from '../health/index.js';
import { consumersReadinessCheck } from '../messaging/consumers-readiness-check.js';
import { MessagingModule } from '../messaging/messaging.module.js';
import { MetricsModule } from '../metrics/index.js';
import { ClockModule } from './clock.module.js';
import { LoadedConfigModule } from './loaded-config.module.js';

export interface SubgraphServiceOptions {
  service: string;
  config: BaseConfig & DatabaseConfig & { KAFKA_CLIENT_ID: string };
  /** Token under which the app's own config object is injectable. */
  configToken: symbol;
  dataSource: DataSourceOptions;
  /** Entity types owned by another subgraph that this one adds fields to. */
  entityExtensions?: Type<unknown>[];
}

/**
 * What every subgraph service is made of besides its features: its config, its database, Kafka with the
 * outbox relay, health and metrics endpoints, and a Federation 2 GraphQL endpoint.
 */
export function subgraphServiceImports(
  options: SubgraphServiceOptions,
): (DynamicModule | typeof GraphqlObservabilityModule)[] {
  const { config } = options;
  return [
    LoadedConfigModule.provide(options.configToken, config),
    ClockModule.forRoot(),
    TypeOrmModule.forRoot(options.dataSource),
    MessagingModule.forRoot({
      service: options.service,
      nodeId: config.NODE_ID,
      brokers: config.KAFKA_BROKERS,
      clientId: config.KAFKA_CLIENT_ID,
    }),
    MetricsModule.register({ service: options.service, nodeId: config.NODE_ID }),
    HealthModule.register({
      checks: [HealthChecks.database(), HealthChecks.kafka(), consumersReadinessCheck()],
    }),
    GraphqlObservabilityModule,
    GraphQLModule.forRoot(
      subgraphGraphqlOptions({
        production: config.NODE_ENV === 'production',
        entityExtensions: options.entityExtensions,
      }),
    ),
  ];
}
