import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { printSubgraphSdlOf } from '@passage/shared/testing';
import { withThrowawaySubgraphEnvironment } from '../../../scripts/contracts/subgraph-contracts.mjs';
import { contractDrift, readGraphqlContract } from '../../../test/support/graphql-contract.js';
import { ReferralsAppModule } from '../src/app.module.js';
import { REFERRALS_MIGRATIONS } from '../src/database/index.js';
import { loadReferralsConfig } from '../src/platform/index.js';

describe('referrals GraphQL contract (real app module, real Postgres and Kafka)', () => {
  it('builds exactly the schema checked in as contracts/graphql/referrals.graphql', async () => {
    const running = await withThrowawaySubgraphEnvironment('referrals', REFERRALS_MIGRATIONS, () =>
      printSubgraphSdlOf(ReferralsAppModule.forConfig(loadReferralsConfig())),
    );
    expect(contractDrift('referrals', await readGraphqlContract('referrals'), running)).toBeUndefined();
  }, 120_000);
});
