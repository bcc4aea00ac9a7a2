import { Module } from '@nestjs/common';
import { CaseWorkModule } from '../case-work/index.js';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../platform/index.js';
import { MigrantSupportPrompts } from './migrant-support/migrant-support-prompts.repository.js';
import { MigrantSupportResolver } from './migrant-support/migrant-support.resolver.js';
import { MigrantSupport } from './migrant-support/migrant-support.js';
import { referralDueDurations, type ReferralDueDurations } from './referral/referral-lifecycle.js';
import { REFERRAL_DUE_DURATIONS, ReferralTiming } from './referral/referral-timing.js';
import { ReferralEscalator } from './referral/referral.escalator.js';
import { ReferralRepository } from './referral/referral.repository.js';
import { ReferralResolver } from './referral/referral.resolver.js';
import { ReferralService } from './referral/referral.service.js';
import { ServiceDirectoryRepository } from './service-directory/service-directory.repository.js';
import { ServiceDirectoryResolver } from './service-directory/service-directory.resolver.js';
import { ServiceDirectoryService } from './service-directory/service-directory.service.js';

/**
 * Services: the directory of what providers offer (their own listings, searched by the needs of a case),
 * referrals inside one country from a case person to a listed service, with escalation, and the prompt
 * to refer a person screened NOT_INDICATED to services for vulnerable migrants.
 */
@Module({
  imports: [CaseWorkModule],
  providers: [
    { provide: ServiceDirectoryRepository, useValue: new ServiceDirectoryRepository() },
    ServiceDirectoryService,
    ServiceDirectoryResolver,
    {
      provide: REFERRAL_DUE_DURATIONS,
      inject: [REFERRALS_CONFIG],
      useFactory: (config: ReferralsConfig) =>
        referralDueDurations({
          PENDING: config.REFERRAL_ANSWER_WITHIN_MS,
          ACCEPTED: config.REFERRAL_START_WITHIN_MS,
        }),
    },
    {
      provide: ReferralTiming,
      inject: [REFERRAL_DUE_DURATIONS, REFERRALS_CONFIG],
      useFactory: (durations: ReferralDueDurations, config: ReferralsConfig) =>
        new ReferralTiming(durations, config.WORKING_CALENDARS),
    },
    { provide: ReferralRepository, useValue: new ReferralRepository() },
    { provide: MigrantSupportPrompts, useValue: new MigrantSupportPrompts() },
    MigrantSupport,
    MigrantSupportResolver,
    ReferralService,
    ReferralEscalator,
    ReferralResolver,
  ],
})
export class ServicesModule {}
