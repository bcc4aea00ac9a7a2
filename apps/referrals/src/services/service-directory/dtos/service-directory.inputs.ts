import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { z } from 'zod';
import { SERVICE_TYPES, type ServiceType } from '@passage/schemas';
import { languageCode } from '../../../case-work/index.js';
import { countryCode, optionalText } from '../../../case-work/index.js';
import { AgeBandEnum, GenderEnum } from '../../../case-work/index.js';
import { AGE_BANDS, GENDERS, type AgeBand, type Gender } from '../../../case-work/index.js';
import {
  ServiceEligibilityEnum,
  ServiceTypeEnum,
  VictimStatusEnum,
} from '../graphql/service-directory.model.js';
import {
  SERVICE_ELIGIBILITIES,
  VICTIM_STATUSES,
  type ServiceEligibility,
  type VictimStatus,
} from '../service-matching.js';

const distinct = <T>(values: T[]) => [...new Set(values)];

@InputType('UpsertServiceInput', {
  description:
    "Lists a service of the caller's own organisation, or replaces its listing (by id, or else by name).",
})
export class UpsertServiceInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => ServiceTypeEnum)
  serviceType: ServiceType;

  @Field({ nullable: true, description: 'Defaults to true; false takes the service off the directory.' })
  active?: boolean;

  @Field({
    description: "The country the service is given in: the organisation's own, or where an embassy sits.",
  })
  country: string;

  @Field(() => String, { nullable: true })
  stateProvince?: string | null;

  @Field(() => String, { nullable: true })
  district?: string | null;

  @Field(() => Int, { nullable: true })
  capacityMaximum?: number | null;

  @Field(() => Int, { nullable: true })
  capacityAvailable?: number | null;

  @Field(() => [GenderEnum])
  genders: Gender[];

  @Field(() => [AgeBandEnum])
  ageBands: AgeBand[];

  @Field(() => [String])
  languages: string[];

  @Field(() => ServiceEligibilityEnum)
  eligibility: ServiceEligibility;

  @Field(() => String, { nullable: true })
  scheduleDescription?: string | null;
}

const capacity = z
  .number()
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(100_000)
  .nullish()
  .transform((value) => value ?? null);

export const upsertServiceSchema = z
  .object({
    id: z
      .uuid('must be a service id')
      .nullish()
      .transform((value) => value ?? null),
    name: z.string().trim().min(1, 'must not be empty').max(200, 'must have at most 200 characters'),
    description: optionalText(2_000),
    serviceType: z.enum(SERVICE_TYPES),
    active: z
      .boolean()
      .nullish()
      .transform((value) => value ?? true),
    country: countryCode,
    stateProvince: optionalText(100),
    district: optionalText(100),
    capacityMaximum: capacity,
    capacityAvailable: capacity,
    genders: z.array(z.enum(GENDERS)).min(1, 'must accept at least one gender').transform(distinct),
    ageBands: z.array(z.enum(AGE_BANDS)).min(1, 'must accept at least one age band').transform(distinct),
    languages: z
      .array(languageCode)
      .min(1, 'must list at least one language')
      .max(30, 'must list at most 30 languages')
      .transform(distinct),
    eligibility: z.enum(SERVICE_ELIGIBILITIES),
    scheduleDescription: optionalText(500),
  })
  .superRefine((input, context) => {
    if ((input.capacityMaximum === null) !== (input.capacityAvailable === null)) {
      context.addIssue({
        code: 'custom',
        path: ['capacityAvailable'],
        message: 'give both total and free places, or neither',
      });
    } else if (input.capacityAvailable !== null && input.capacityAvailable > input.capacityMaximum!) {
      context.addIssue({
        code: 'custom',
        path: ['capacityAvailable'],
        message: 'cannot exceed the total places',
      });
    }
  });

export type UpsertServiceValue = z.output<typeof upsertServiceSchema>;

@InputType('ServiceFilter', {
  description:
    'The needs of a case. Only type and country are hard limits; every other need is reported as met or not.',
})
export class ServiceFilter {
  @Field(() => ServiceTypeEnum, { nullable: true })
  serviceType?: ServiceType | null;

  @Field(() => String, { nullable: true, description: 'Defaults to the country the caller works in.' })
  country?: string | null;

  @Field(() => String, { nullable: true })
  stateProvince?: string | null;

  @Field(() => GenderEnum, { nullable: true })
  gender?: Gender | null;

  @Field(() => AgeBandEnum, { nullable: true })
  ageBand?: AgeBand | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Languages the person speaks; one in common suffices.',
  })
  languages?: string[] | null;

  @Field({ nullable: true, description: 'Only services with a free place now (beds, for a shelter).' })
  needsFreeCapacity?: boolean;

  @Field(() => VictimStatusEnum, { nullable: true })
  victimStatus?: VictimStatus | null;
}

const serviceNeedsSchema = z.object({
  serviceType: z
    .enum(SERVICE_TYPES)
    .nullish()
    .transform((value) => value ?? null),
  country: countryCode.nullish().transform((value) => value ?? null),
  stateProvince: optionalText(100),
  gender: z
    .enum(GENDERS)
    .nullish()
    .transform((value) => value ?? null),
  ageBand: z
    .enum(AGE_BANDS)
    .nullish()
    .transform((value) => value ?? null),
  languages: z
    .array(languageCode)
    .max(10, 'must list at most 10 languages')
    .nullish()
    .transform((value) => distinct(value ?? [])),
  needsFreeCapacity: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
  victimStatus: z
    .enum(VICTIM_STATUSES)
    .nullish()
    .transform((value) => value ?? null),
});

/** A missing filter is an empty one: every active service of the caller's country. */
export const serviceFilterSchema = serviceNeedsSchema
  .nullish()
  .transform((value) => value ?? serviceNeedsSchema.parse({}));

export type ServiceFilterValue = z.output<typeof serviceFilterSchema>;
