import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { BaseConfig } from '../config/index.js';
import { installGracefulShutdown } from '../lifecycle/index.js';
import { CorrelationIdMiddleware, PassageLogger, createLogger } from '../logging/index.js';

export interface StartServiceOptions {
  service: string;
  module: Type<unknown> | DynamicModule;
  config: Pick<BaseConfig, 'NODE_ID' | 'LOG_LEVEL' | 'PORT' | 'HOST' | 'SHUTDOWN_GRACE_MS'>;
  /** Largest JSON request body accepted; GraphQL documents and variables of this project stay well below. */
  bodyLimit?: string;
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
  const correlation = new CorrelationIdMiddleware();
  app.use(correlation.use.bind(correlation));
  app.useBodyParser('json', { limit: options.bodyLimit ?? '256kb' });
  app.disable('x-powered-by');
  installGracefulShutdown(app, { graceMs: config.SHUTDOWN_GRACE_MS, logger });
  const host = config.HOST;
  await app.listen(config.PORT, host);
  logger.log(
    `${options.service} listening on http://${host}:${config.PORT} (node ${config.NODE_ID})`,
    'Bootstrap',
  );
  return app;
}
