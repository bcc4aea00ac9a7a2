import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ExitClearanceService } from './exit-clearance.service.js';

/** How often answered requests past their retention are erased: hourly keeps the overshoot small. */
const ERASURE_INTERVAL_MS = 3600_000;

/** Erases answered requests past their retention, on a fixed interval for the life of the app. */
@Injectable()
export class ExitClearanceRetention implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ExitClearanceRetention');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(@Inject(ExitClearanceService) private readonly service: ExitClearanceService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.service
        .eraseAnsweredPastRetention()
        .then((count) => count > 0 && this.logger.log(`${count} answered exit-clearance request(s) erased`))
        .catch((error: Error) => this.logger.error(`erasure failed: ${error.message}`));
    }, ERASURE_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
