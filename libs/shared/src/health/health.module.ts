import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';

import { HealthController } from './health.controller.js';
import { READINESS_CHECKS, READINESS_TIMEOUT_MS } from './health.tokens.js';
import type { ReadinessCheck, ReadinessCheckDefinition } from './readiness-check.js';

/** Options of {@link HealthModule.register}. */
export interface HealthModuleOptions {
  /** The readiness checks that apply to this app, in the order they are reported. */
  checks: readonly ReadinessCheckDefinition[];
  /** Per-check time limit; a slower dependency counts as down. Defaults to 3000 ms. */
  timeoutMs?: number;
  /** Modules providing what the checks inject, when those are not global. */
  imports?: ModuleMetadata['imports'];
}

/** Thrown by {@link HealthModule.register} when two checks share a name, which would hide one of them. */
export class DuplicateReadinessCheckError extends Error {
  readonly code = 'HEALTH_CHECK_DUPLICATE';

  constructor(readonly checkName: string) {
    super(`Two readiness checks are named "${checkName}"`);
    this.name = 'DuplicateReadinessCheckError';
  }
}

const DEFAULT_TIMEOUT_MS = 3_000;

/**
 * Liveness and readiness endpoints (`GET /health/live`, `GET /health/ready`) on @nestjs/terminus:
 *
 * ```ts
 * HealthModule.register({ checks: [HealthChecks.database(), HealthChecks.kafka()] })
 * ```
 */
@Module({})
export class HealthModule {
  static register(options: HealthModuleOptions): DynamicModule {
    const names = new Set<string>();
    for (const { name } of options.checks) {
      if (names.has(name)) throw new DuplicateReadinessCheckError(name);
      names.add(name);
    }

    return {
      module: HealthModule,
      // Terminus logs a failed check with its full details; the controller logs the cause itself instead.
      imports: [TerminusModule.forRoot({ logger: false }), ...(options.imports ?? [])],
      controllers: [HealthController],
      providers: [
        { provide: READINESS_TIMEOUT_MS, useValue: options.timeoutMs ?? DEFAULT_TIMEOUT_MS },
        {
          provide: READINESS_CHECKS,
          // One factory for all checks: each definition's dependencies are a slice of the flat list.
          inject: options.checks.flatMap((check) => check.inject ?? []),
          useFactory: (...dependencies: unknown[]): ReadinessCheck[] => {
            let next = 0;
            return options.checks.map((check) => {
              const count = check.inject?.length ?? 0;
              const probe = check.useFactory(...dependencies.slice(next, next + count));
              next += count;
              return { name: check.name, probe };
            });
          },
        },
      ],
    };
  }
}
