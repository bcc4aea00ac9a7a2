export { MetricsModule } from './metrics.module.js';
export { MetricsController } from './metrics.controller.js';
export {
  Metrics,
  MetricConflictError,
  type MetricsModuleOptions,
  type CounterSpec,
  type GaugeSpec,
  type HistogramSpec,
} from './metrics.service.js';
export { METRICS_OPTIONS } from './metrics.tokens.js';
