import { Module } from '@nestjs/common';
import {
  AttestationHasher,
  Clock,
  DEFAULT_VERIFICATION_RATE_LIMITS,
  VerificationRateLimiter,
} from '@passage/shared';
import { CaseModule } from '../case/case.module.js';
import { REFERRALS_CONFIG } from '../../platform/config/referrals.config.js';
import { attestationKeysFromConfig, type AttestationKeyConfig } from './attestation-keys.js';
import { AttestationResolver } from './attestation.resolver.js';
import { ATTESTATION_VALIDITY_DAYS, AttestationService } from './attestation.service.js';

/** Protection attestations: issuing, and verification open to every authenticated actor. */
@Module({
  imports: [CaseModule],
  providers: [
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
      inject: [Clock],
      useFactory: (clock: Clock) =>
        new VerificationRateLimiter(DEFAULT_VERIFICATION_RATE_LIMITS, () => clock.now().getTime()),
    },
    AttestationService,
    AttestationResolver,
  ],
})
export class AttestationModule {}
