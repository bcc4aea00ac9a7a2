import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/**
 * Runs an "escalate what is overdue" pass on a fixed interval for the life of the app, waiting for the
 * pass in progress at shutdown. Each record type (rescue requests, referrals) subclasses it with its own pass.
 */
export abstract class OverdueEscalator implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  protected constructor(
    private readonly what: string,
    private readonly intervalMs: number,
  ) {
    this.logger = new Logger(`Escalation:${what}`);
  }

  /** Escalates what is overdue now and says how many records it escalated. */
  protected abstract escalateOverdue(): Promise<number>;

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.escalateOverdue()
        .then((count) => count > 0 && this.logger.warn(`${count} ${this.what} overdue: escalated`))
        .catch((error: Error) => this.logger.error(`overdue check failed: ${error.message}`));
    }, this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
