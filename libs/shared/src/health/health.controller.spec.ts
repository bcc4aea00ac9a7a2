import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { Module, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';

import type { MessageBus } from '../messaging/message-bus.js';
import { MESSAGE_BUS } from '../messaging/messaging.tokens.js';
import { DuplicateReadinessCheckError, HealthModule } from './health.module.js';
import { HealthChecks, type ReadinessCheckDefinition } from './readiness-check.js';

const dataSource = { query: jest.fn<(sql: string) => Promise<unknown>>() };
const bus = { ping: jest.fn<() => Promise<void>>() };

@Module({
  providers: [
    { provide: DataSource, useValue: dataSource },
    { provide: MESSAGE_BUS, useValue: bus as Partial<MessageBus> },
  ],
  exports: [DataSource, MESSAGE_BUS],
})
class FakeDependenciesModule {}

let app: INestApplication | undefined;

async function boot(checks: ReadinessCheckDefinition[], timeoutMs?: number): Promise<string> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      HealthModule.register({
        checks,
        imports: [FakeDependenciesModule],
        ...(timeoutMs ? { timeoutMs } : {}),
      }),
    ],
  }).compile();
  app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  return app.getUrl();
}

async function get(
  url: string,
): Promise<{ status: number; body: Record<string, unknown>; cacheControl: string | null }> {
  const response = await fetch(url);
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    cacheControl: response.headers.get('cache-control'),
  };
}

afterEach(async () => {
  await app?.close();
  app = undefined;
  dataSource.query.mockReset();
  bus.ping.mockReset();
});

describe('HealthModule', () => {
  it('answers liveness without touching any dependency', async () => {
    dataSource.query.mockRejectedValue(new Error('down'));
    const url = await boot([HealthChecks.database()]);

    const live = await get(`${url}/health/live`);

    expect(live).toEqual({
      status: 200,
      body: { status: 'ok' },
      cacheControl: 'no-cache, no-store, must-revalidate',
    });
    expect(dataSource.query).not.toHaveBeenCalled();
  });

  it('is ready when every check passes', async () => {
    dataSource.query.mockResolvedValue([{ '?column?': 1 }]);
    bus.ping.mockResolvedValue(undefined);
    const url = await boot([
      HealthChecks.database(),
      HealthChecks.kafka(),
      HealthChecks.custom('subgraphs', async () => undefined),
    ]);

    const ready = await get(`${url}/health/ready`);

    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      details: { database: { status: 'up' }, kafka: { status: 'up' }, subgraphs: { status: 'up' } },
    });
    expect(dataSource.query).toHaveBeenCalledWith('SELECT 1');
    expect(bus.ping).toHaveBeenCalledTimes(1);
  });

  it('returns 503 naming the failing check, without the cause', async () => {
    dataSource.query.mockResolvedValue([]);
    bus.ping.mockRejectedValue(new Error('connect ECONNREFUSED kafka.internal:9092 (sasl user passage)'));
    const url = await boot([HealthChecks.database(), HealthChecks.kafka()]);

    const ready = await get(`${url}/health/ready`);

    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      status: 'error',
      info: { database: { status: 'up' } },
      error: { kafka: { status: 'down', message: 'unavailable' } },
    });
    expect(JSON.stringify(ready.body)).not.toMatch(/ECONNREFUSED|kafka\.internal|passage/);
  });

  it('counts a check that exceeds its time limit as down', async () => {
    const url = await boot([HealthChecks.custom('slow', () => new Promise<void>(() => undefined))], 50);

    const ready = await get(`${url}/health/ready`);

    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ error: { slow: { status: 'down' } } });
  });

  it('rejects two checks with the same name', () => {
    expect(() =>
      HealthModule.register({
        checks: [HealthChecks.kafka(), HealthChecks.custom('kafka', async () => undefined)],
      }),
    ).toThrow(DuplicateReadinessCheckError);
  });
});
