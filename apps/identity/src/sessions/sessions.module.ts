import { Global, Module } from '@nestjs/common';
import { SessionEnding } from '../access/index.js';
import { CredentialsModule } from '../credentials/index.js';
import { SecondFactorModule } from '../second-factor/index.js';
import { AttemptLedger } from './attempt-ledger.js';
import { FailedLoginTracker } from './failed-login-tracker.js';
import { SessionResolver } from './session.resolver.js';
import { SessionService } from './session.service.js';
import { SignInRateLimits } from './sign-in-rate-limits.js';

/**
 * Signing in, refreshing and signing out, and the failed attempts that lock an account. Global only so
 * that organisations and people, which sessions build on, reach {@link SessionEnding} without importing
 * this module (which would close a loop).
 */
@Global()
@Module({
  imports: [CredentialsModule, SecondFactorModule],
  providers: [
    SessionService,
    FailedLoginTracker,
    AttemptLedger,
    SignInRateLimits,
    SessionResolver,
    { provide: SessionEnding, useExisting: SessionService },
  ],
  exports: [SessionEnding],
})
export class SessionsModule {}
