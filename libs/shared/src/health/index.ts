export { HealthModule, DuplicateReadinessCheckError, type HealthModuleOptions } from './health.module.js';
export { HealthController } from './health.controller.js';
export {
  HealthChecks,
  type ReadinessCheck,
  type ReadinessCheckDefinition,
  type ReadinessProbe,
} from './readiness-check.js';
export { READINESS_CHECKS, READINESS_TIMEOUT_MS } from './health.tokens.js';
