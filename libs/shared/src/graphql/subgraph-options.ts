import type { Type } from '@nestjs/common';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloFederationDriver, type ApolloFederationDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import { RequestContext } from '../logging/index.js';
import { maskingErrorFormatter } from './format-graphql-error.js';

/**
 * GraphQL settings every subgraph shares: a code-first Federation 2 schema, masked errors, no stack
 * traces, CSRF prevention. Subgraphs sit behind the gateway, which applies the request limits.
 */
export function subgraphGraphqlOptions(options: {
  production: boolean;
  /** Entity types this subgraph only extends (reached through `_entities`, not through its own queries). */
  entityExtensions?: Type<unknown>[];
}): ApolloFederationDriverConfig {
  return {
    driver: ApolloFederationDriver,
    path: '/graphql',
    autoSchemaFile: { federation: 2 },
    sortSchema: true,
    buildSchemaOptions: { orphanedTypes: options.entityExtensions ?? [] },
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    // Inline traces would hand resolver timings and error details to whoever asks the subgraph for them.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    // Resolvers and the auth guard read the HTTP request (the bearer token) from the context.
    context: ({ req }: { req: unknown }) => ({ req }),
    formatError: maskingErrorFormatter(
      (message, stack) => new Logger('GraphQL').error(message, stack),
      () => RequestContext.correlationId(),
    ),
  };
}
