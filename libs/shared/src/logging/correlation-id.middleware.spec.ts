import type { IncomingMessage, ServerResponse } from 'node:http';

import { describe, expect, it } from '@jest/globals';

import { CORRELATION_ID_HEADER } from './correlation-id.js';
import { CorrelationIdMiddleware } from './correlation-id.middleware.js';
import { RequestContext } from './request-context.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Outcome {
  inContext: string | undefined;
  responseHeader: unknown;
  requestHeader: unknown;
}

function runMiddleware(incoming: string | string[] | undefined): Outcome {
  const request = {
    headers: incoming === undefined ? {} : { [CORRELATION_ID_HEADER]: incoming },
  } as IncomingMessage;
  const responseHeaders = new Map<string, unknown>();
  const response = {
    setHeader: (name: string, value: unknown) => responseHeaders.set(name, value),
  } as unknown as ServerResponse;
  let inContext: string | undefined;
  let nextCalls = 0;

  new CorrelationIdMiddleware().use(request, response, () => {
    nextCalls += 1;
    inContext = RequestContext.correlationId();
  });

  expect(nextCalls).toBe(1);
  expect(RequestContext.correlationId()).toBeUndefined();
  return {
    inContext,
    responseHeader: responseHeaders.get(CORRELATION_ID_HEADER),
    requestHeader: request.headers[CORRELATION_ID_HEADER],
  };
}

describe('CorrelationIdMiddleware', () => {
  it('keeps a well-formed id from the caller', () => {
    const id = '3f1c2b7e-8a4d-4c1e-9b2a-6d5e4f3a2b1c';
    expect(runMiddleware(id)).toEqual({ inContext: id, responseHeader: id, requestHeader: id });
  });

  it('normalises an upper-case UUID to lower case', () => {
    const id = '3F1C2B7E-8A4D-4C1E-9B2A-6D5E4F3A2B1C';
    expect(runMiddleware(id).inContext).toBe(id.toLowerCase());
  });

  it.each([
    ['missing', undefined],
    ['not a UUID', 'hello'],
    ['a UUID with text around it', 'x3f1c2b7e-8a4d-4c1e-9b2a-6d5e4f3a2b1c'],
    ['a log-injection attempt', '3f1c2b7e-8a4d-4c1e-9b2a-6d5e4f3a2b1c\n{"level":"fatal"}'],
    ['sent twice', ['3f1c2b7e-8a4d-4c1e-9b2a-6d5e4f3a2b1c', '3f1c2b7e-8a4d-4c1e-9b2a-6d5e4f3a2b1d']],
  ])('replaces an id that is %s by a new one', (_case, incoming) => {
    const outcome = runMiddleware(incoming);
    expect(outcome.inContext).toMatch(UUID_V4);
    expect(outcome.responseHeader).toBe(outcome.inContext);
    expect(outcome.requestHeader).toBe(outcome.inContext);
  });

  it('gives each request its own new id', () => {
    expect(runMiddleware(undefined).inContext).not.toBe(runMiddleware(undefined).inContext);
  });
});
