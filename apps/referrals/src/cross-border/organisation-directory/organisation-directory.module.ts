import { Module } from '@nestjs/common';
import { CaseModule } from '../../case-work/case/case.module.js';
import { IdentityDirectoryFeed } from './identity-directory-feed.js';
import { OrganisationDirectoryExchangeHandlers } from './organisation-directory.exchange-handlers.js';
import { OrganisationDirectory } from './organisation-directory.js';
import { OrganisationDirectoryResolver } from './organisation-directory.resolver.js';

/** The regional organisation directory: this node's organisations and those other nodes announce. */
@Module({
  imports: [CaseModule],
  providers: [
    OrganisationDirectory,
    IdentityDirectoryFeed,
    OrganisationDirectoryExchangeHandlers,
    OrganisationDirectoryResolver,
  ],
  exports: [OrganisationDirectory],
})
export class OrganisationDirectoryModule {}
