import { Module } from '@nestjs/common';
import { CaseWorkModule } from '../case-work/index.js';
import { HandoffExchangeHandlers } from './handoff/handoff.exchange-handlers.js';
import { HandoffResolver } from './handoff/handoff.resolver.js';
import { HandoffReceiving } from './handoff/handoff-receiving.service.js';
import { HandoffSending } from './handoff/handoff-sending.service.js';
import { ReceivedHandoffs } from './handoff/received-handoffs.repository.js';
import { SentHandoffs } from './handoff/sent-handoffs.repository.js';
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
    { provide: SentHandoffs, useValue: new SentHandoffs() },
    { provide: ReceivedHandoffs, useValue: new ReceivedHandoffs() },
    HandoffSending,
    HandoffReceiving,
    HandoffExchangeHandlers,
    HandoffResolver,
  ],
  exports: [OrganisationDirectory],
})
export class CrossBorderModule {}
