import { Module, type DynamicModule } from '@nestjs/common';

import { MetricsController } from './metrics.controller.js';
import { Metrics, type MetricsModuleOptions } from './metrics.service.js';
import { METRICS_OPTIONS } from './metrics.tokens.js';

/**
 * `GET /metrics` and the injectable {@link Metrics} service. Global, so any module can add its
 * counters without importing this one:
 *
 * ```ts
 * MetricsModule.register({ service: 'referrals', nodeId: config.NODE_ID })
 * ```
 */
@Module({})
export class MetricsModule {
  static register(options: MetricsModuleOptions): DynamicModule {
    return {
      module: MetricsModule,
      global: true,
      controllers: [MetricsController],
      providers: [{ provide: METRICS_OPTIONS, useValue: options }, Metrics],
      exports: [Metrics],
    };
  }
}
