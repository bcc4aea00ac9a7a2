import { subgraphHealthUrl, type SubgraphEndpoint } from './subgraph-list.js';

/**
 * Composition by introspection needs every subgraph up when the gateway starts; services started
 * together race, so the gateway waits (with backoff) instead of failing on the first refused connection.
 */
export async function waitForSubgraphs(
  endpoints: readonly SubgraphEndpoint[],
  { timeoutMs, log }: { timeoutMs: number; log: (message: string) => void },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 250;
  for (const endpoint of endpoints) {
    for (;;) {
      const problem = await probe(subgraphHealthUrl(endpoint, 'live'));
      if (problem === undefined) break;
      if (Date.now() + delay > deadline) {
        throw new Error(
          `subgraph ${endpoint.name} (${endpoint.url}) did not answer within ${timeoutMs} ms: ${problem}`,
        );
      }
      log(`waiting for subgraph ${endpoint.name}: ${problem}`);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 5_000);
    }
  }
}

async function probe(url: string): Promise<string | undefined> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok ? undefined : `HTTP ${response.status}`;
  } catch (error) {
    return (error as Error).message;
  }
}
