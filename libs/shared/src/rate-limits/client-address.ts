/**
 * The header in which the gateway tells a subgraph the address its client connected from. The gateway
 * always sets (or removes) it itself, so a client cannot choose it; subgraphs are reachable only through
 * the gateway, which is what lets them trust it (ADR 023).
 */
export const CLIENT_ADDRESS_HEADER = 'x-passage-client-address';
