import { Module } from '@nestjs/common';
import { IdentityAccessModule } from '../access/index.js';
import { CredentialsModule } from '../credentials/index.js';
import { OrganisationsModule } from '../organisations/index.js';
import { UserResolver } from './user.resolver.js';
import { UserService } from './user.service.js';

/** The people of each organisation: their accounts, roles and deactivation. */
@Module({
  imports: [IdentityAccessModule, CredentialsModule, OrganisationsModule],
  providers: [UserService, UserResolver],
  exports: [UserService],
})
export class PeopleModule {}
