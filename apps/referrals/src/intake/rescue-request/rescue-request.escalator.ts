import { Inject, Injectable } from '@nestjs/common';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../../platform/index.js';
import { OverdueEscalator } from '../../platform/index.js';
import { RescueRequestService } from './rescue-request.service.js';

/** Escalates rescue requests past their due time to the coordinators of the country, every few seconds. */
@Injectable()
export class RescueRequestEscalator extends OverdueEscalator {
  constructor(
    private readonly service: RescueRequestService,
    @Inject(REFERRALS_CONFIG) config: ReferralsConfig,
  ) {
    super('rescue request(s)', config.RESCUE_OVERDUE_CHECK_INTERVAL_MS);
  }

  protected escalateOverdue(): Promise<number> {
    return this.service.escalateOverdue();
  }
}
