import { Module } from '@nestjs/common';
import { CaseModule } from '../../case-work/case/case.module.js';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../../platform/config/referrals.config.js';
import { ServiceDirectoryModule } from '../service-directory/service-directory.module.js';
import { referralDueDurations, type ReferralDueDurations } from './referral-lifecycle.js';
import { REFERRAL_DUE_DURATIONS, ReferralTiming } from './referral-timing.js';
import { ReferralEscalator } from './referral.escalator.js';
import { ReferralRepository } from './referral.repository.js';
import { ReferralResolver } from './referral.resolver.js';
import { ReferralService } from './referral.service.js';

/** Referrals inside one country, from a case person to a service of the directory, with escalation. */
@Module({
  imports: [CaseModule, ServiceDirectoryModule],
  providers: [
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
    ReferralService,
    ReferralEscalator,
    ReferralResolver,
  ],
})
export class ReferralModule {}
