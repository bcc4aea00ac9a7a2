import { Field, Float, InputType, Int } from '@nestjs/graphql';
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

@InputType('RescuePersonInput', {
  description: 'One person the request names. Alias is fine; nothing else is required.',
})
export class RescuePersonInput {
  @Field()
  nameOrAlias: string;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  nationality: string;

  @Field({ description: `One of ${GENDERS.join(', ')}.` })
  gender: string;

  @Field({ description: `One of ${AGE_BANDS.join(', ')}.` })
  ageBand: string;

  @Field({ nullable: true, description: 'Derived from the age band when not given.' })
  minor?: boolean;

  @Field(() => Boolean, { nullable: true })
  pregnant?: boolean | null;

  @Field(() => [String], { nullable: true, description: 'Language codes (ISO 639).' })
  languages?: string[];

  @Field({ nullable: true, defaultValue: false })
  urgentMedicalNeed?: boolean;
}

@InputType('RescueLocationInput', { description: 'Where the people are: the compound and how to find it.' })
export class RescueLocationInput {
  @Field()
  compoundName: string;

  @Field(() => String, { nullable: true })
  landmarks?: string | null;

  @Field(() => String, { nullable: true })
  district?: string | null;

  @Field()
  province: string;

  @Field({
    description:
      'ISO 3166-1 alpha-2 of the country where the compound is: the request goes to its focal point.',
  })
  country: string;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => Boolean, { nullable: true })
  insideSpecialEconomicZone?: boolean | null;
}

@InputType('SafeContactInput', { description: 'How to reach the people without putting them at risk.' })
export class SafeContactInput {
  @Field({ description: `One of ${CONTACT_CHANNELS.join(', ')}.` })
  channel: string;

  @Field(() => String, { nullable: true })
  handle?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'When contact is safe, e.g. "after 23:00 local time".',
  })
  windows?: string | null;

  @Field({ description: 'The phone is monitored: nothing may be sent to it.' })
  doNotContact: boolean;

  @Field(() => String, { nullable: true })
  intermediary?: string | null;
}

@InputType('SubmitRescueRequestInput')
export class SubmitRescueRequestInput {
  @Field({ description: 'PERSON, RELATIVE, PEER or ORGANISATION: on whose behalf the request is made.' })
  onBehalfOf: string;

  @Field(() => String, {
    nullable: true,
    description: 'How the request reached you (hotline, messaging app…).',
  })
  reportedVia?: string | null;

  @Field(() => [RescuePersonInput])
  people: RescuePersonInput[];

  @Field(() => Int, { description: 'How many other people are held at the same place.', defaultValue: 0 })
  othersCount: number;

  @Field(() => [String], { nullable: true, description: 'Names of those others, when known.' })
  othersNames?: string[];

  @Field(() => RescueLocationInput)
  location: RescueLocationInput;

  @Field(() => [String], { nullable: true, description: `Any of ${RISKS.join(', ')}.` })
  risks?: string[];

  @Field(() => SafeContactInput, { nullable: true })
  safeContact?: SafeContactInput | null;
}

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

export const submitRescueRequestSchema = z
  .object({
    onBehalfOf: z.enum(['PERSON', 'RELATIVE', 'PEER', 'ORGANISATION']),
    reportedVia: optionalText(200),
    people: z
      .array(
        rescuePersonSchema
          .extend({
            nameOrAlias: z.string().trim().min(1, 'is required').max(200, 'must have at most 200 characters'),
            nationality: country,
            minor: z.boolean().optional(),
            pregnant: z
              .boolean()
              .nullish()
              .transform((value) => value ?? null),
            languages: z
              .array(z.string().regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code'))
              .max(10)
              .optional()
              .transform((value) => value ?? []),
            urgentMedicalNeed: z
              .boolean()
              .optional()
              .transform((value) => value ?? false),
          })
          .transform((person) => ({
            ...person,
            minor: person.minor ?? MINOR_BANDS.includes(person.ageBand),
          })),
      )
      .max(200, 'lists at most 200 people; count the others in othersCount'),
    othersCount: z.number().int().min(0, 'must not be negative').max(100_000),
    othersNames: z
      .array(z.string().trim().min(1).max(200))
      .max(500)
      .optional()
      .transform((value) => value ?? []),
    location: z.object({
      compoundName: z.string().trim().min(1, 'is required').max(200, 'must have at most 200 characters'),
      landmarks: optionalText(1000),
      district: optionalText(200),
      province: z.string().trim().min(1, 'is required').max(200),
      country,
      latitude: z
        .number()
        .min(-90, 'must be between -90 and 90')
        .max(90, 'must be between -90 and 90')
        .nullish()
        .transform((v) => v ?? null),
      longitude: z
        .number()
        .min(-180, 'must be between -180 and 180')
        .max(180, 'must be between -180 and 180')
        .nullish()
        .transform((v) => v ?? null),
      insideSpecialEconomicZone: z
        .boolean()
        .nullish()
        .transform((v) => v ?? null),
    }),
    risks: z
      .array(z.enum(RISKS))
      .optional()
      .transform((value) => [...new Set(value ?? [])]),
    safeContact: safeContactSchema
      .extend({ handle: optionalText(200), windows: optionalText(500), intermediary: optionalText(500) })
      .nullish()
      .transform((value) => value ?? null),
  })
  .superRefine((input, context) => {
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
  });

export type SubmitRescueRequest = z.output<typeof submitRescueRequestSchema>;
