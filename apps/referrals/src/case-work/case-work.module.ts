import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  AttestationHasher,
  DEFAULT_VERIFICATION_RATE_LIMITS,
  VerificationRateLimiter,
} from '@passage/shared';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../platform/index.js';
import { PlatformModule } from '../platform/index.js';
import { AttestationHooks } from './attestation/attestation-hooks.js';
import { attestationKeysFromConfig, type AttestationKeyConfig } from './attestation/attestation-keys.js';
import { AttestationRebinding } from './attestation/attestation-rebinding.js';
import { AttestationStandingService } from './attestation/attestation-standing.service.js';
import { AttestationStandingWriter } from './attestation/attestation-standing.writer.js';
import { AttestationResolver } from './attestation/attestation.resolver.js';
import { ATTESTATION_VALIDITY_DAYS, AttestationService } from './attestation/attestation.service.js';
import { CaseClosureService } from './case/case-closure.service.js';
import { CaseRecords } from './case/case-records.js';
import { Cases } from './case/cases.repository.js';
import { CaseViewReader } from './case/case-view.reader.js';
import { CaseResolver } from './case/case.resolver.js';
import { CaseService } from './case/case.service.js';
import { ConsentWithdrawalHooks } from './consent/consent-withdrawal-hooks.js';
import { CaseDueTimeRepository } from './due-times/case-due-time.repository.js';
import { CaseDueTimes } from './due-times/case-due-times.js';
import { CaseOverdueEscalator } from './due-times/case-overdue.escalator.js';
import { CaseOverdueSweep } from './due-times/case-overdue.sweep.js';
import { ConsentResolver } from './consent/consent.resolver.js';
import { ConsentService } from './consent/consent.service.js';
import { LegalRecordAccess } from './case/legal-record-access.js';
import { DetentionResolver } from './detention/detention.resolver.js';
import { DetentionService } from './detention/detention.service.js';
import { FollowUpTaskResolver } from './follow-up/follow-up-task.resolver.js';
import { FollowUpTaskService } from './follow-up/follow-up-task.service.js';
import { FollowUpTasks } from './follow-up/follow-up-tasks.repository.js';
import { ProtectionFollowUpView } from './follow-up/protection-follow-up.view.js';
import { IdentificationDecisionHooks } from './identification/identification-decision-hooks.js';
import { IdentificationResolver } from './identification/identification.resolver.js';
import { IdentificationService } from './identification/identification.service.js';
import { InterviewResolver } from './interview/interview.resolver.js';
import { InterviewService } from './interview/interview.service.js';
import { PersonDocumentHooks } from './person/person-document-hooks.js';
import { PersonHistoryReader } from './person/person-history.reader.js';
import { PersonMaintenanceService } from './person/person-maintenance.service.js';
import { PersonResolver } from './person/person.resolver.js';
import { ScreeningRecordedHooks } from './screening/screening-recorded-hooks.js';
import { ScreeningResolver } from './screening/screening.resolver.js';
import { ScreeningService } from './screening/screening.service.js';

/**
 * Case work: cases and their people, consent per purpose, the interview log, screening, identification
 * decisions, protection attestations, and protection follow-up (tasks, detention and punishment). Other contexts load and read cases through what it exports.
 */
@Module({
  imports: [PlatformModule],
  providers: [
    { provide: Cases, useValue: new Cases() },
    {
      provide: FollowUpTasks,
      inject: [REFERRALS_CONFIG],
      useFactory: (config: Pick<ReferralsConfig, 'WORKING_CALENDARS'>) =>
        new FollowUpTasks(config.WORKING_CALENDARS ?? {}),
    },
    CaseRecords,
    ConsentWithdrawalHooks,
    PersonDocumentHooks,
    IdentificationDecisionHooks,
    ProtectionFollowUpView,
    { provide: CaseDueTimeRepository, useValue: new CaseDueTimeRepository() },
    CaseDueTimes,
    CaseOverdueSweep,
    CaseOverdueEscalator,
    ScreeningRecordedHooks,
    CaseViewReader,
    CaseService,
    CaseClosureService,
    CaseResolver,
    PersonMaintenanceService,
    PersonHistoryReader,
    PersonResolver,
    ConsentService,
    ConsentResolver,
    InterviewService,
    InterviewResolver,
    ScreeningService,
    ScreeningResolver,
    IdentificationService,
    IdentificationResolver,
    {
      provide: AttestationHasher,
      inject: [REFERRALS_CONFIG],
      useFactory: (config: AttestationKeyConfig) => new AttestationHasher(attestationKeysFromConfig(config)),
    },
    {
      provide: ATTESTATION_VALIDITY_DAYS,
      inject: [REFERRALS_CONFIG],
      useFactory: (config: { ATTESTATION_VALIDITY_DAYS?: number }) => config.ATTESTATION_VALIDITY_DAYS ?? 90,
    },
    {
      provide: VerificationRateLimiter,
      // Counted in the referrals database, so the limits hold across instances and restarts (ADR 023).
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) =>
        new VerificationRateLimiter(dataSource, DEFAULT_VERIFICATION_RATE_LIMITS),
    },
    AttestationStandingWriter,
    AttestationRebinding,
    AttestationHooks,
    AttestationService,
    AttestationStandingService,
    AttestationResolver,
    LegalRecordAccess,
    FollowUpTaskService,
    FollowUpTaskResolver,
    DetentionService,
    DetentionResolver,
  ],
  exports: [
    PlatformModule,
    CaseRecords,
    CaseViewReader,
    ConsentWithdrawalHooks,
    ScreeningRecordedHooks,
    AttestationHasher,
  ],
})
export class CaseWorkModule {}
