/** Injection token of the {@link MetricsModuleOptions}. */
export const METRICS_OPTIONS = Symbol('METRICS_OPTIONS');
