import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/index.js';
import { OrganisationEntity, OrganisationService } from '../organisations/index.js';
import { SecretBox } from '../credentials/index.js';
import { AccountBootstrap, UserAccountEntity, requiresSecondFactor } from '../people/index.js';
import { DEMO_ORGANISATIONS, DEMO_PERSONAS, DEMO_TOTP_SECRET } from './demo-personas.js';

/**
 * Creates the demonstration organisations through the service the API uses, and the personas directly with
 * the demo password and their roles at once (the API has every new person enrol with a link and every case
 * role approved by a second administrator; a demonstration needs known sign-ins). Existing ones are left as
 * they are: running it again is harmless.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisations: OrganisationService,
    private readonly accounts: AccountBootstrap,
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
      const user = await this.accounts.createWithPassword({
        organisationId: ids.get(persona.organisation)!,
        email: persona.email,
        displayName: persona.displayName,
        roles: persona.roles,
        password,
      });
      if (requiresSecondFactor(persona.roles)) await this.enrolDemoAuthenticator(user.id);
      createdUsers++;
    }
    this.logger.log(`demo data: ${createdOrganisations} organisations and ${createdUsers} people created`);
    return { organisations: createdOrganisations, users: createdUsers };
  }

  /**
   * Case, decision and verifier roles sign in with a second factor (ADR 024), so the personas that hold
   * one get an authenticator with the documented demo secret (README), confirmed as if enrolled.
   */
  private async enrolDemoAuthenticator(userId: string): Promise<void> {
    const box = new SecretBox(this.config.IDENTITY_SECRET_KEY);
    await this.dataSource
      .getRepository(UserAccountEntity)
      .update(
        { id: userId },
        { totpSecret: box.seal(DEMO_TOTP_SECRET, userId), totpConfirmedAt: new Date(), totpLastStep: null },
      );
  }
}
