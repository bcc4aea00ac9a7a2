import type { ReadinessCheckDefinition } from '@passage/shared';
import { subgraphHealthUrl, type SubgraphEndpoint } from './subgraph-list.js';

/** The gateway is ready when every subgraph says it is ready (database and Kafka included). */
export function subgraphsReadinessCheck(endpoints: readonly SubgraphEndpoint[]): ReadinessCheckDefinition {
  return {
    name: 'subgraphs',
    useFactory: () => async (signal: AbortSignal) => {
      const failing: string[] = [];
      await Promise.all(
        endpoints.map(async (endpoint) => {
          const response = await fetch(subgraphHealthUrl(endpoint, 'ready'), { signal }).catch(
            () => undefined,
          );
          if (!response?.ok) failing.push(endpoint.name);
        }),
      );
      if (failing.length > 0) throw new Error(`not ready: ${failing.join(', ')}`);
    },
  };
}
