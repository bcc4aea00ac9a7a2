import { Module } from '@nestjs/common';
import { IdentityAccessModule } from '../access/index.js';
import { DirectoryBackfill } from './directory-backfill.js';
import { OrganisationResolver } from './organisation.resolver.js';
import { OrganisationService } from './organisation.service.js';

/** The organisations of this node: who takes part, their life cycle, and their directory entries. */
@Module({
  imports: [IdentityAccessModule],
  providers: [OrganisationService, OrganisationResolver, DirectoryBackfill],
  exports: [OrganisationService],
})
export class OrganisationsModule {}
