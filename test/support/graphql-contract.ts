import { readFile } from 'node:fs/promises';
import { compareSchemaContracts, describeSchemaContractReport } from '@passage/shared';
import { graphqlContractPath, REGENERATE_HINT } from '../../scripts/contracts/subgraph-contracts.mjs';

/** The checked-in contract of a subgraph (or of the supergraph), as text. */
export function readGraphqlContract(name: string): Promise<string> {
  return readFile(graphqlContractPath(name), 'utf8');
}

/**
 * Why a running schema and its checked-in contract differ, for a test failure: what to run, and the
 * breaking changes the difference would make. Undefined when they are the same text.
 */
export function contractDrift(name: string, checkedIn: string, running: string): string | undefined {
  if (checkedIn === running) return undefined;
  const changes = describeSchemaContractReport(compareSchemaContracts(checkedIn, running));
  return [
    `contracts/graphql/${name}.graphql differs from the schema the code builds.`,
    REGENERATE_HINT,
    ...(changes.length > 0
      ? ['Changes against the checked-in contract:', ...changes.map((line) => `  ${line}`)]
      : ['(no breaking or dangerous change: descriptions, order or additions only)']),
  ].join('\n');
}
