import { pino, stdSerializers, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';

import type { LogLevelName } from '../config/index.js';
import { REDACTED, REDACTED_PATHS } from './log-redaction.js';
import { RequestContext } from './request-context.js';

/** Who is logging: fixed fields on every line. */
export interface LoggerOptions {
  /** The service name, e.g. `referrals`. */
  service: string;
  /** The node id from config (`NODE_ID`). */
  nodeId: string;
  /** Lowest level written; defaults to `info`. */
  level?: LogLevelName;
  /** Where lines go; stdout when omitted. Tests pass a stream that collects them. */
  destination?: DestinationStream;
}

/**
 * Creates the service's root pino logger. Every line is one JSON object with `time` (ISO 8601),
 * `level` (as a word), `service`, `node`, `msg`, and `correlationId` when the code runs inside a
 * {@link RequestContext}. Secret and personal-data keys are censored (see `log-redaction.ts`); log ids,
 * not records.
 */
export function createLogger(options: LoggerOptions): Logger {
  const settings = {
    level: options.level ?? 'info',
    base: { service: options.service, node: options.nodeId },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    serializers: { err: stdSerializers.err },
    redact: { paths: [...REDACTED_PATHS], censor: REDACTED },
    mixin: () => {
      const correlationId = RequestContext.correlationId();
      return correlationId === undefined ? {} : { correlationId };
    },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
