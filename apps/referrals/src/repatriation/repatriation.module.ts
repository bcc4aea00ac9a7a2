import { Module } from '@nestjs/common';
import { attestationKeysFromConfig, type AttestationKeyConfig } from '../case-work/index.js';
import { CaseWorkModule } from '../case-work/index.js';
import { CrossBorderModule } from '../cross-border/index.js';
import { REFERRALS_CONFIG } from '../platform/index.js';
import { AttestationCodeSealer } from './exit-clearance/attestation-code-sealer.js';
import { ExitClearanceResolver } from './exit-clearance/exit-clearance.resolver.js';
import { ExitClearanceService } from './exit-clearance/exit-clearance.service.js';
import { ExitClearanceRetention } from './exit-clearance/exit-clearance-retention.js';
import {
  DEFAULT_EXIT_CLEARANCE_ANSWERED_RETENTION_MS,
  EXIT_CLEARANCE_ANSWERED_RETENTION_MS,
} from './exit-clearance/exit-clearance-retention-period.js';
import { AssignedPlans } from './assigned-plans.repository.js';
import { ExitClearanceRequests } from './exit-clearance/exit-clearance-requests.repository.js';
import { RepatriationPlans } from './repatriation-plans.repository.js';
import { RepatriationSteps } from './repatriation-steps.repository.js';
import { RepatriationPlanReader } from './repatriation-plan.reader.js';
import { REPATRIATION_FOLLOW_UP_MONTHS, RepatriationArrival } from './repatriation-arrival.js';
import { RepatriationPlanSharing } from './repatriation-plan-sharing.js';
import { RemoteStepWork } from './remote-step-work.js';
import { RepatriationAssignments } from './repatriation-assignments.js';
import { RepatriationExchangeHandlers } from './repatriation.exchange-handlers.js';
import { RepatriationPlanService } from './repatriation-plan.service.js';
import { RepatriationPlansQuery } from './repatriation-plans.query.js';
import { RepatriationStepWriter } from './repatriation-step.writer.js';
import { RepatriationResolver } from './repatriation.resolver.js';
import { ReturnRiskAssessmentService } from './return-risk-assessment.service.js';
import { StageDurationsService } from './stage-durations.service.js';
import { DEFAULT_FOLLOW_UP_MONTHS } from './rules/repatriation-follow-up.js';
import { StayPathwayReader } from './stay-pathway/stay-pathway.reader.js';
import { StayPathwayResolver } from './stay-pathway/stay-pathway.resolver.js';
import { StayPathwayService } from './stay-pathway/stay-pathway.service.js';
import { StayPathwaysQuery } from './stay-pathway/stay-pathways.query.js';

/**
 * Repatriation: risk assessments, plans and their steps, exit-clearance requests to immigration,
 * arrival and reintegration follow-ups, the stage-duration statistics, and the stay pathways taken
 * instead of a return that is not safe.
 */
@Module({
  imports: [CaseWorkModule, CrossBorderModule],
  providers: [
    {
      provide: AttestationCodeSealer,
      inject: [REFERRALS_CONFIG],
      useFactory: (config: AttestationKeyConfig) =>
        new AttestationCodeSealer(attestationKeysFromConfig(config)),
    },
    {
      provide: REPATRIATION_FOLLOW_UP_MONTHS,
      inject: [REFERRALS_CONFIG],
      useFactory: (config: { REPATRIATION_FOLLOW_UP_MONTHS?: readonly number[] }) =>
        config.REPATRIATION_FOLLOW_UP_MONTHS ?? DEFAULT_FOLLOW_UP_MONTHS,
    },
    {
      provide: EXIT_CLEARANCE_ANSWERED_RETENTION_MS,
      inject: [REFERRALS_CONFIG],
      useFactory: (config: { EXIT_CLEARANCE_ANSWERED_RETENTION_MS?: number }) =>
        config.EXIT_CLEARANCE_ANSWERED_RETENTION_MS ?? DEFAULT_EXIT_CLEARANCE_ANSWERED_RETENTION_MS,
    },
    { provide: AssignedPlans, useValue: new AssignedPlans() },
    { provide: ExitClearanceRequests, useValue: new ExitClearanceRequests() },
    { provide: RepatriationPlans, useValue: new RepatriationPlans() },
    { provide: RepatriationSteps, useValue: new RepatriationSteps() },
    RepatriationStepWriter,
    RepatriationArrival,
    RepatriationPlanSharing,
    RepatriationPlanReader,
    ExitClearanceService,
    ExitClearanceRetention,
    RepatriationPlanService,
    RepatriationAssignments,
    RemoteStepWork,
    RepatriationPlansQuery,
    RepatriationExchangeHandlers,
    ReturnRiskAssessmentService,
    StageDurationsService,
    RepatriationResolver,
    ExitClearanceResolver,
    StayPathwayReader,
    StayPathwayService,
    StayPathwaysQuery,
    StayPathwayResolver,
  ],
})
export class RepatriationModule {}
