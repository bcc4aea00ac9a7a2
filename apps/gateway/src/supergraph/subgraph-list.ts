import type { GatewayConfig } from '../config/gateway.config.js';

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

/** The subgraphs this gateway composes; names appear in the supergraph and in query plans. */
export function subgraphEndpoints(config: GatewayConfig): SubgraphEndpoint[] {
  return [
    { name: 'identity', url: config.IDENTITY_GRAPHQL_URL },
    { name: 'referrals', url: config.REFERRALS_GRAPHQL_URL },
  ];
}

/** A subgraph's health endpoint, beside its GraphQL endpoint. */
export function subgraphHealthUrl(endpoint: SubgraphEndpoint, probe: 'live' | 'ready'): string {
  return new URL(`/health/${probe}`, endpoint.url).toString();
}
