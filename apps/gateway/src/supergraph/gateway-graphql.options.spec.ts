import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse, specifiedRules, validate, type ValidationRule } from 'graphql';
import type { GatewayConfig } from '../config/gateway.config.js';
import { gatewayGraphqlOptions } from './gateway-graphql.options.js';

const config = {
  NODE_ENV: 'production',
  GRAPHQL_MAX_DEPTH: 4,
  GRAPHQL_MAX_COST: 200,
  GRAPHQL_MAX_ALIASES: 3,
  GRAPHQL_MAX_TOKENS: 400,
  IDENTITY_GRAPHQL_URL: 'http://127.0.0.1:1/graphql',
  REFERRALS_GRAPHQL_URL: 'http://127.0.0.1:2/graphql',
} as GatewayConfig;

// A recursive shape, as case → person → case links will be, to build arbitrarily deep operations.
const schema = buildSchema(`
  type Query { case(id: ID!): Case }
  type Case { id: ID! people: [Person!]! }
  type Person { id: ID! case: Case }
`);

function errorsOf(document: string): string[] {
  const rules = gatewayGraphqlOptions(config).server!.validationRules as ValidationRule[];
  return validate(schema, parse(document), [...specifiedRules, ...rules]).map((error) => error.message);
}

function nested(depth: number): string {
  let selection = 'id';
  for (let level = 0; level < depth; level++) {
    // Counted from the outside, the levels alternate people, case, people…
    selection = (depth - 1 - level) % 2 === 0 ? `people { ${selection} }` : `case { ${selection} }`;
  }
  return `{ case(id: "1") { ${selection} } }`;
}

describe('gateway request limits', () => {
  it('accepts an operation within the limits', () => {
    expect(errorsOf(nested(2))).toEqual([]);
  });

  it('refuses an operation deeper than GRAPHQL_MAX_DEPTH', () => {
    expect(errorsOf(nested(6)).join(' ')).toMatch(/depth/i);
  });

  it('refuses more aliases than GRAPHQL_MAX_ALIASES', () => {
    expect(
      errorsOf(
        `{ a: case(id: "1") { id } b: case(id: "2") { id } c: case(id: "3") { id } d: case(id: "4") { id } }`,
      ).join(' '),
    ).toMatch(/alias/i);
  });

  it('refuses an operation whose cost exceeds GRAPHQL_MAX_COST', () => {
    const wide = Array.from(
      { length: 3 },
      (_, i) => `c${i}: case(id: "${i}") { people { case { people { case { id } } } } }`,
    ).join(' ');
    expect(errorsOf(`{ ${wide} }`).join(' ')).toMatch(/cost|depth|alias/i);
  });

  it('masks internal errors and turns introspection off in production', () => {
    const server = gatewayGraphqlOptions(config).server!;
    expect(server.introspection).toBe(false);
    expect(server.includeStacktraceInErrorResponses).toBe(false);
    expect(
      server.formatError!(
        { message: 'relation "case" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        null,
      ),
    ).toMatchObject({
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
