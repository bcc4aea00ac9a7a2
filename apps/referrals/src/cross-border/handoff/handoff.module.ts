import { Module } from '@nestjs/common';
import { ReferralsAudit } from '../../platform/audit/referrals-audit.js';
import { CaseModule } from '../../case-work/case/case.module.js';
import { OrganisationDirectoryModule } from '../organisation-directory/organisation-directory.module.js';
import { HandoffExchangeHandlers } from './handoff.exchange-handlers.js';
import { HandoffResolver } from './handoff.resolver.js';
import { HandoffService } from './handoff.service.js';
import { HandoffTimeline } from './handoff-timeline.js';

/** Cross-border handoffs of a case, through the exchange. */
@Module({
  imports: [CaseModule, OrganisationDirectoryModule],
  providers: [ReferralsAudit, HandoffTimeline, HandoffService, HandoffExchangeHandlers, HandoffResolver],
  exports: [HandoffService],
})
export class HandoffModule {}
