import { readFileSync } from 'node:fs';
import { auditHeadFile, developmentSecretPaths, exchangeKeyPaths } from './repo-paths.mjs';

/**
 * The services of a node, in start order: the gateway composes the other two.
 * @type {('identity' | 'referrals' | 'gateway')[]}
 */
export const NODE_SERVICES = ['identity', 'referrals', 'gateway'];

/**
 * The environment of one service of one node on a developer machine. Anything the caller's environment
 * already sets (LOG_LEVEL, KAFKA_BROKERS…) wins over these defaults, except what makes nodes distinct.
 *
 * @param {import('./node-profiles.mjs').NodeProfile} profile
 * @param {'identity' | 'referrals' | 'gateway'} service
 * @param {{ databaseUrl: (database: string) => string, kafkaBrokers: string[], countries: string[], env?: NodeJS.ProcessEnv }} infra
 */
export function serviceEnvironment(profile, service, infra) {
  const env = infra.env ?? process.env;
  const hosted = hostedCountries(profile, infra.countries);
  const keys = exchangeKeyPaths(env);
  const common = {
    ...env,
    NODE_ENV: env.NODE_ENV ?? 'development',
    NODE_ID: profile.id,
    HOSTED_COUNTRIES: hosted.join(','),
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    PORT: String(profile.ports[service]),
  };
  switch (service) {
    case 'identity':
      return {
        ...common,
        DATABASE_URL: asRole(
          infra.databaseUrl(`passage_${profile.id}_identity`),
          serviceRole(profile.id, service),
        ),
        IDENTITY_SECRET_KEY:
          env.IDENTITY_SECRET_KEY ??
          readFileSync(developmentSecretPaths(env).identitySecretKey, 'utf8').trim(),
      };
    case 'referrals':
      return {
        ...common,
        DATABASE_URL: asRole(
          infra.databaseUrl(`passage_${profile.id}_referrals`),
          serviceRole(profile.id, service),
        ),
        EXCHANGE_TRUST_DIRECTORY: env.EXCHANGE_TRUST_DIRECTORY ?? keys.trustDirectory,
        EXCHANGE_KEYS_DIR: env.EXCHANGE_KEYS_DIR ?? keys.keysDir,
        EXCHANGE_NAMESPACE: profile.exchangeNamespace,
        IDENTITY_JWKS_URL: `http://127.0.0.1:${profile.ports.identity}/.well-known/jwks.json`,
        ATTESTATION_KEY:
          env.ATTESTATION_KEY ?? readFileSync(developmentSecretPaths(env).attestationKey, 'utf8').trim(),
        AUDIT_CHAIN_KEY:
          env.AUDIT_CHAIN_KEY ?? readFileSync(developmentSecretPaths(env).auditChainKey, 'utf8').trim(),
        AUDIT_HEAD_FILE: env.AUDIT_HEAD_FILE ?? auditHeadFile(profile.id, service, env),
      };
    case 'gateway':
      return {
        ...common,
        IDENTITY_GRAPHQL_URL: `http://127.0.0.1:${profile.ports.identity}/graphql`,
        REFERRALS_GRAPHQL_URL: `http://127.0.0.1:${profile.ports.referrals}/graphql`,
        IDENTITY_JWKS_URL: `http://127.0.0.1:${profile.ports.identity}/.well-known/jwks.json`,
      };
    default:
      throw new Error(`unknown service ${service}`);
  }
}

/** The countries a node hosts, out of the region's. */
export function hostedCountries(profile, catalogue) {
  if (profile.hostedCountries === 'ALL') return catalogue;
  if (Array.isArray(profile.hostedCountries)) return profile.hostedCountries;
  return catalogue.filter((country) => !profile.hostedCountries.allExcept.includes(country));
}

/**
 * The login role a node's service connects to its database as: it owns no table, and may only append to
 * and read the audit trail. `npm run migration:run` creates it and grants its rights (ADR 026).
 */
export function serviceRole(node, service) {
  return `passage_${node}_${service}_app`;
}

/**
 * The URL as `role`. Without a password: the development server trusts local connections; a server that
 * asks for passwords gets DATABASE_URL set by its operator instead.
 */
function asRole(url, role) {
  const asService = new URL(url);
  asService.username = role;
  asService.password = '';
  return asService.toString();
}

/** A postgres:// URL for `database` on the server of the admin URL. */
export function databaseUrlFrom(adminUrl) {
  return (database) => {
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
}
