import 'reflect-metadata';
import { exitOnInvalidConfig, startService } from '@passage/shared';
import { GatewayAppModule } from './app.module.js';
import { gatewayLargeOperations, loadGatewayConfig } from './config/gateway.config.js';
import { subgraphEndpoints } from './supergraph/subgraph-list.js';
import { supergraphSource } from './supergraph/supergraph-source.js';
import { waitForSubgraphs } from './supergraph/wait-for-subgraphs.js';

const config = exitOnInvalidConfig('gateway', loadGatewayConfig);
// Only composing by introspection needs the subgraphs at start-up; a supergraph file does not, and
// readiness still reports subgraphs that are not up yet.
if (supergraphSource(config).kind === 'introspection') {
  await waitForSubgraphs(subgraphEndpoints(config), {
    timeoutMs: config.SUBGRAPH_STARTUP_TIMEOUT_MS,
    log: (message) =>
      process.stderr.write(`${JSON.stringify({ level: 'info', service: 'gateway', msg: message })}\n`),
  });
}
await startService({
  service: 'gateway',
  module: GatewayAppModule.forConfig(config),
  config,
  bodyLimit: config.GRAPHQL_MAX_BODY,
  largeOperations: gatewayLargeOperations(config),
});
