import { Injectable } from '@nestjs/common';
import { Metrics } from '../metrics/index.js';
import type { InboxConsumerObserver } from '../inbox/inbox-consumer.js';
import type { OutboxLag, OutboxRelayObserver } from '../outbox/outbox-relay.js';

/**
 * Prometheus series for the Kafka side of a service: what operators alert on when events pile up in
 * the outbox or land in dead-letter topics.
 */
@Injectable()
export class MessagingMetrics {
  constructor(private readonly metrics: Metrics) {}

  /** Counters for the relay; the backlog gauges read the table at scrape time through `lag`. */
  relayObserver(lag: () => Promise<OutboxLag>): OutboxRelayObserver {
    const published = this.metrics.counter({
      name: 'outbox_published_total',
      help: 'Outbox messages published to Kafka.',
    });
    const failures = this.metrics.counter({
      name: 'outbox_publish_failures_total',
      help: 'Failed outbox publish attempts.',
    });
    const abandoned = this.metrics.counter({
      name: 'outbox_abandoned_total',
      help: 'Outbox messages the broker refused for good.',
    });
    // One table read per scrape, shared by the three gauges that prom-client collects in parallel.
    let latest: OutboxLag = { pending: 0, oldestPendingAgeMs: 0, abandoned: 0 };
    let reading: Promise<OutboxLag> | undefined;
    let readAt = 0;
    const current = (): Promise<OutboxLag> => {
      if (!reading || Date.now() - readAt > 1_000) {
        readAt = Date.now();
        reading = lag().then(
          (value) => (latest = value),
          () => latest,
        );
      }
      return reading;
    };
    this.metrics.gauge({
      name: 'outbox_pending_messages',
      help: 'Messages committed but not yet published.',
      collect: async function () {
        this.set((await current()).pending);
      },
    });
    this.metrics.gauge({
      name: 'outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest unpublished message.',
      collect: async function () {
        this.set((await current()).oldestPendingAgeMs / 1000);
      },
    });
    this.metrics.gauge({
      name: 'outbox_abandoned_messages',
      help: 'Messages parked because the broker refused them; they need an operator.',
      collect: async function () {
        this.set((await current()).abandoned);
      },
    });
    return {
      published: (count) => published.inc(count),
      publishFailed: () => failures.inc(),
      abandoned: () => abandoned.inc(),
    };
  }

  /** Counters for inbox consumers, labelled by handler (and reason code for dead letters). */
  consumerObserver(): InboxConsumerObserver {
    const processed = this.metrics.counter({
      name: 'inbox_processed_total',
      help: 'Records applied by a handler.',
      labelNames: ['handler'],
    });
    const duplicates = this.metrics.counter({
      name: 'inbox_duplicates_total',
      help: 'Records whose id the handler had already seen.',
      labelNames: ['handler'],
    });
    const deadLettered = this.metrics.counter({
      name: 'inbox_dead_lettered_total',
      help: 'Records parked in a dead-letter topic.',
      labelNames: ['handler', 'code'],
    });
    const retries = this.metrics.counter({
      name: 'inbox_retries_total',
      help: 'Handler attempts that failed and were retried.',
      labelNames: ['handler'],
    });
    return {
      processed: (handler) => processed.inc({ handler }),
      duplicate: (handler) => duplicates.inc({ handler }),
      deadLettered: (handler, _record, code) => deadLettered.inc({ handler, code }),
      retrying: (handler) => retries.inc({ handler }),
    };
  }
}

/** Calls every observer's hooks in turn; lets metrics and logging watch the same relay or consumer. */
export function combineObservers<T extends object>(...observers: T[]): T {
  const combined: Record<string, (...args: unknown[]) => void> = {};
  for (const observer of observers) {
    for (const [hook, fn] of Object.entries(observer)) {
      if (typeof fn !== 'function') continue;
      const previous = combined[hook];
      combined[hook] = previous
        ? (...args) => {
            previous(...args);
            fn(...args);
          }
        : (...args) => fn(...args);
    }
  }
  return combined as T;
}
