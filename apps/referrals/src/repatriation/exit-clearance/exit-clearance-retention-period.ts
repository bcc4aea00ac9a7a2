/**
 * How long an answered exit-clearance request keeps its personal fields and stays in immigration's list
 * (for the departure itself and questions about the answer); then they are erased. Default 7 days.
 */
export const EXIT_CLEARANCE_ANSWERED_RETENTION_MS = Symbol('EXIT_CLEARANCE_ANSWERED_RETENTION_MS');

export const DEFAULT_EXIT_CLEARANCE_ANSWERED_RETENTION_MS = 7 * 24 * 3600_000;
