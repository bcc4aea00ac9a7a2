import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { OrganisationService } from './organisation.service.js';

/** At start-up, lists in the directory any organisation created before the directory existed. */
@Injectable()
export class DirectoryBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger('OrganisationDirectory');

  constructor(private readonly organisations: OrganisationService) {}

  async onApplicationBootstrap(): Promise<void> {
    const listed = await this.organisations.publishUnlistedDirectoryEntries();
    if (listed > 0) this.logger.log(`${listed} organisations listed in the directory`);
  }
}
