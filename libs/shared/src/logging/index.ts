export { RequestContext, type RequestContextState } from './request-context.js';
export { CORRELATION_ID_HEADER, acceptCorrelationId, newCorrelationId } from './correlation-id.js';
export { CorrelationIdMiddleware } from './correlation-id.middleware.js';
export { REDACTED, REDACTED_PATHS } from './log-redaction.js';
export { createLogger, type LoggerOptions } from './logger.factory.js';
export { PassageLogger } from './passage-logger.js';
