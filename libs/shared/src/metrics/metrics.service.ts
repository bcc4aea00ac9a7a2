import { Inject, Injectable } from '@nestjs/common';
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from 'prom-client';

import { METRICS_OPTIONS } from './metrics.tokens.js';

/** Options of {@link MetricsModule.register}. */
export interface MetricsModuleOptions {
  /** Value of the `service` label on every series, e.g. `referrals`. */
  service: string;
  /** Value of the `node` label on every series (config `NODE_ID`). */
  nodeId: string;
  /** Process metrics (CPU, memory, event loop lag, GC); on unless turned off, e.g. in tests. */
  defaultMetrics?: boolean;
}

/** Thrown when a metric name is reused for a different kind of metric. */
export class MetricConflictError extends Error {
  readonly code = 'METRIC_CONFLICT';

  constructor(readonly metricName: string) {
    super(`Metric "${metricName}" is already registered as a different kind of metric`);
    this.name = 'MetricConflictError';
  }
}

/** A metric's definition without `registers`: the service puts every metric in the app's own registry. */
export type CounterSpec<L extends string> = Omit<CounterConfiguration<L>, 'registers'>;
/** See {@link CounterSpec}; a `collect` callback suits values read at scrape time, such as outbox lag. */
export type GaugeSpec<L extends string> = Omit<GaugeConfiguration<L>, 'registers'>;
/** See {@link CounterSpec}. */
export type HistogramSpec<L extends string> = Omit<HistogramConfiguration<L>, 'registers'>;

/**
 * The app's Prometheus registry and the way to add metrics to it. Each app has its own registry rather
 * than prom-client's global one, so tests that boot several apps in one process do not collide, and
 * every series carries the `service` and `node` labels.
 *
 * Asking twice for the same name returns the metric made the first time, so two modules may share one.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  constructor(@Inject(METRICS_OPTIONS) options: MetricsModuleOptions) {
    this.registry.setDefaultLabels({ service: options.service, node: options.nodeId });
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** The content type of {@link render}'s output. */
  get contentType(): string {
    return this.registry.contentType;
  }

  /** Every metric in the Prometheus text exposition format. */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  counter<L extends string = string>(spec: CounterSpec<L>): Counter<L> {
    return this.existing(spec.name, Counter) ?? new Counter({ ...spec, registers: [this.registry] });
  }

  gauge<L extends string = string>(spec: GaugeSpec<L>): Gauge<L> {
    return this.existing(spec.name, Gauge) ?? new Gauge({ ...spec, registers: [this.registry] });
  }

  histogram<L extends string = string>(spec: HistogramSpec<L>): Histogram<L> {
    return this.existing(spec.name, Histogram) ?? new Histogram({ ...spec, registers: [this.registry] });
  }

  private existing<M>(name: string, kind: abstract new (...args: never[]) => M): M | undefined {
    const metric = this.registry.getSingleMetric(name);
    if (metric === undefined) return undefined;
    if (!(metric instanceof kind)) throw new MetricConflictError(name);
    return metric;
  }
}
