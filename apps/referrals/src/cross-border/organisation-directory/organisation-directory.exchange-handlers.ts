import { Injectable, type OnModuleInit } from '@nestjs/common';
import { organisationListedMessageV1 } from '@passage/schemas';
import { ExchangeMessageRegistry } from '@passage/shared';
import { refusalsArePoison } from '../../platform/index.js';
import { OrganisationDirectory } from './organisation-directory.js';

/** Directory announcements from other nodes. An announcement for another node's country is parked. */
@Injectable()
export class OrganisationDirectoryExchangeHandlers implements OnModuleInit {
  constructor(
    private readonly registry: ExchangeMessageRegistry,
    private readonly directory: OrganisationDirectory,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      ...organisationListedMessageV1,
      handle: (payload, { header, manager }) =>
        refusalsArePoison(() => this.directory.recordRemote(payload, header, manager)),
    });
  }
}
