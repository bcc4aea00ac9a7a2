import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import {
  AuthModule,
  GraphqlObservabilityModule,
  HealthModule,
  LoadedConfigModule,
  MetricsModule,
} from '@passage/shared';
import { GatewayAuthenticationMiddleware } from './authentication/gateway-authentication.middleware.js';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/gateway.config.js';
import { gatewayGraphqlOptions } from './supergraph/gateway-graphql.options.js';
import { subgraphEndpoints } from './supergraph/subgraph-list.js';
import { subgraphsReadinessCheck } from './supergraph/subgraph-readiness.js';

/** The node's single public entry: the federated GraphQL API, health and metrics. */
@Module({})
export class GatewayAppModule implements NestModule {
  static forConfig(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayAppModule,
      imports: [
        LoadedConfigModule.provide(GATEWAY_CONFIG, config),
        MetricsModule.register({ service: 'gateway', nodeId: config.NODE_ID }),
        HealthModule.register({ checks: [subgraphsReadinessCheck(subgraphEndpoints(config))] }),
        AuthModule.forRoot({
          service: 'gateway',
          nodeId: config.NODE_ID,
          kafkaBrokers: config.KAFKA_BROKERS,
          kafkaClientId: config.KAFKA_CLIENT_ID,
          jwksUrl: config.IDENTITY_JWKS_URL,
          guardGraphql: false,
        }),
        GraphqlObservabilityModule,
        GraphQLModule.forRoot(gatewayGraphqlOptions(config)),
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(GatewayAuthenticationMiddleware).forRoutes('graphql');
  }
}
