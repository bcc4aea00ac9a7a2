import { printSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@apollo/composition';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, parse } from 'graphql';
import { SchemaContractError } from '../graphql/schema-contract.js';

/** One subgraph's contract: its name in the supergraph and its federation SDL. */
export interface SubgraphContract {
  name: string;
  sdl: string;
}

/**
 * The federation SDL a subgraph's Nest app module builds, as the gateway would read it from `_service`.
 * Boots the whole module (database, Kafka, every feature) so that what is printed is exactly what runs;
 * the caller provides a throwaway environment for it.
 */
export async function printSubgraphSdlOf(module: DynamicModule): Promise<string> {
  const app = await NestFactory.createApplicationContext(module, { logger: false });
  try {
    // Sorted, so the contract changes when the schema does and not when modules are registered in
    // another order.
    const schema = lexicographicSortSchema(app.get(GraphQLSchemaHost).schema);
    return `${printSubgraphSchema(schema).trimEnd()}\n`;
  } finally {
    await app.close();
  }
}

/**
 * Where each subgraph is reached is not part of the contract: the checked-in supergraph carries these
 * placeholders and the gateway routes each subgraph by name to the URL of its own configuration.
 */
export function placeholderSubgraphUrl(name: string): string {
  return `http://${name}.subgraph.invalid/graphql`;
}

/**
 * Composes the supergraph of the given subgraph contracts with Apollo's composition (what a gateway
 * running `IntrospectAndCompose` does at start-up), with placeholder routing URLs.
 *
 * @throws SchemaContractError `COMPOSITION_FAILED` listing every composition error.
 */
export function composeSupergraphSdl(subgraphs: readonly SubgraphContract[]): string {
  const result = composeServices(
    subgraphs.map(({ name, sdl }) => ({ name, url: placeholderSubgraphUrl(name), typeDefs: parse(sdl) })),
  );
  if (result.errors) {
    throw new SchemaContractError(
      'COMPOSITION_FAILED',
      `the subgraph contracts do not compose:\n${result.errors.map((error) => `  ${error.message}`).join('\n')}`,
    );
  }
  return `${result.supergraphSdl.trimEnd()}\n`;
}
