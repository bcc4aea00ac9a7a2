/**
 * Where the checked-in GraphQL contracts live and how a subgraph is booted to print its own: shared by
 * `npm run contracts:generate` (scripts/contracts-generate.mjs, over the build) and the contract tests
 * (apps/<app>/test/graphql-contract.int-spec.ts, over the sources), so both print the same thing.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createTestDatabase, createThrowawayExchangeKeys, testKafkaBrokers } from '@passage/shared/testing';
import { REPO_ROOT } from '../run/repo-paths.mjs';

/** The folder of the checked-in contracts. */
export const GRAPHQL_CONTRACTS_DIR = join(REPO_ROOT, 'contracts', 'graphql');

/** The subgraphs the gateway composes, by their name in the supergraph. */
export const SUBGRAPH_NAMES = ['identity', 'referrals'];

/** @param {string} name a subgraph name, or `supergraph` */
export function graphqlContractPath(name) {
  return join(GRAPHQL_CONTRACTS_DIR, `${name}.graphql`);
}

/** What to do when the checked-in contract differs from the code: said by every check that fails. */
export const REGENERATE_HINT =
  'Run `npm run contracts:generate` and commit contracts/graphql/ with the change (it refuses a breaking ' +
  'change unless the removed element was deprecated first, or `--accept-breaking` is passed).';

/**
 * Runs `use` with `process.env` set up for one subgraph service on throwaway resources: a fresh database
 * migrated with the service's real migrations, fresh exchange keys, random secrets, and a node id and
 * exchange namespace of their own, so nothing of a running node (its consumer groups, its mailboxes) is
 * touched. Everything is removed and the environment restored afterwards.
 *
 * Needs the variables the test infrastructure publishes (test/support/global-setup.mjs).
 *
 * @template T
 * @param {'identity' | 'referrals'} service
 * @param {(new () => object)[]} migrations
 * @param {() => Promise<T>} use
 * @returns {Promise<T>}
 */
export async function withThrowawaySubgraphEnvironment(service, migrations, use) {
  const database = await createTestDatabase(service, migrations);
  const keys = await createThrowawayExchangeKeys(['KH']);
  const secret = () => randomBytes(32).toString('base64url');
  const variables = {
    NODE_ENV: 'test',
    NODE_ID: 'contracts',
    HOSTED_COUNTRIES: 'KH',
    LOG_LEVEL: 'silent',
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    DATABASE_URL: database.url,
    ...(service === 'identity'
      ? { IDENTITY_SECRET_KEY: secret() }
      : {
          EXCHANGE_NAMESPACE: 'contracts',
          EXCHANGE_TRUST_DIRECTORY: keys.trustDirectoryPath,
          EXCHANGE_KEYS_DIR: keys.keysDirectory,
          // Only fetched when a request carries a token; printing the schema makes none.
          IDENTITY_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
          ATTESTATION_KEY: secret(),
          AUDIT_CHAIN_KEY: secret(),
        }),
  };
  const saved = Object.fromEntries(Object.keys(variables).map((name) => [name, process.env[name]]));
  Object.assign(process.env, variables);
  try {
    return await use();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await keys.remove();
    await database.drop();
  }
}
