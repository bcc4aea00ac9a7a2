import { randomUUID } from 'node:crypto';

/** The HTTP header (lower case, as Node presents it) that carries the correlation id between services. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Returns `candidate` normalised to lower case when it is a well-formed UUID, else `undefined`.
 * Accepting only UUIDs keeps what a client sends from smuggling text into logs and event headers.
 */
export function acceptCorrelationId(candidate: unknown): string | undefined {
  return typeof candidate === 'string' && UUID.test(candidate) ? candidate.toLowerCase() : undefined;
}

/** A fresh correlation id for work that did not arrive with one. */
export function newCorrelationId(): string {
  return randomUUID();
}
