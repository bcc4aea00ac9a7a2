import { Module } from '@nestjs/common';
import { PlatformModule } from '../platform/index.js';
import { AuditTrailResolver } from './audit-trail.resolver.js';
import { CompoundRepository } from './compound/compound.repository.js';
import { CompoundResolver } from './compound/compound.resolver.js';
import { RescueRequestEscalator } from './rescue-request/rescue-request.escalator.js';
import { RescueRequestExchangeHandlers } from './rescue-request/rescue-request.exchange-handlers.js';
import { RescueRequestRepository } from './rescue-request/rescue-request.repository.js';
import { RescueRequestResolver } from './rescue-request/rescue-request.resolver.js';
import { RescueRequestService } from './rescue-request/rescue-request.service.js';
import { RescueTiming } from './rescue-request/rescue-request.timing.js';

/**
 * Intake: rescue requests across borders, the compounds they are grouped under, overdue escalation, and
 * the audit trail of who read a request.
 */
@Module({
  imports: [PlatformModule],
  providers: [
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
})
export class IntakeModule {}
