import { IntrospectAndCompose } from '@apollo/gateway';
import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Request } from 'express';
import { Logger } from '@nestjs/common';
import { RequestContext, maskingErrorFormatter } from '@passage/shared';
import type { GatewayConfig } from '../config/gateway.config.js';
import { SubgraphDataSource, type GatewayRequestContext } from './subgraph-data-source.js';
import { subgraphEndpoints } from './subgraph-list.js';

/**
 * The public GraphQL endpoint of a node: the supergraph of identity and referrals, behind limits on
 * depth, cost, aliases and tokens that bound what one request can make the services do, with internal
 * errors masked and introspection off in production.
 */
export function gatewayGraphqlOptions(config: GatewayConfig): ApolloGatewayDriverConfig {
  const production = config.NODE_ENV === 'production';
  const armor = new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH },
    costLimit: { maxCost: config.GRAPHQL_MAX_COST },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES },
    maxTokens: { n: config.GRAPHQL_MAX_TOKENS },
    maxDirectives: { n: 30 },
    // Suggestions ("did you mean …") map the schema for an attacker when introspection is off.
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    driver: ApolloGatewayDriver,
    server: {
      path: '/graphql',
      introspection: !production,
      includeStacktraceInErrorResponses: false,
      csrfPrevention: true,
      allowBatchedHttpRequests: false,
      plugins: asServerPlugins(armor.plugins),
      validationRules: [...armor.validationRules],
      formatError: maskingErrorFormatter(
        (message, stack) => new Logger('GraphQL').error(message, stack),
        () => RequestContext.correlationId(),
      ),
      context: ({ req }: { req: Request }): GatewayRequestContext => ({
        correlationId: RequestContext.correlationId(),
        authorization: typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined,
      }),
    },
    gateway: {
      supergraphSdl: new IntrospectAndCompose({ subgraphs: subgraphEndpoints(config) }),
      buildService: ({ url }) => new SubgraphDataSource({ url }),
    },
  };
}

type ServerPlugins = NonNullable<NonNullable<ApolloGatewayDriverConfig['server']>['plugins']>;

/**
 * graphql-armor is typed against @apollo/server's ESM declarations and Nest's driver against its CJS
 * ones; the runtime objects are the same, only the two copies of the declarations differ.
 */
function asServerPlugins(plugins: readonly unknown[]): ServerPlugins {
  return [...plugins] as ServerPlugins;
}
