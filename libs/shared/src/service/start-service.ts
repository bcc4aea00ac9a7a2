import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { BaseConfig } from '../config/index.js';
import { installGracefulShutdown } from '../lifecycle/index.js';
import { CorrelationIdMiddleware, PassageLogger, createLogger } from '../logging/index.js';
import { largeOperationBodies, type LargeOperation } from './large-operation-bodies.js';

/** How a service's HTTP requests are taken in. */
export interface ServiceHttpOptions {
  /** Largest JSON request body accepted; GraphQL documents and variables of this project stay well below. */
  bodyLimit?: string;
  /** The few mutations allowed a larger body, when the request says so beforehand (a raid's mass intake). */
  largeOperations?: readonly LargeOperation[];
}

export interface StartServiceOptions extends ServiceHttpOptions {
  service: string;
  module: Type<unknown> | DynamicModule;
  config: Pick<BaseConfig, 'NODE_ID' | 'LOG_LEVEL' | 'PORT' | 'HOST' | 'SHUTDOWN_GRACE_MS'>;
}

/** The body limit of every request but the declared large operations. */
export const DEFAULT_BODY_LIMIT = '256kb';

/**
 * A correlation id on every request and bounded JSON bodies: the usual limit for all, a larger one only
 * for a declared large operation. Shared by {@link startService} and tests that serve an app over HTTP.
 */
export function configureServiceHttp(app: NestExpressApplication, options: ServiceHttpOptions): void {
  const correlation = new CorrelationIdMiddleware();
  app.use(correlation.use.bind(correlation));
  const limit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  // Before the usual parser: what it reads, the usual parser leaves alone.
  if (options.largeOperations?.length) app.use(largeOperationBodies(limit, options.largeOperations));
  app.useBodyParser('json', { limit });
  app.disable('x-powered-by');
}

/**
 * Boots one Passage HTTP service the same way everywhere: JSON logs, a correlation id on every request,
 * a bounded body size, graceful shutdown on SIGTERM/SIGINT, and a log line saying where it listens.
 */
export async function startService(options: StartServiceOptions): Promise<NestExpressApplication> {
  const { config } = options;
  const logger = new PassageLogger(
    createLogger({ service: options.service, nodeId: config.NODE_ID, level: config.LOG_LEVEL }),
  );
  const app = await NestFactory.create<NestExpressApplication>(options.module, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(logger);
  configureServiceHttp(app, options);
  installGracefulShutdown(app, { graceMs: config.SHUTDOWN_GRACE_MS, logger });
  const host = config.HOST;
  await app.listen(config.PORT, host);
  logger.log(
    `${options.service} listening on http://${host}:${config.PORT} (node ${config.NODE_ID})`,
    'Bootstrap',
  );
  return app;
}
