import { IntrospectAndCompose } from '@apollo/gateway';
import { ApolloGatewayDriver, type ApolloGatewayDriverConfig } from '@nestjs/apollo';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Request } from 'express';
import { Logger } from '@nestjs/common';
import { LARGE_OPERATION_HEADER, RequestContext, maskingErrorFormatter } from '@passage/shared';
import type { GatewayConfig } from '../config/gateway.config.js';
import { clientAddress } from './client-address.js';
import { SubgraphDataSource, type GatewayRequestContext } from './subgraph-data-source.js';
import { subgraphEndpoints } from './subgraph-list.js';
import { readSupergraphFile, supergraphSource } from './supergraph-source.js';
import { SupergraphError } from './supergraph.errors.js';

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
        largeOperation: headerValue(req, LARGE_OPERATION_HEADER),
        clientAddress: clientAddress(req, config.TRUSTED_PROXY_HOPS),
      }),
    },
    gateway: supergraphGatewayOptions(config),
  };
}

/** The gateway settings, saying which of the two supergraph sources they hold. */
type SupergraphGatewayOptions = NonNullable<ApolloGatewayDriverConfig['gateway']> & {
  supergraphSdl: string | IntrospectAndCompose;
};

/**
 * How the gateway gets its supergraph and reaches each subgraph. From a file, the URLs written in it are
 * placeholders (where a subgraph runs is not part of the contract): each subgraph is routed by its name
 * to the URL of this gateway's configuration.
 *
 * @throws SupergraphError `SUPERGRAPH_UNREADABLE` for a missing file; `UNKNOWN_SUBGRAPH` (when the
 *   gateway loads) for a subgraph of the file that the configuration has no URL for.
 */
export function supergraphGatewayOptions(config: GatewayConfig): SupergraphGatewayOptions {
  const endpoints = subgraphEndpoints(config);
  const source = supergraphSource(config);
  if (source.kind === 'introspection') {
    return {
      supergraphSdl: new IntrospectAndCompose({ subgraphs: endpoints }),
      buildService: ({ url }) => new SubgraphDataSource({ url }),
    };
  }
  const urls = new Map(endpoints.map((endpoint) => [endpoint.name, endpoint.url]));
  return {
    supergraphSdl: readSupergraphFile(source.path),
    buildService: ({ name }) => {
      const url = urls.get(name);
      if (url === undefined) {
        throw new SupergraphError(
          'UNKNOWN_SUBGRAPH',
          `the supergraph ${source.path} names subgraph "${name}", which this gateway has no URL for`,
        );
      }
      return new SubgraphDataSource({ url });
    },
  };
}

function headerValue(req: Request, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

type ServerPlugins = NonNullable<NonNullable<ApolloGatewayDriverConfig['server']>['plugins']>;

/**
 * graphql-armor is typed against @apollo/server's ESM declarations and Nest's driver against its CJS
 * ones; the runtime objects are the same, only the two copies of the declarations differ.
 */
function asServerPlugins(plugins: readonly unknown[]): ServerPlugins {
  return [...plugins] as ServerPlugins;
}
