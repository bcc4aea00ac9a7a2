import { Module } from '@nestjs/common';
import { AuditTrailResolver } from '../audit-trail.resolver.js';
import { ReferralsAudit } from '../../platform/audit/referrals-audit.js';
import { CaseModule } from '../../case-work/case/case.module.js';
import { CompoundRepository } from '../compound/compound.repository.js';
import { CompoundResolver } from '../compound/compound.resolver.js';
import { RescueRequestEscalator } from './rescue-request.escalator.js';
import { RescueRequestExchangeHandlers } from './rescue-request.exchange-handlers.js';
import { RescueRequestRepository } from './rescue-request.repository.js';
import { RescueRequestResolver } from './rescue-request.resolver.js';
import { RescueRequestService } from './rescue-request.service.js';
import { RescueTiming } from './rescue-request.timing.js';

/** Rescue requests across borders, the compounds they are grouped under, and overdue escalation. */
@Module({
  imports: [CaseModule],
  providers: [
    ReferralsAudit,
    RescueTiming,
    { provide: RescueRequestRepository, useValue: new RescueRequestRepository() },
    { provide: CompoundRepository, useValue: new CompoundRepository() },
    RescueRequestService,
    RescueRequestExchangeHandlers,
    RescueRequestEscalator,
    RescueRequestResolver,
    CompoundResolver,
    AuditTrailResolver,
  ],
  exports: [RescueRequestService, ReferralsAudit],
})
export class RescueRequestModule {}
