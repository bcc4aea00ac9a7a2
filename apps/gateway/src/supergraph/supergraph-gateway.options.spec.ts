import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { IntrospectAndCompose, type RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GatewayConfig } from '../config/gateway.config.js';
import { supergraphGatewayOptions } from './gateway-graphql.options.js';
import { SubgraphDataSource } from './subgraph-data-source.js';
import { CHECKED_IN_SUPERGRAPH_PATH } from './supergraph-source.js';

function configOf(overrides: Partial<GatewayConfig>): GatewayConfig {
  return {
    NODE_ENV: 'development',
    IDENTITY_GRAPHQL_URL: 'http://identity.internal:4001/graphql',
    REFERRALS_GRAPHQL_URL: 'http://referrals.internal:4002/graphql',
    ...overrides,
  } as GatewayConfig;
}

/** The data source the gateway would build for a subgraph named in the supergraph. */
function routeOf(options: ReturnType<typeof supergraphGatewayOptions>, name: string): string | undefined {
  const source = options.buildService!({ name, url: `http://${name}.subgraph.invalid/graphql` });
  expect(source).toBeInstanceOf(SubgraphDataSource);
  return (source as RemoteGraphQLDataSource).url;
}

describe('where the gateway gets its supergraph', () => {
  it('composes by introspection outside production when no supergraph file is given', () => {
    const options = supergraphGatewayOptions(configOf({}));
    expect(options.supergraphSdl).toBeInstanceOf(IntrospectAndCompose);
    const source = options.buildService!({ name: 'referrals', url: 'http://127.0.0.1:4002/graphql' });
    expect((source as RemoteGraphQLDataSource).url).toBe('http://127.0.0.1:4002/graphql');
  });

  it('serves the checked-in supergraph in production', () => {
    const options = supergraphGatewayOptions(configOf({ NODE_ENV: 'production' }));
    expect(options.supergraphSdl).toBe(readFileSync(CHECKED_IN_SUPERGRAPH_PATH, 'utf8'));
    expect(CHECKED_IN_SUPERGRAPH_PATH).toMatch(/contracts\/graphql\/supergraph\.graphql$/);
  });

  it('routes each subgraph by name to its configured URL, not to the placeholder in the file', () => {
    const options = supergraphGatewayOptions(configOf({ NODE_ENV: 'production' }));
    expect(routeOf(options, 'identity')).toBe('http://identity.internal:4001/graphql');
    expect(routeOf(options, 'referrals')).toBe('http://referrals.internal:4002/graphql');
  });

  it('refuses a subgraph of the file that the configuration has no URL for', () => {
    const options = supergraphGatewayOptions(configOf({ NODE_ENV: 'production' }));
    expect(() => options.buildService!({ name: 'payments', url: 'http://payments.invalid/graphql' })).toThrow(
      expect.objectContaining({ name: 'SupergraphError', code: 'UNKNOWN_SUBGRAPH' }),
    );
  });

  it('serves the file SUPERGRAPH_PATH names, in any environment', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'passage-supergraph-')), 'supergraph.graphql');
    writeFileSync(path, 'schema { query: Query }\ntype Query { ping: String }\n');
    const options = supergraphGatewayOptions(configOf({ SUPERGRAPH_PATH: path }));
    expect(options.supergraphSdl).toBe('schema { query: Query }\ntype Query { ping: String }\n');
  });

  it('fails at boot, with a code, when the supergraph file is missing', () => {
    expect(() =>
      supergraphGatewayOptions(configOf({ SUPERGRAPH_PATH: '/nonexistent/supergraph.graphql' })),
    ).toThrow(expect.objectContaining({ name: 'SupergraphError', code: 'SUPERGRAPH_UNREADABLE' }));
  });
});
