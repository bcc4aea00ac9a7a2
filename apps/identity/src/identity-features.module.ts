import { Module } from '@nestjs/common';
import { IdentityAccess } from './access/identity-access.js';
import { PasswordHasher } from './credentials/index.js';
import { MfaResolver } from './mfa/mfa.resolver.js';
import { DemoSeeder } from './seed/demo-seeder.js';
import { SecondFactor } from './mfa/second-factor.js';
import { OrganisationResolver } from './organisation/organisation.resolver.js';
import { DirectoryBackfill } from './organisation/directory-backfill.js';
import { OrganisationService } from './organisation/organisation.service.js';
import { FailedLoginTracker } from './session/failed-login-tracker.js';
import { SessionResolver } from './session/session.resolver.js';
import { SessionService } from './session/session.service.js';
import { UserResolver } from './user/user.resolver.js';
import { UserService } from './user/user.service.js';

/** Organisations, people, sessions and second factors. */
@Module({
  providers: [
    { provide: PasswordHasher, useValue: new PasswordHasher() },
    IdentityAccess,
    FailedLoginTracker,
    SecondFactor,
    SessionService,
    OrganisationService,
    DirectoryBackfill,
    UserService,
    SessionResolver,
    OrganisationResolver,
    UserResolver,
    MfaResolver,
    DemoSeeder,
  ],
  exports: [OrganisationService, UserService],
})
export class IdentityFeaturesModule {}
