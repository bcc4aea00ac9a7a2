import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  Controller,
  Get,
  Module,
  type INestApplication,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { Test } from '@nestjs/testing';

import { CORRELATION_ID_HEADER } from './correlation-id.js';
import { CorrelationIdMiddleware } from './correlation-id.middleware.js';
import { RequestContext } from './request-context.js';

@Controller('probe')
class ProbeController {
  @Get()
  async probe(): Promise<{ correlationId: string | undefined }> {
    // Crosses a timer and a promise chain, as a handler that queries a database would.
    await sleep(5);
    return { correlationId: await Promise.resolve().then(() => RequestContext.correlationId()) };
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationIdMiddleware).forRoutes('*');
  }
}

describe('CorrelationIdMiddleware in a Nest app', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/probe`;
  });

  afterAll(async () => {
    await app.close();
  });

  it('makes the caller id visible to the handler after await and echoes it', async () => {
    const id = '0b7e4a52-6d1f-4c3b-8e2a-9f0d1c2b3a4e';
    const response = await fetch(url, { headers: { [CORRELATION_ID_HEADER]: id } });

    expect(response.headers.get(CORRELATION_ID_HEADER)).toBe(id);
    await expect(response.json()).resolves.toEqual({ correlationId: id });
  });

  it('gives concurrent requests without an id distinct new ids', async () => {
    const responses = await Promise.all([
      fetch(url),
      fetch(url, { headers: { [CORRELATION_ID_HEADER]: 'not-a-uuid' } }),
    ]);
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as Array<{
      correlationId: string;
    }>;

    expect(bodies[0]!.correlationId).not.toBe(bodies[1]!.correlationId);
    responses.forEach((response, index) =>
      expect(response.headers.get(CORRELATION_ID_HEADER)).toBe(bodies[index]!.correlationId),
    );
  });
});
