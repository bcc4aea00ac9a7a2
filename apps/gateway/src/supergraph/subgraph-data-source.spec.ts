import { describe, expect, it } from '@jest/globals';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { LARGE_OPERATION_HEADER } from '@passage/shared';
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
});
