import { Inject, Injectable } from '@nestjs/common';
import { OverdueEscalator, REFERRALS_CONFIG, type ReferralsConfig } from '../../platform/index.js';
import { CaseOverdueSweep } from './case-overdue.sweep.js';

/** Looks for overdue screenings and identification decisions on the rescue requests' schedule. */
@Injectable()
export class CaseOverdueEscalator extends OverdueEscalator {
  constructor(
    private readonly sweep: CaseOverdueSweep,
    @Inject(REFERRALS_CONFIG) config: ReferralsConfig,
  ) {
    super('case step(s)', config.RESCUE_OVERDUE_CHECK_INTERVAL_MS);
  }

  protected escalateOverdue(): Promise<number> {
    return this.sweep.escalateOverdue();
  }
}
