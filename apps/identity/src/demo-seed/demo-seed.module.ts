import { Module, type DynamicModule } from '@nestjs/common';
import { IdentityAppModule } from '../app.module.js';
import type { IdentityConfig } from '../config/index.js';
import { OrganisationsModule } from '../organisations/index.js';
import { PeopleModule } from '../people/index.js';
import { DemoSeeder } from './demo-seeder.js';

/**
 * The identity service as it runs, plus the demo seeder. The seeder goes through the service's own
 * use cases, so it needs the whole service; the service never needs the seeder.
 */
@Module({})
export class DemoSeedModule {
  static forConfig(config: IdentityConfig): DynamicModule {
    return {
      module: DemoSeedModule,
      imports: [IdentityAppModule.forConfig(config), OrganisationsModule, PeopleModule],
      providers: [DemoSeeder],
    };
  }
}
