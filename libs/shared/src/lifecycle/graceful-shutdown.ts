import type { INestApplicationContext, LoggerService } from '@nestjs/common';

/** The signals an orchestrator (systemd, Kubernetes, a terminal's Ctrl-C) sends to stop a service. */
const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/** The process operations the helper uses; tests pass fakes. */
export interface ShutdownProcess {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  removeListener(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  exit(code: number): void;
}

export interface GracefulShutdownOptions {
  /** How long `app.close()` may take before the process exits anyway (config `SHUTDOWN_GRACE_MS`). */
  graceMs: number;
  logger: LoggerService;
  /** Defaults to the real `process`. */
  process?: ShutdownProcess;
}

/** What {@link installGracefulShutdown} returns. */
export interface GracefulShutdown {
  /** Runs the shutdown as a signal would (once; later calls return the same promise). */
  shutdown(signal: NodeJS.Signals): Promise<void>;
  /** Removes the signal listeners without shutting down. */
  uninstall(): void;
}

const CONTEXT = 'GracefulShutdown';

/**
 * On the first SIGTERM or SIGINT (later ones are ignored), closes the Nest app once, which runs the shutdown hooks
 * (`OnModuleDestroy`, `BeforeApplicationShutdown`, `OnApplicationShutdown`: consumers stop, relays
 * flush), then exits with 0, or 1 if closing failed. If closing takes longer than `graceMs` the process
 * exits with 1 regardless, so a stuck connection cannot keep a stopped node half alive.
 *
 * Use it instead of Nest's `app.enableShutdownHooks()`, not with it: both would close the app.
 */
export function installGracefulShutdown(
  app: INestApplicationContext,
  options: GracefulShutdownOptions,
): GracefulShutdown {
  const proc = options.process ?? process;
  const { logger, graceMs } = options;
  let running: Promise<void> | undefined;

  const shutdown = (signal: NodeJS.Signals): Promise<void> => {
    running ??= run(signal);
    return running;
  };
  // Listeners stay while shutting down: a repeated signal is then a no-op instead of Node's default
  // immediate kill, which would cut the relay's flush short. The grace timer bounds the wait.
  const onSignal = (signal: NodeJS.Signals): void => void shutdown(signal);

  const uninstall = (): void => {
    for (const signal of SHUTDOWN_SIGNALS) proc.removeListener(signal, onSignal);
  };

  async function run(signal: NodeJS.Signals): Promise<void> {
    logger.log(`Shutdown started by ${signal}; allowing ${graceMs}ms`, CONTEXT);
    const started = Date.now();
    const timer = setTimeout(() => {
      logger.error(`Shutdown did not finish within ${graceMs}ms; forcing exit`, undefined, CONTEXT);
      proc.exit(1);
    }, graceMs);
    // The timer must not be what keeps the process alive once everything else has closed.
    timer.unref();
    try {
      // Nest's close() takes the signal at run time and hands it to the shutdown hooks.
      await (app.close as (signal?: string) => Promise<void>).call(app, signal);
      clearTimeout(timer);
      logger.log(`Shutdown finished in ${Date.now() - started}ms`, CONTEXT);
      proc.exit(0);
    } catch (error) {
      clearTimeout(timer);
      logger.error(
        `Shutdown failed: ${error instanceof Error ? error.message : String(error)}`,
        error instanceof Error ? error.stack : undefined,
        CONTEXT,
      );
      proc.exit(1);
    }
  }

  for (const signal of SHUTDOWN_SIGNALS) proc.on(signal, onSignal);
  return { shutdown, uninstall };
}
