import { Module } from '@nestjs/common';
import { CaseWorkModule } from '../case-work/index.js';
import { HandoffExchangeHandlers } from './handoff/handoff.exchange-handlers.js';
import { HandoffResolver } from './handoff/handoff.resolver.js';
import { HandoffService } from './handoff/handoff.service.js';
import { HandoffTimeline } from './handoff/handoff-timeline.js';
import { IdentityDirectoryFeed } from './organisation-directory/identity-directory-feed.js';
import { OrganisationDirectoryExchangeHandlers } from './organisation-directory/organisation-directory.exchange-handlers.js';
import { OrganisationDirectory } from './organisation-directory/organisation-directory.js';
import { OrganisationDirectoryResolver } from './organisation-directory/organisation-directory.resolver.js';

/**
 * Cross-border work: the regional organisation directory (this node's organisations and those other
 * nodes announce) and handoffs of a case to another country through the exchange.
 */
@Module({
  imports: [CaseWorkModule],
  providers: [
    OrganisationDirectory,
    IdentityDirectoryFeed,
    OrganisationDirectoryExchangeHandlers,
    OrganisationDirectoryResolver,
    HandoffTimeline,
    HandoffService,
    HandoffExchangeHandlers,
    HandoffResolver,
  ],
  exports: [OrganisationDirectory],
})
export class CrossBorderModule {}
