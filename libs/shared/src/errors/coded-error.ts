/** The error codes every edge (GraphQL, Kafka consumers) knows how to translate. */
export type ErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'TOO_MANY_REQUESTS';

/**
 * A failure a user can act on, with a stable code and, for bad input, the field at fault. Services throw
 * these (never HTTP or GraphQL exceptions): the same service runs under GraphQL and under Kafka.
 */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { field?: string; reason?: string; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}
