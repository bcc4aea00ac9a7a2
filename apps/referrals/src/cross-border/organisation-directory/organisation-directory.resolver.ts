import { Args, Field, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { z } from 'zod';
import { ORGANISATION_KINDS, type OrganisationKind } from '@passage/schemas';
import {
  CurrentActor,
  OrganisationKindEnum,
  parseInput,
  type AuthenticatedActor,
  orNull,
} from '@passage/shared';
import { countryCode } from '../../case-work/index.js';
import { OrganisationDirectory } from './organisation-directory.js';

@ObjectType('DirectoryOrganisation', {
  description:
    'An organisation of the regional mechanism that cases can be addressed to: referrals, handoffs and repatriation steps name it by id.',
})
export class DirectoryOrganisationModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => OrganisationKindEnum)
  kind: OrganisationKind;

  @Field({ description: 'ISO 3166-1 alpha-2; for an embassy, the country it represents.' })
  country: string;

  @Field(() => String, { nullable: true, description: 'For an embassy, where it is.' })
  stationedIn: string | null;

  @Field({ description: 'False when another node hosts it: what it does arrives through the exchange.' })
  hostedOnThisNode: boolean;
}

const directoryFilterSchema = z.object({
  country: orNull(countryCode),
  kind: orNull(z.enum(ORGANISATION_KINDS)),
  search: z
    .string()
    .trim()
    .max(100, 'must have at most 100 characters')
    .nullish()
    .transform((value) => value || null),
});

@Resolver()
export class OrganisationDirectoryResolver {
  constructor(private readonly directory: OrganisationDirectory) {}

  @Query(() => [DirectoryOrganisationModel], {
    description:
      'Organisations of the region that take part, on this node and the others, by country and name: whom a referral, a handoff or a repatriation step can be addressed to. Not available to immigration or the platform operator.',
  })
  async organisationDirectory(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('country', { type: () => String, nullable: true }) country: string | null,
    @Args('kind', { type: () => OrganisationKindEnum, nullable: true }) kind: OrganisationKind | null,
    @Args('search', { type: () => String, nullable: true, description: 'Part of the name.' })
    search: string | null,
  ): Promise<DirectoryOrganisationModel[]> {
    const filter = parseInput(directoryFilterSchema, { country, kind, search }, 'args');
    const entries = await this.directory.list(actor, filter);
    return entries.map((entry) => ({
      id: entry.organisationId,
      name: entry.name,
      kind: entry.kind,
      country: entry.country!,
      stationedIn: entry.stationedIn,
      hostedOnThisNode: entry.hostedHere,
    }));
  }
}
