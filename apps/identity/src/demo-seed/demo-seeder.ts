import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/index.js';
import { OrganisationEntity, OrganisationService } from '../organisations/index.js';
import { UserAccountEntity, UserService } from '../people/index.js';
import { DEMO_ORGANISATIONS, DEMO_PERSONAS } from './demo-personas.js';

/**
 * Creates the demonstration organisations and personas through the same services the API uses (so the
 * same validation and events apply). Existing ones are left as they are: running it again is harmless.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationService,
    private readonly users: UserService,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async seed(password: string): Promise<{ organisations: number; users: number }> {
    let createdOrganisations = 0;
    let createdUsers = 0;
    const ids = new Map<string, string>();
    // Each persona lives on the node of its organisation's country; the platform operator on every node.
    const here = DEMO_ORGANISATIONS.filter(
      (demo) => demo.country === null || this.config.HOSTED_COUNTRIES.includes(demo.country),
    );
    for (const demo of here) {
      const existing = await this.dataSource.getRepository(OrganisationEntity).findOneBy({ name: demo.name });
      const organisation =
        existing ??
        (await this.organisations.create(null, {
          name: demo.name,
          kind: demo.kind,
          country: demo.country,
          stationedIn: demo.stationedIn ?? null,
          requireMfa: false,
        }));
      if (!existing) createdOrganisations++;
      ids.set(demo.name, organisation.id);
    }
    for (const persona of DEMO_PERSONAS) {
      if (!ids.has(persona.organisation)) continue;
      if (await this.dataSource.getRepository(UserAccountEntity).existsBy({ email: persona.email })) continue;
      await this.users.create(null, {
        organisationId: ids.get(persona.organisation)!,
        email: persona.email,
        displayName: persona.displayName,
        roles: persona.roles,
        initialPassword: password,
      });
      createdUsers++;
    }
    this.logger.log(`demo data: ${createdOrganisations} organisations and ${createdUsers} people created`);
    return { organisations: createdOrganisations, users: createdUsers };
  }
}
