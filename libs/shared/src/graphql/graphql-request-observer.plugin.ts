import { performance } from 'node:perf_hooks';
import { Injectable, Logger, Module } from '@nestjs/common';
import { Plugin } from '@nestjs/apollo';
import type { Histogram } from 'prom-client';
import { Metrics } from '../metrics/index.js';

/** The slice of Apollo's request context this plugin reads; typed locally (see the gateway's ESM/CJS note). */
interface ObservedRequest {
  operationName?: string | null;
  operation?: { operation: string } | null;
  errors?: readonly { extensions?: Record<string, unknown> }[];
}

/**
 * One log line and one histogram observation per GraphQL operation, in every service: which operation,
 * how long, which error codes. Never the variables or the result, which can hold personal data; the
 * correlation id on the line ties it to the same request in the other services.
 */
@Plugin()
@Injectable()
export class GraphqlRequestObserverPlugin {
  private readonly logger = new Logger('GraphQL');
  private readonly duration: Histogram<'type' | 'outcome'>;

  constructor(metrics: Metrics) {
    this.duration = metrics.histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'Time to answer one GraphQL operation, by operation type and outcome.',
      labelNames: ['type', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    });
  }

  async requestDidStart() {
    const started = performance.now();
    return {
      willSendResponse: async (request: ObservedRequest) => {
        const seconds = (performance.now() - started) / 1000;
        const type = request.operation?.operation ?? 'invalid';
        const codes = [
          ...new Set(
            (request.errors ?? []).map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')),
          ),
        ];
        this.duration.observe({ type, outcome: codes.length === 0 ? 'ok' : 'error' }, seconds);
        // Operation names come from clients: cut them, and keep them out of metric labels.
        const name = (request.operationName ?? 'anonymous').slice(0, 80);
        this.logger.log(
          `${type} ${name} answered in ${(seconds * 1000).toFixed(1)} ms${codes.length ? ` with ${codes.join(', ')}` : ''}`,
        );
      },
    };
  }
}

/** Registers the observer plugin in a GraphQL service (Nest discovers `@Plugin()` providers). */
@Module({ providers: [GraphqlRequestObserverPlugin] })
export class GraphqlObservabilityModule {}
