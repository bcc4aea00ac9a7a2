import { describe, expect, it } from '@jest/globals';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CLIENT_ADDRESS_HEADER, LARGE_OPERATION_HEADER } from '@passage/shared';
import { SubgraphDataSource, type GatewayRequestContext } from './subgraph-data-source.js';

/** The headers the gateway sends a subgraph for a client request with `context`. */
function headersSent(context: GatewayRequestContext): Headers {
  const headers = new Headers();
  new SubgraphDataSource({ url: 'http://127.0.0.1:1/graphql' }).willSendRequest({
    request: { http: { headers, method: 'POST', url: 'http://127.0.0.1:1/graphql' } },
    context,
  } as unknown as GraphQLDataSourceProcessOptions<GatewayRequestContext>);
  return headers;
}

describe('SubgraphDataSource', () => {
  it('passes on the correlation id, the bearer token and a declared large operation', () => {
    const headers = headersSent({
      correlationId: 'c-1',
      authorization: 'Bearer t',
      largeOperation: 'registerMassIntake',
    });
    expect(headers.get('x-correlation-id')).toBe('c-1');
    expect(headers.get('authorization')).toBe('Bearer t');
    expect(headers.get(LARGE_OPERATION_HEADER)).toBe('registerMassIntake');
  });

  it('declares nothing the client did not', () => {
    expect(headersSent({ correlationId: 'c-2' }).get(LARGE_OPERATION_HEADER)).toBeNull();
  });

  it("passes on the client's address as the gateway saw it, and nothing when it has none", () => {
    expect(
      headersSent({ correlationId: 'c-3', clientAddress: '203.0.113.7' }).get(CLIENT_ADDRESS_HEADER),
    ).toBe('203.0.113.7');
    expect(headersSent({ correlationId: 'c-4', clientAddress: null }).get(CLIENT_ADDRESS_HEADER)).toBeNull();
  });
});
