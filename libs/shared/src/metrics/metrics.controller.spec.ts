import { afterEach, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';

import { MetricsModule } from './metrics.module.js';
import { MetricConflictError, Metrics, type MetricsModuleOptions } from './metrics.service.js';

const apps: INestApplication[] = [];

async function boot(options: MetricsModuleOptions): Promise<{ url: string; metrics: Metrics }> {
  const moduleRef = await Test.createTestingModule({ imports: [MetricsModule.register(options)] }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  apps.push(app);
  await app.listen(0, '127.0.0.1');
  return { url: await app.getUrl(), metrics: app.get(Metrics) };
}

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
});

describe('MetricsModule', () => {
  it('serves the Prometheus text format with service and node labels and process metrics', async () => {
    const { url, metrics } = await boot({ service: 'referrals', nodeId: 'kh-1' });
    metrics
      .counter({ name: 'passage_relay_published_total', help: 'Records published', labelNames: ['topic'] })
      .inc({ topic: 'cases' }, 3);

    const response = await fetch(`${url}/metrics`);
    const text = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toContain('# TYPE passage_relay_published_total counter');
    expect(text).toContain('passage_relay_published_total{topic="cases",service="referrals",node="kh-1"} 3');
    expect(text).toMatch(/^process_cpu_user_seconds_total\{service="referrals",node="kh-1"\} /m);
  });

  it('keeps the registries of two apps in one process apart', async () => {
    const first = await boot({ service: 'identity', nodeId: 'kh-1', defaultMetrics: false });
    const second = await boot({ service: 'referrals', nodeId: 'th-1', defaultMetrics: false });
    first.metrics
      .gauge({ name: 'passage_outbox_lag_seconds', help: 'Age of the oldest unpublished row' })
      .set(4);
    second.metrics
      .gauge({ name: 'passage_outbox_lag_seconds', help: 'Age of the oldest unpublished row' })
      .set(9);

    const [firstText, secondText] = await Promise.all([
      fetch(`${first.url}/metrics`).then((response) => response.text()),
      fetch(`${second.url}/metrics`).then((response) => response.text()),
    ]);

    expect(firstText).toContain('passage_outbox_lag_seconds{service="identity",node="kh-1"} 4');
    expect(firstText).not.toContain('referrals');
    expect(secondText).toContain('passage_outbox_lag_seconds{service="referrals",node="th-1"} 9');
    expect(secondText).not.toContain('process_cpu');
  });

  it('returns the existing metric for a repeated name and refuses a different kind', async () => {
    const { metrics } = await boot({ service: 'gateway', nodeId: 'local', defaultMetrics: false });
    const histogram = metrics.histogram({
      name: 'passage_graphql_duration_seconds',
      help: 'GraphQL request duration',
      buckets: [0.1, 1],
    });

    expect(metrics.histogram({ name: 'passage_graphql_duration_seconds', help: 'again' })).toBe(histogram);
    expect(() => metrics.counter({ name: 'passage_graphql_duration_seconds', help: 'clash' })).toThrow(
      MetricConflictError,
    );
  });
});
