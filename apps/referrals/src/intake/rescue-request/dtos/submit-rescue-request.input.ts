import { Float, Int } from '@nestjs/graphql';
import { z } from 'zod';
import {
  AGE_BANDS,
  CONTACT_CHANNELS,
  GENDERS,
  RISKS,
  isKnownCountry,
  rescuePersonSchema,
  safeContactSchema,
} from '@passage/schemas';
import { declareInput, orNull } from '@passage/shared';

const country = z
  .string()
  .refine(isKnownCountry, 'must be an ISO 3166-1 alpha-2 code of the country catalogue, e.g. KH');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must have at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));

const MINOR_BANDS: readonly string[] = ['UNDER_14', '14_17'];

export const RescuePersonInput = declareInput(
  'RescuePersonInput',
  {
    nameOrAlias: {
      type: () => String,
      schema: z.string().trim().min(1, 'is required').max(200, 'must have at most 200 characters'),
    },
    nationality: { type: () => String, schema: country, description: 'ISO 3166-1 alpha-2.' },
    gender: {
      type: () => String,
      schema: rescuePersonSchema.shape.gender,
      description: `One of ${GENDERS.join(', ')}.`,
    },
    ageBand: {
      type: () => String,
      schema: rescuePersonSchema.shape.ageBand,
      description: `One of ${AGE_BANDS.join(', ')}.`,
    },
    minor: {
      type: () => Boolean,
      nullable: true,
      schema: z.boolean().optional(),
      description: 'Derived from the age band when not given.',
    },
    pregnant: {
      type: () => Boolean,
      nullable: true,
      schema: orNull(z.boolean()),
    },
    languages: {
      type: () => [String],
      nullable: true,
      schema: z
        .array(z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code'))
        .max(10)
        .optional()
        .transform((value) => value ?? []),
      description: 'Language codes (ISO 639).',
    },
    urgentMedicalNeed: {
      type: () => Boolean,
      nullable: true,
      defaultValue: false,
      schema: z
        .boolean()
        .optional()
        .transform((value) => value ?? false),
    },
  },
  {
    description: 'One person the request names. Alias is fine; nothing else is required.',
    refine: (schema) =>
      schema.transform((person) => ({
        ...person,
        minor: person.minor ?? MINOR_BANDS.includes(person.ageBand),
      })),
  },
);

export const RescueLocationInput = declareInput(
  'RescueLocationInput',
  {
    compoundName: {
      type: () => String,
      schema: z.string().trim().min(1, 'is required').max(200, 'must have at most 200 characters'),
    },
    landmarks: { type: () => String, nullable: true, schema: optionalText(1000) },
    district: { type: () => String, nullable: true, schema: optionalText(200) },
    province: { type: () => String, schema: z.string().trim().min(1, 'is required').max(200) },
    country: {
      type: () => String,
      schema: country,
      description:
        'ISO 3166-1 alpha-2 of the country where the compound is: the request goes to its focal point.',
    },
    latitude: {
      type: () => Float,
      nullable: true,
      schema: z
        .number()
        .min(-90, 'must be between -90 and 90')
        .max(90, 'must be between -90 and 90')
        .nullish()
        .transform((v) => v ?? null),
    },
    longitude: {
      type: () => Float,
      nullable: true,
      schema: z
        .number()
        .min(-180, 'must be between -180 and 180')
        .max(180, 'must be between -180 and 180')
        .nullish()
        .transform((v) => v ?? null),
    },
    insideSpecialEconomicZone: {
      type: () => Boolean,
      nullable: true,
      schema: z
        .boolean()
        .nullish()
        .transform((v) => v ?? null),
    },
  },
  { description: 'Where the people are: the compound and how to find it.' },
);

export const SafeContactInput = declareInput(
  'SafeContactInput',
  {
    channel: {
      type: () => String,
      schema: safeContactSchema.shape.channel,
      description: `One of ${CONTACT_CHANNELS.join(', ')}.`,
    },
    handle: { type: () => String, nullable: true, schema: optionalText(200) },
    windows: {
      type: () => String,
      nullable: true,
      schema: optionalText(500),
      description: 'When contact is safe, e.g. "after 23:00 local time".',
    },
    doNotContact: {
      type: () => Boolean,
      schema: safeContactSchema.shape.doNotContact,
      description: 'The phone is monitored: nothing may be sent to it.',
    },
    intermediary: { type: () => String, nullable: true, schema: optionalText(500) },
  },
  { description: 'How to reach the people without putting them at risk.' },
);

export const SubmitRescueRequestInput = declareInput(
  'SubmitRescueRequestInput',
  {
    onBehalfOf: {
      type: () => String,
      schema: z.enum(['PERSON', 'RELATIVE', 'PEER', 'ORGANISATION']),
      description: 'PERSON, RELATIVE, PEER or ORGANISATION: on whose behalf the request is made.',
    },
    reportedVia: {
      type: () => String,
      nullable: true,
      schema: optionalText(200),
      description: 'How the request reached you (hotline, messaging app…).',
    },
    people: {
      type: () => [RescuePersonInput.type],
      schema: z
        .array(RescuePersonInput.schema)
        .max(200, 'lists at most 200 people; count the others in othersCount'),
    },
    othersCount: {
      type: () => Int,
      defaultValue: 0,
      schema: z.number().int().min(0, 'must not be negative').max(100_000),
      description: 'How many other people are held at the same place.',
    },
    othersNames: {
      type: () => [String],
      nullable: true,
      schema: z
        .array(z.string().trim().min(1).max(200))
        .max(500)
        .optional()
        .transform((value) => value ?? []),
      description: 'Names of those others, when known.',
    },
    location: { type: () => RescueLocationInput.type, schema: RescueLocationInput.schema },
    risks: {
      type: () => [String],
      nullable: true,
      schema: z
        .array(z.enum(RISKS))
        .optional()
        .transform((value) => [...new Set(value ?? [])]),
      description: `Any of ${RISKS.join(', ')}.`,
    },
    safeContact: {
      type: () => SafeContactInput.type,
      nullable: true,
      schema: orNull(SafeContactInput.schema),
    },
  },
  {
    refine: (schema) =>
      schema.superRefine((input, context) => {
        if (input.people.length === 0 && input.othersCount === 0) {
          context.addIssue({
            code: 'custom',
            path: ['people'],
            message: 'name at least one person or give othersCount',
          });
        }
        if ((input.location.latitude === null) !== (input.location.longitude === null)) {
          context.addIssue({
            code: 'custom',
            path: ['location', 'latitude'],
            message: 'give both latitude and longitude, or neither',
          });
        }
      }),
  },
);

export type SubmitRescueRequest = z.output<typeof SubmitRescueRequestInput.schema>;
