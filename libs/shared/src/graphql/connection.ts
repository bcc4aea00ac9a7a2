import { Directive, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import { CodedError } from '../errors/coded-error.js';

// Every subgraph pages its lists the same way, so the type is shared in the supergraph.
@ObjectType('PageInfo')
@Directive('@shareable')
export class PageInfoModel {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** A Relay connection type for `node`, e.g. `Connection(OrganisationModel, 'Organisation')`. */
export function Connection<TNode>(node: Type<TNode>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor: string;

    @Field(() => node)
    node: TNode;
  }

  @ObjectType(`${name}Connection`, { isAbstract: true })
  class ConnectionType {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => PageInfoModel)
    pageInfo: PageInfoModel;

    @Field(() => Int, { description: 'How many items match, across all pages.' })
    totalCount: number;
  }
  return ConnectionType;
}

/** The keyset position of an item in a list ordered by (createdAt, id), as an opaque cursor. */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) {
    throw new CodedError('BAD_USER_INPUT', 'after: not a cursor this list returned', { field: 'after' });
  }
  return { createdAt, id };
}

/** Builds a page from rows fetched with `limit + 1` (the extra row says whether there is a next page). */
export function toConnection<TRow extends { createdAt: Date; id: string }, TNode>(
  rows: TRow[],
  limit: number,
  totalCount: number,
  map: (row: TRow) => TNode,
) {
  const page = rows.slice(0, limit);
  const edges = page.map((row) => ({ cursor: encodeCursor(row.createdAt, row.id), node: map(row) }));
  return {
    edges,
    totalCount,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
