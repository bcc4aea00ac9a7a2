import type { IncomingMessage, ServerResponse } from 'node:http';
import { Kind, parse } from 'graphql';

/**
 * The request header by which a client says that its body carries one of the few operations allowed a
 * larger body than usual, naming it: `x-passage-operation: registerMassIntake`. Gateways pass it on to
 * the subgraph, which checks the claim again itself.
 */
export const LARGE_OPERATION_HEADER = 'x-passage-operation';

/** A mutation allowed a larger JSON body than the service's usual limit, and how large. */
export interface LargeOperation {
  /** The root field of the mutation (`registerMassIntake`). */
  mutation: string;
  /** Its largest JSON body, written like the usual limit: `8mb`, `512kb`. */
  limit: string;
}

const BYTE_SIZE = /^(\d+)(b|kb|mb)$/;
const UNIT_BYTES: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/**
 * The number of bytes of a size such as `256kb` or `8mb` (powers of 1024, as body-parser reads them).
 *
 * @throws Error for anything else.
 */
export function byteSize(size: string): number {
  const match = BYTE_SIZE.exec(size);
  if (!match) throw new Error(`not a size such as 256kb: "${size}"`);
  return Number(match[1]) * UNIT_BYTES[match[2]];
}

/** An HTTP error as body-parser raises them; Nest answers `{ statusCode, message }` with its status. */
function httpError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, statusCode: status, expose: true, type });
}

type Next = (error?: unknown) => void;
type Request = IncomingMessage & { body?: unknown };

/**
 * Express middleware, placed before the usual JSON parser, that lets one declared mutation have a larger
 * body than every other request. A request naming a large operation in {@link LARGE_OPERATION_HEADER} is
 * read here up to that operation's limit; once it is read, the usual parser leaves it alone. If the body
 * is larger than the usual limit, it must carry exactly that mutation (one operation, one root field),
 * else it is refused with 413 as if it had met the usual limit. Every other request goes on untouched to
 * the usual parser and its limit, so no request can make the service read more than the usual limit
 * without saying beforehand that it is the large operation. (ADR 022)
 */
export function largeOperationBodies(
  usualLimit: string,
  operations: readonly LargeOperation[],
): (request: Request, response: ServerResponse, next: Next) => void {
  const usualBytes = byteSize(usualLimit);
  const limits = new Map(operations.map((operation) => [operation.mutation, byteSize(operation.limit)]));
  return (request, _response, next) => {
    const declared = request.headers[LARGE_OPERATION_HEADER];
    const limit = typeof declared === 'string' ? limits.get(declared) : undefined;
    if (limit === undefined || request.method !== 'POST' || !isJson(request)) return next();
    if (!['identity', undefined].includes(request.headers['content-encoding']?.toLowerCase())) {
      return next(httpError(415, 'encoding.unsupported', 'a large operation is sent without compression'));
    }
    readBody(request, limit).then(
      (bytes) => {
        let body: unknown;
        try {
          body = JSON.parse(bytes.toString('utf8'));
        } catch (error) {
          return next(httpError(400, 'entity.parse.failed', (error as Error).message));
        }
        if (bytes.length > usualBytes && !carriesOnly(body, declared as string)) {
          return next(
            httpError(
              413,
              'entity.too.large',
              `request entity too large: only the ${String(declared)} mutation may exceed ${usualLimit}`,
            ),
          );
        }
        request.body = body;
        next();
      },
      (error: unknown) => next(error),
    );
  };
}

function isJson(request: IncomingMessage): boolean {
  const type = request.headers['content-type']?.toLowerCase() ?? '';
  if (!/^application\/json\s*(;|$)/.test(type)) return false;
  const charset = /;\s*charset=([^;\s]+)/.exec(type)?.[1]?.replace(/"/g, '');
  // JSON is UTF-8 (RFC 8259); another charset is left to the usual parser, which knows what to say.
  return charset === undefined || charset === 'utf-8';
}

/** The whole body, refused with 413 as soon as it is known to exceed `limit` bytes. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(request.headers['content-length']) > limit) {
      return reject(httpError(413, 'entity.too.large', 'request entity too large'));
    }
    const chunks: Buffer[] = [];
    let received = 0;
    const settle = (error: Error | null) => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks, received));
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) settle(httpError(413, 'entity.too.large', 'request entity too large'));
      else chunks.push(chunk);
    };
    const onEnd = () => settle(null);
    const onError = (error: Error) => settle(error);
    // A client that goes away mid-body: nothing will come, and nobody waits for the answer.
    const onClose = () => settle(httpError(400, 'request.aborted', 'request aborted'));
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}

/** Whether a GraphQL request body is exactly one mutation whose only root field is `mutation`. */
function carriesOnly(body: unknown, mutation: string): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const query = (body as { query?: unknown }).query;
  if (typeof query !== 'string') return false;
  let definitions;
  try {
    ({ definitions } = parse(query, { noLocation: true, maxTokens: 10_000 }));
  } catch {
    return false;
  }
  const operations = definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || operations[0].operation !== 'mutation') return false;
  const { selections } = operations[0].selectionSet;
  return (
    selections.length === 1 && selections[0].kind === Kind.FIELD && selections[0].name.value === mutation
  );
}
