import { Module } from '@nestjs/common';
import { IdentityAccessModule } from '../access/index.js';
import { CredentialsModule } from '../credentials/index.js';
import { OrganisationsModule } from '../organisations/index.js';
import { AccountBootstrap } from './account-bootstrap.js';
import { EnrolmentLinks } from './enrolment-links.js';
import { OwnCredentials } from './own-credentials.js';
import { RoleGrants } from './role-grants.js';
import { UserResolver } from './user.resolver.js';
import { UserService } from './user.service.js';

/** The people of each organisation: their accounts, roles (with a second party's approval), enrolment and deactivation. */
@Module({
  imports: [IdentityAccessModule, CredentialsModule, OrganisationsModule],
  providers: [UserService, UserResolver, RoleGrants, EnrolmentLinks, OwnCredentials, AccountBootstrap],
  exports: [UserService, RoleGrants, EnrolmentLinks, OwnCredentials, AccountBootstrap],
})
export class PeopleModule {}
