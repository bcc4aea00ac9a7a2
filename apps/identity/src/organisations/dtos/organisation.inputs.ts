import { Field, ID, InputType } from '@nestjs/graphql';
import { z } from 'zod';
import { ORGANISATION_KINDS, isKnownCountry, type OrganisationKind } from '@passage/schemas';
import { OrganisationKindEnum } from '@passage/shared';

const countryCode = z
  .string()
  .refine(isKnownCountry, 'must be an ISO 3166-1 alpha-2 code of the country catalogue, e.g. KH');

@InputType('CreateOrganisationInput')
export class CreateOrganisationInput {
  @Field()
  name: string;

  @Field(() => OrganisationKindEnum)
  kind: OrganisationKind;

  @Field(() => String, { nullable: true, description: 'Required except for a platform operator.' })
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'Required for an embassy, not allowed otherwise.' })
  stationedIn?: string | null;

  @Field({ nullable: true, defaultValue: false })
  requireMfa?: boolean;
}

export const createOrganisationSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(2, 'must have at least 2 characters')
      .max(200, 'must have at most 200 characters'),
    kind: z.enum(ORGANISATION_KINDS),
    country: countryCode.nullish(),
    stationedIn: countryCode.nullish(),
    requireMfa: z.boolean().nullish(),
  })
  .superRefine((input, context) => {
    if (input.kind !== 'PLATFORM_OPERATOR' && !input.country) {
      context.addIssue({
        code: 'custom',
        path: ['country'],
        message: 'is required for this kind of organisation',
      });
    }
    if (input.kind === 'EMBASSY' && !input.stationedIn) {
      context.addIssue({ code: 'custom', path: ['stationedIn'], message: 'is required for an embassy' });
    }
    if (input.kind !== 'EMBASSY' && input.stationedIn) {
      context.addIssue({ code: 'custom', path: ['stationedIn'], message: 'applies to embassies only' });
    }
  });

@InputType('DeactivateOrganisationInput')
export class DeactivateOrganisationInput {
  @Field(() => ID)
  organisationId: string;
}

export const deactivateOrganisationSchema = z.object({
  organisationId: z.uuid('must be an organisation id'),
});

@InputType('OrganisationFilter')
export class OrganisationFilter {
  @Field(() => OrganisationKindEnum, { nullable: true })
  kind?: OrganisationKind | null;

  @Field(() => String, { nullable: true })
  country?: string | null;

  @Field({ nullable: true, description: 'Only active organisations (the default) or all.' })
  activeOnly?: boolean;
}

export const organisationFilterSchema = z
  .object({
    kind: z.enum(ORGANISATION_KINDS).nullish(),
    country: countryCode.nullish(),
    activeOnly: z.boolean().nullish(),
  })
  .nullish();
