import { describe, expect, it } from '@jest/globals';
import { composeSupergraphSdl } from '@passage/shared/testing';
import { SUBGRAPH_NAMES } from '../../../../scripts/contracts/subgraph-contracts.mjs';
import { contractDrift, readGraphqlContract } from '../../../../test/support/graphql-contract.js';

// The production gateway serves contracts/graphql/supergraph.graphql: it must be the composition of the
// subgraph contracts next to it, which the subgraphs' own contract tests hold to the running code.
describe('checked-in supergraph', () => {
  it('is the composition of the checked-in subgraph contracts', async () => {
    const subgraphs = await Promise.all(
      SUBGRAPH_NAMES.map(async (name) => ({ name, sdl: await readGraphqlContract(name) })),
    );
    const composed = composeSupergraphSdl(subgraphs);
    expect(contractDrift('supergraph', await readGraphqlContract('supergraph'), composed)).toBeUndefined();
  });
});
