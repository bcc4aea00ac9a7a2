#!/usr/bin/env node
/**
 * Prints one subgraph's federation SDL to stdout, from its built app module booted on throwaway
 * resources. One process per subgraph: NestJS keeps code-first type metadata in process-wide storage, so
 * a second app module built in the same process would print the first one's types too.
 *
 * Usage: node scripts/contracts/print-subgraph.mjs identity|referrals (run by contracts-generate.mjs,
 * which starts the infrastructure and passes its addresses on).
 */
import 'reflect-metadata';
import { printSubgraphSdlOf } from '@passage/shared/testing';
import { withThrowawaySubgraphEnvironment } from './subgraph-contracts.mjs';

/** Each subgraph's app module and migrations, from the build. */
const SUBGRAPHS = {
  identity: async () => {
    const [{ IdentityAppModule }, { loadIdentityConfig }, { IDENTITY_MIGRATIONS }] = await Promise.all([
      import('../../apps/identity/dist/app.module.js'),
      import('../../apps/identity/dist/config/index.js'),
      import('../../apps/identity/dist/database/index.js'),
    ]);
    return {
      migrations: IDENTITY_MIGRATIONS,
      module: () => IdentityAppModule.forConfig(loadIdentityConfig()),
    };
  },
  referrals: async () => {
    const [{ ReferralsAppModule }, { loadReferralsConfig }, { REFERRALS_MIGRATIONS }] = await Promise.all([
      import('../../apps/referrals/dist/app.module.js'),
      import('../../apps/referrals/dist/platform/index.js'),
      import('../../apps/referrals/dist/database/index.js'),
    ]);
    return {
      migrations: REFERRALS_MIGRATIONS,
      module: () => ReferralsAppModule.forConfig(loadReferralsConfig()),
    };
  },
};

const name = process.argv[2];
const load = SUBGRAPHS[name];
if (!load) {
  process.stderr.write(`usage: print-subgraph.mjs ${Object.keys(SUBGRAPHS).join('|')}\n`);
  process.exit(64);
}
const { migrations, module } = await load();
process.stdout.write(
  await withThrowawaySubgraphEnvironment(name, migrations, () => printSubgraphSdlOf(module())),
);
