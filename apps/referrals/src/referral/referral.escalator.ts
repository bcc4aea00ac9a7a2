import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../config/referrals.config.js';
import { ReferralService } from './referral.service.js';

/** Looks for referrals past their due time, on the rescue requests' schedule, and escalates them. */
@Injectable()
export class ReferralEscalator implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ReferralEscalation');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly service: ReferralService,
    @Inject(REFERRALS_CONFIG) private readonly config: ReferralsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running = this.service
        .escalateOverdue()
        .then((count) => count > 0 && this.logger.warn(`${count} referral(s) overdue: escalated`))
        .catch((error: Error) => this.logger.error(`overdue check failed: ${error.message}`));
    }, this.config.RESCUE_OVERDUE_CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
