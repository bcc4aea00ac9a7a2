/** Injection token of the resolved {@link ReadinessCheck} list. */
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** Injection token of the per-check time limit in milliseconds. */
export const READINESS_TIMEOUT_MS = Symbol('READINESS_TIMEOUT_MS');
