/** Why the gateway cannot serve the checked-in supergraph; both are deployment problems found at boot. */
export type SupergraphErrorCode = 'SUPERGRAPH_UNREADABLE' | 'UNKNOWN_SUBGRAPH';

/** Raised while building the gateway from a supergraph file; the message names the file or subgraph. */
export class SupergraphError extends Error {
  constructor(
    readonly code: SupergraphErrorCode,
    reason: string,
  ) {
    super(reason);
    this.name = 'SupergraphError';
  }
}
