import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { printSubgraphSdlOf } from '@passage/shared/testing';
import { withThrowawaySubgraphEnvironment } from '../../../scripts/contracts/subgraph-contracts.mjs';
import { contractDrift, readGraphqlContract } from '../../../test/support/graphql-contract.js';
import { IdentityAppModule } from '../src/app.module.js';
import { loadIdentityConfig } from '../src/config/index.js';
import { IDENTITY_MIGRATIONS } from '../src/database/index.js';

describe('identity GraphQL contract (real app module, real Postgres and Kafka)', () => {
  it('builds exactly the schema checked in as contracts/graphql/identity.graphql', async () => {
    const running = await withThrowawaySubgraphEnvironment('identity', IDENTITY_MIGRATIONS, () =>
      printSubgraphSdlOf(IdentityAppModule.forConfig(loadIdentityConfig())),
    );
    expect(contractDrift('identity', await readGraphqlContract('identity'), running)).toBeUndefined();
  }, 120_000);
});
