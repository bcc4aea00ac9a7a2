import { z } from 'zod';
import { baseConfigShape, field, loadConfig, type LargeOperation, type LoadedConfig } from '@passage/shared';

const { NODE_ENV, NODE_ID, PORT, HOST, LOG_LEVEL, SHUTDOWN_GRACE_MS, KAFKA_BROKERS, KAFKA_CLIENT_ID } =
  baseConfigShape;

const gatewayConfigSchema = z.object({
  NODE_ENV,
  NODE_ID,
  LOG_LEVEL,
  SHUTDOWN_GRACE_MS,
  PORT: PORT.default(4000),
  HOST,
  KAFKA_BROKERS,
  KAFKA_CLIENT_ID,
  /** Where the identity service publishes the keys access tokens are signed with. */
  IDENTITY_JWKS_URL: field.url(['http', 'https']).default('http://127.0.0.1:4001/.well-known/jwks.json'),
  IDENTITY_GRAPHQL_URL: field.url(['http', 'https']).default('http://127.0.0.1:4001/graphql'),
  REFERRALS_GRAPHQL_URL: field.url(['http', 'https']).default('http://127.0.0.1:4002/graphql'),
  /**
   * A supergraph file to serve instead of composing the subgraphs by introspection at start-up. In
   * production the checked-in contracts/graphql/supergraph.graphql is served when this is not set.
   */
  SUPERGRAPH_PATH: field.text().optional(),
  /** How long the gateway waits at start-up for the subgraphs to answer before giving up. */
  SUBGRAPH_STARTUP_TIMEOUT_MS: field.durationMs().default(120_000),
  /**
   * How many proxies (load balancers, ingress) in front of the gateway append to X-Forwarded-For; the
   * client address identity limits sign-ins by is read past them (ADR 023). 0: the connection's address.
   */
  TRUSTED_PROXY_HOPS: field.nonNegativeInt().default(0),
  /** Limits every operation must stay within; they bound the work one request can cause. */
  GRAPHQL_MAX_DEPTH: field.positiveInt().default(12),
  GRAPHQL_MAX_COST: field.positiveInt().default(5000),
  GRAPHQL_MAX_ALIASES: field.positiveInt().default(15),
  GRAPHQL_MAX_TOKENS: field.positiveInt().default(4000),
  GRAPHQL_MAX_BODY: field
    .text({ regex: /^\d+(b|kb|mb)$/, expected: 'a size such as 256kb' })
    .default('256kb'),
  /**
   * Largest body of a raid's mass intake, the one operation allowed more than GRAPHQL_MAX_BODY, when the
   * request declares it (`x-passage-operation: registerMassIntake`). 8mb holds any valid 5,000-person
   * intake in UTF-8 JSON. ADR 022.
   */
  GRAPHQL_MASS_INTAKE_MAX_BODY: field
    .text({ regex: /^\d+(b|kb|mb)$/, expected: 'a size such as 8mb' })
    .default('8mb'),
});

export type GatewayConfig = LoadedConfig<typeof gatewayConfigSchema>;

/** Reads and validates the gateway's environment; the only place it reads `process.env`. */
export function loadGatewayConfig(): GatewayConfig {
  return loadConfig(gatewayConfigSchema);
}

/** The operations allowed a larger body than GRAPHQL_MAX_BODY: only a raid's mass intake. */
export function gatewayLargeOperations(config: GatewayConfig): LargeOperation[] {
  return [{ mutation: 'registerMassIntake', limit: config.GRAPHQL_MASS_INTAKE_MAX_BODY }];
}

/** Injection token of the loaded {@link GatewayConfig}. */
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
