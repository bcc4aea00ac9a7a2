import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CLIENT_ADDRESS_HEADER, LARGE_OPERATION_HEADER } from '@passage/shared';

/** What the gateway keeps of the incoming HTTP request for the calls it makes to subgraphs. */
export interface GatewayRequestContext {
  correlationId?: string;
  authorization?: string;
  /** The large operation the client declared (a mass intake), so the subgraph takes its body too. */
  largeOperation?: string;
  /** Where the client connected from, for the subgraphs' per-address limits (signing in). */
  clientAddress?: string | null;
}

/**
 * Calls a subgraph on behalf of one client request, passing on the correlation id (so one journey can be
 * followed through every service's logs and events), the bearer token (subgraphs verify it again
 * themselves: the gateway is not the only line of defence), a declared large operation, and the client's
 * address, which the gateway alone sets so that a client cannot pick the address it is limited by.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayRequestContext> {
  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayRequestContext>): void {
    const headers = request.http?.headers;
    if (!headers || !('correlationId' in context)) return;
    if (context.correlationId) headers.set('x-correlation-id', context.correlationId);
    if (context.authorization) headers.set('authorization', context.authorization);
    // The subgraph checks the claim again against the body the gateway sends it.
    if (context.largeOperation) headers.set(LARGE_OPERATION_HEADER, context.largeOperation);
    if (context.clientAddress) headers.set(CLIENT_ADDRESS_HEADER, context.clientAddress);
    else headers.delete(CLIENT_ADDRESS_HEADER);
  }
}
