import { Field, InputType } from '@nestjs/graphql';
import { z } from 'zod';
import { isKnownCountry } from '@passage/schemas';
import { normaliseDocumentNumber } from '@passage/shared';
import {
  AGE_BANDS,
  DOCUMENT_TYPES,
  GENDERS,
  IMMEDIATE_NEEDS,
  type AgeBand,
  type DocumentType,
  type Gender,
  type ImmediateNeed,
} from '../person-vocabulary.js';
import { AgeBandEnum, DocumentTypeEnum, GenderEnum, ImmediateNeedEnum } from '../graphql/person.enums.js';
import { languageCode } from './language-code.js';

/** The longest free text a person's record takes (an account can be long; a novel cannot). */
export const MAX_NARRATIVE_LENGTH = 20_000;

export const countryCode = z
  .string()
  .refine(isKnownCountry, 'must be an ISO 3166-1 alpha-2 code of the country catalogue, e.g. KH');

/** Optional free text: trimmed, empty counts as absent, capped. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must have at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));

const languages = z
  .array(languageCode)
  .max(10, 'must list at most 10 languages')
  .nullish()
  .transform((value) => [...new Set(value ?? [])]);

const immediateNeeds = z
  .array(z.enum(IMMEDIATE_NEEDS))
  .max(IMMEDIATE_NEEDS.length)
  .nullish()
  .transform((value) => [...new Set(value ?? [])]);

/** Kept as typed; compared (for attestations) in the shared normalised form, which must not be empty. */
const documentNumber = z
  .string()
  .trim()
  .max(64, 'must have at most 64 characters')
  .refine(isDocumentNumber, 'must contain letters or digits')
  .nullish()
  .transform((value) => (value ? value : null));

function isDocumentNumber(value: string): boolean {
  if (value.length === 0) return true;
  try {
    normaliseDocumentNumber(value);
    return true;
  } catch {
    return false;
  }
}

const identity = {
  name: optionalText(200),
  alias: optionalText(200),
  nationality: countryCode.nullish().transform((value) => value ?? null),
  gender: z.enum(GENDERS),
  ageBand: z.enum(AGE_BANDS),
  languages,
  immediateNeeds,
};

export const personSchema = z
  .object({
    ...identity,
    pregnant: z
      .boolean()
      .nullish()
      .transform((value) => value ?? null),
    urgentMedicalNeed: z
      .boolean()
      .nullish()
      .transform((value) => value ?? false),
    medicalNotes: optionalText(5_000),
    documentType: z
      .enum(DOCUMENT_TYPES)
      .nullish()
      .transform((value) => value ?? null),
    documentNumber,
    contact: optionalText(500),
    narrative: optionalText(MAX_NARRATIVE_LENGTH),
    sexualViolenceDisclosed: z
      .boolean()
      .nullish()
      .transform((value) => value ?? null),
    currentLocation: optionalText(500),
  })
  .superRefine((person, context) => {
    if (!person.name && !person.alias) {
      context.addIssue({ code: 'custom', path: ['alias'], message: 'a name or an alias is required' });
    }
    if (person.documentNumber && !person.documentType) {
      context.addIssue({
        code: 'custom',
        path: ['documentType'],
        message: 'is required with a document number',
      });
    }
  });

export type PersonInputValue = z.output<typeof personSchema>;

/** What a mass intake records per person: enough to triage, nothing that needs a long interview. */
export const massIntakePersonSchema = z.object({
  ...identity,
  urgentMedicalNeed: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
});

export type MassIntakePersonValue = z.output<typeof massIntakePersonSchema>;

@InputType('MassIntakePersonInput')
export class MassIntakePersonInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  alias?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2; leave empty when unknown.' })
  nationality?: string | null;

  @Field(() => GenderEnum)
  gender: Gender;

  @Field(() => AgeBandEnum)
  ageBand: AgeBand;

  @Field(() => [String], { nullable: true, description: 'ISO 639 language codes.' })
  languages?: string[] | null;

  @Field(() => [ImmediateNeedEnum], { nullable: true })
  immediateNeeds?: ImmediateNeed[] | null;

  @Field(() => Boolean, { nullable: true })
  urgentMedicalNeed?: boolean | null;
}

@InputType('PersonInput', { description: 'A person; neither a passport nor a phone is needed.' })
export class PersonInput extends MassIntakePersonInput {
  @Field(() => Boolean, { nullable: true })
  pregnant?: boolean | null;

  @Field(() => String, { nullable: true })
  medicalNotes?: string | null;

  @Field(() => DocumentTypeEnum, { nullable: true })
  documentType?: DocumentType | null;

  @Field(() => String, { nullable: true })
  documentNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'How to reach the person safely.' })
  contact?: string | null;

  @Field(() => String, {
    nullable: true,
    description: `The person's account, up to ${MAX_NARRATIVE_LENGTH} characters.`,
  })
  narrative?: string | null;

  @Field(() => Boolean, { nullable: true })
  sexualViolenceDisclosed?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the person is now (shelter, detention centre...).',
  })
  currentLocation?: string | null;
}
