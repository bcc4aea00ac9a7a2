import { Module } from '@nestjs/common';
import { IdentityAccessModule } from '../access/index.js';
import { CredentialsModule } from '../credentials/index.js';
import { SecondFactor } from './second-factor.js';
import { SecondFactorResolver } from './second-factor.resolver.js';

/** Authenticator codes (TOTP) and recovery codes: enrolment, and the check at sign-in. */
@Module({
  imports: [IdentityAccessModule, CredentialsModule],
  providers: [SecondFactor, SecondFactorResolver],
  exports: [SecondFactor],
})
export class SecondFactorModule {}
