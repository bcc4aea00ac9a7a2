import { Args, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { isKnownCountry } from '@passage/schemas';
import { CurrentActor, parseInput, type AuthenticatedActor, type ResourceContext } from '@passage/shared';
import { ReferralsAccess } from '../../platform/index.js';
import { intakeErrors } from '../intake.errors.js';
import { CompoundRepository } from './compound.repository.js';
import { CompoundModel } from './compound.model.js';

const countrySchema = z
  .string()
  .refine(isKnownCountry, 'must be an ISO 3166-1 alpha-2 code of the country catalogue');

@Resolver(() => CompoundModel)
export class CompoundResolver {
  constructor(
    private readonly repository: CompoundRepository,
    private readonly access: ReferralsAccess,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Query(() => [CompoundModel], {
    description:
      'Compounds of a country (your own by default) with everyone reported there, oldest open request first.',
  })
  async compounds(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('country', { type: () => String, nullable: true }) country: string | null,
  ): Promise<CompoundModel[]> {
    const jurisdiction = parseInput(countrySchema.nullish(), country, 'country') ?? actor.country;
    if (!jurisdiction)
      throw intakeErrors.error('COUNTRY_REQUIRED', 'is required for your organisation', {
        field: 'country',
      });
    // A compound belongs to the country it is in; nobody owns it, so only that country's coordinators qualify.
    const resource: ResourceContext = {
      ownerOrganisationId: '',
      ownerCountry: jurisdiction,
      jurisdictionCountry: jurisdiction,
      team: [],
      consents: [],
    };
    this.access.authorise(actor, 'compound.read', resource);
    const visible = this.access.visibleCategories(actor, 'compound.read', resource, ['IDENTITY', 'LOCATION']);
    const rows = await this.repository.summaries(this.dataSource.manager, jurisdiction);
    return rows.map((row) => ({
      id: row.id,
      name: visible.LOCATION === 'ALLOW' ? row.name : null,
      district: visible.LOCATION === 'ALLOW' ? row.district : null,
      province: visible.LOCATION === 'ALLOW' ? row.province : null,
      country: row.jurisdiction_country,
      insideSpecialEconomicZone: row.inside_sez,
      peopleReported: row.listed_people + row.others_reported,
      listedPeople: row.listed_people,
      listedNames: visible.IDENTITY === 'ALLOW' ? row.listed_names : null,
      openRequests: row.open_requests,
      oldestOpenRequestAt: row.oldest_open_submitted_at,
      firstReportedAt: row.first_reported_at,
    }));
  }
}
