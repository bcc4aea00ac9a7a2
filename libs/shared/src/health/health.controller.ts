import { Controller, Get, Inject, Logger } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
} from '@nestjs/terminus';

import { READINESS_CHECKS, READINESS_TIMEOUT_MS } from './health.tokens.js';
import type { ReadinessCheck } from './readiness-check.js';

/** What a failed check says in the response: the real cause goes to the log, never to the caller. */
const UNAVAILABLE = 'unavailable';

/**
 * `GET /health/live`: the process is up and serving HTTP; it checks no dependency, so an orchestrator
 * never restarts a healthy process because Postgres or Kafka is briefly away.
 *
 * `GET /health/ready`: every readiness check passes. Otherwise 503 with the failing checks named
 * (`error: { kafka: { status: 'down', message: 'unavailable' } }`), and also 503 once shutdown began,
 * so a load balancer stops sending traffic while the node drains.
 */
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('HealthCheck');

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(READINESS_CHECKS) private readonly checks: readonly ReadinessCheck[],
    @Inject(READINESS_TIMEOUT_MS) private readonly timeoutMs: number,
  ) {}

  @Get('live')
  @HealthCheck()
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check(
      this.checks.map(({ name, probe }) =>
        this.indicators
          .check(name)
          .attempt(async ({ signal }) => {
            try {
              await probe(signal);
            } catch (error) {
              // The cause may name hosts, users or URLs: fine for the operator's log, not for the response.
              this.logger.warn(`Readiness check "${name}" failed: ${describeError(error)}`);
              throw new Error(UNAVAILABLE);
            }
          })
          .withTimeout(this.timeoutMs),
      ),
    );
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
