import { ID, Int } from '@nestjs/graphql';
import { z } from 'zod';
import { SERVICE_TYPES } from '@passage/schemas';
import { declareInput, orNull } from '@passage/shared';
import { languageCode } from '../../../case-work/index.js';
import { countryCode, optionalText } from '../../../case-work/index.js';
import { AgeBandEnum, GenderEnum } from '../../../case-work/index.js';
import { AGE_BANDS, GENDERS } from '../../../case-work/index.js';
import {
  ServiceEligibilityEnum,
  ServiceTypeEnum,
  VictimStatusEnum,
} from '../graphql/service-directory.model.js';
import { SERVICE_ELIGIBILITIES, VICTIM_STATUSES, eligibilityFitsType } from '../service-matching.js';

const distinct = <T>(values: T[]) => [...new Set(values)];

const capacity = {
  type: () => Int,
  nullable: true,
  schema: orNull(z.number().int('must be a whole number').min(0, 'must not be negative').max(100_000)),
};

export const UpsertServiceInput = declareInput(
  'UpsertServiceInput',
  {
    id: {
      type: () => ID,
      nullable: true,
      schema: orNull(z.uuid('must be a service id')),
    },
    name: {
      type: () => String,
      schema: z.string().trim().min(1, 'must not be empty').max(200, 'must have at most 200 characters'),
    },
    description: { type: () => String, nullable: true, schema: optionalText(2_000) },
    serviceType: { type: () => ServiceTypeEnum, schema: z.enum(SERVICE_TYPES) },
    active: {
      type: () => Boolean,
      nullable: true,
      schema: z
        .boolean()
        .nullish()
        .transform((value) => value ?? true),
      description: 'Defaults to true; false takes the service off the directory.',
    },
    country: {
      type: () => String,
      schema: countryCode,
      description: "The country the service is given in: the organisation's own, or where an embassy sits.",
    },
    stateProvince: { type: () => String, nullable: true, schema: optionalText(100) },
    district: { type: () => String, nullable: true, schema: optionalText(100) },
    capacityMaximum: capacity,
    capacityAvailable: capacity,
    genders: {
      type: () => [GenderEnum],
      schema: z.array(z.enum(GENDERS)).min(1, 'must accept at least one gender').transform(distinct),
    },
    ageBands: {
      type: () => [AgeBandEnum],
      schema: z.array(z.enum(AGE_BANDS)).min(1, 'must accept at least one age band').transform(distinct),
    },
    languages: {
      type: () => [String],
      schema: z
        .array(languageCode)
        .min(1, 'must list at least one language')
        .max(30, 'must list at most 30 languages')
        .transform(distinct),
    },
    eligibility: { type: () => ServiceEligibilityEnum, schema: z.enum(SERVICE_ELIGIBILITIES) },
    scheduleDescription: { type: () => String, nullable: true, schema: optionalText(500) },
  },
  {
    description:
      "Lists a service of the caller's own organisation, or replaces its listing (by id, or else by name).",
    refine: (schema) =>
      schema.superRefine((input, context) => {
        if (!eligibilityFitsType(input.serviceType, input.eligibility)) {
          context.addIssue({
            code: 'custom',
            path: ['eligibility'],
            message: 'a service for vulnerable migrants takes anyone: must be ANY',
          });
        }
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
      }),
  },
);

export type UpsertServiceValue = z.output<typeof UpsertServiceInput.schema>;

/** A missing filter is an empty one: every active service of the caller's country. */
export const ServiceFilter = declareInput(
  'ServiceFilter',
  {
    serviceType: {
      type: () => ServiceTypeEnum,
      nullable: true,
      schema: orNull(z.enum(SERVICE_TYPES)),
    },
    country: {
      type: () => String,
      nullable: true,
      schema: orNull(countryCode),
      description: 'Defaults to the country the caller works in.',
    },
    stateProvince: { type: () => String, nullable: true, schema: optionalText(100) },
    gender: {
      type: () => GenderEnum,
      nullable: true,
      schema: orNull(z.enum(GENDERS)),
    },
    ageBand: {
      type: () => AgeBandEnum,
      nullable: true,
      schema: orNull(z.enum(AGE_BANDS)),
    },
    languages: {
      type: () => [String],
      nullable: true,
      schema: z
        .array(languageCode)
        .max(10, 'must list at most 10 languages')
        .nullish()
        .transform((value) => distinct(value ?? [])),
      description: 'Languages the person speaks; one in common suffices.',
    },
    needsFreeCapacity: {
      type: () => Boolean,
      nullable: true,
      schema: z
        .boolean()
        .nullish()
        .transform((value) => value ?? false),
      description: 'Only services with a free place now (beds, for a shelter).',
    },
    victimStatus: {
      type: () => VictimStatusEnum,
      nullable: true,
      schema: orNull(z.enum(VICTIM_STATUSES)),
    },
  },
  {
    description:
      'The needs of a case. Only type and country are hard limits; every other need is reported as met or not.',
    refine: (needs) => needs.nullish().transform((value) => value ?? needs.parse({})),
  },
);

export type ServiceFilterValue = z.output<typeof ServiceFilter.schema>;
