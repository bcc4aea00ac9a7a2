import type { GraphQLFormattedError } from 'graphql';

/**
 * Error codes a client may see with their message: they describe what the caller did, never how the
 * server works. Everything else becomes a generic internal error carrying only a correlation id that
 * an operator can look up in the logs.
 */
export const PUBLIC_ERROR_CODES: ReadonlySet<string> = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** Extension keys that travel with a public error (the field at fault, the correlation id). */
const PUBLIC_EXTENSIONS = [
  'code',
  'field',
  'fields',
  'reason',
  'correlationId',
  'retryAfterSeconds',
] as const;

export const INTERNAL_ERROR_MESSAGE =
  'Something went wrong on our side. Quote the correlation id when reporting it.';

/**
 * Shapes one GraphQL error for the wire: public codes keep their message and whitelisted extensions;
 * anything else (a bug, a database error, an unknown code from a subgraph) is masked. Stack traces and
 * exception details never leave the service.
 */
export function formatGraphqlError(
  error: GraphQLFormattedError,
  correlationId: string | undefined,
): GraphQLFormattedError {
  const extensions = error.extensions ?? {};
  const code = typeof extensions.code === 'string' ? extensions.code : undefined;
  if (code !== undefined && PUBLIC_ERROR_CODES.has(code)) {
    const kept: Record<string, unknown> = {};
    for (const key of PUBLIC_EXTENSIONS) if (extensions[key] !== undefined) kept[key] = extensions[key];
    if (correlationId && kept.correlationId === undefined) kept.correlationId = correlationId;
    return {
      message: error.message,
      ...(error.locations ? { locations: error.locations } : {}),
      ...(error.path ? { path: error.path } : {}),
      extensions: kept,
    };
  }
  return {
    message: INTERNAL_ERROR_MESSAGE,
    ...(error.path ? { path: error.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(correlationId ? { correlationId } : {}) },
  };
}

/**
 * The `formatError` every GraphQL server of the project uses: shapes the error with
 * {@link formatGraphqlError} and, when it had to mask it, logs the original (with its stack) under the
 * same correlation id, so the operator can find what the client was not shown.
 */
export function maskingErrorFormatter(
  log: (message: string, stack: string | undefined) => void,
  correlationId: () => string | undefined,
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const shaped = formatGraphqlError(formatted, correlationId());
    if (shaped.extensions?.code === 'INTERNAL_SERVER_ERROR') {
      const original = (error as { originalError?: unknown })?.originalError ?? error;
      log(
        `masked internal error at ${formatted.path?.join('.') ?? '(no path)'}: ${original instanceof Error ? original.message : formatted.message}`,
        original instanceof Error ? original.stack : undefined,
      );
    }
    return shaped;
  };
}
