import { Inject, Injectable } from '@nestjs/common';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../../platform/index.js';
import { OverdueEscalator } from '../../platform/index.js';
import { ReferralService } from './referral.service.js';

/** Escalates referrals past their due time, on the rescue requests' schedule. */
@Injectable()
export class ReferralEscalator extends OverdueEscalator {
  constructor(
    private readonly service: ReferralService,
    @Inject(REFERRALS_CONFIG) config: ReferralsConfig,
  ) {
    super('referral(s)', config.RESCUE_OVERDUE_CHECK_INTERVAL_MS);
  }

  protected escalateOverdue(): Promise<number> {
    return this.service.escalateOverdue();
  }
}
