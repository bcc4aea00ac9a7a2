import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { GraphqlObservabilityModule, HealthModule, LoadedConfigModule, MetricsModule } from '@passage/shared';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/gateway.config.js';
import { gatewayGraphqlOptions } from './supergraph/gateway-graphql.options.js';
import { subgraphEndpoints } from './supergraph/subgraph-list.js';
import { subgraphsReadinessCheck } from './supergraph/subgraph-readiness.js';

/** The node's single public entry: the federated GraphQL API, health and metrics. */
@Module({})
export class GatewayAppModule {
  static forConfig(config: GatewayConfig): DynamicModule {
    return {
      module: GatewayAppModule,
      imports: [
        LoadedConfigModule.provide(GATEWAY_CONFIG, config),
        MetricsModule.register({ service: 'gateway', nodeId: config.NODE_ID }),
        HealthModule.register({ checks: [subgraphsReadinessCheck(subgraphEndpoints(config))] }),
        GraphqlObservabilityModule,
        GraphQLModule.forRoot(gatewayGraphqlOptions(config)),
      ],
    };
  }
}
