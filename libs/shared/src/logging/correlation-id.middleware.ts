import type { IncomingMessage, ServerResponse } from 'node:http';

import { Injectable, type NestMiddleware } from '@nestjs/common';

import { acceptCorrelationId, CORRELATION_ID_HEADER, newCorrelationId } from './correlation-id.js';
import { RequestContext } from './request-context.js';

/**
 * Gives every HTTP request a correlation id: the caller's `x-correlation-id` when it is a well-formed
 * UUID, a new one otherwise. The rest of the request runs inside {@link RequestContext}, the response
 * carries the id back, and the request header is rewritten to the id in use so code that forwards
 * headers (the gateway) passes on the same one.
 *
 * Register it for every route, in the root module:
 * `configure(consumer) { consumer.apply(CorrelationIdMiddleware).forRoutes('*') }`,
 * or in plain Express: `app.use((req, res, next) => new CorrelationIdMiddleware().use(req, res, next))`.
 */
@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware<IncomingMessage, ServerResponse> {
  use(request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void): void {
    const correlationId = acceptCorrelationId(request.headers[CORRELATION_ID_HEADER]) ?? newCorrelationId();
    request.headers[CORRELATION_ID_HEADER] = correlationId;
    response.setHeader(CORRELATION_ID_HEADER, correlationId);
    RequestContext.run({ correlationId }, () => next());
  }
}
