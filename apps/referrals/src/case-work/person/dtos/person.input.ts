import { z } from 'zod';
import { isKnownCountry } from '@passage/schemas';
import { declareInput, normaliseDocumentNumber, orNull } from '@passage/shared';
import { AGE_BANDS, DOCUMENT_TYPES, GENDERS, IMMEDIATE_NEEDS } from '../person-vocabulary.js';
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

/** Up to ten ISO 639 codes, each once, in the order given. */
export const languageList = z
  .array(languageCode)
  .max(10, 'must list at most 10 languages')
  .transform((value) => [...new Set(value)]);

const languages = languageList.nullish().transform((value) => value ?? []);

export const immediateNeedList = z
  .array(z.enum(IMMEDIATE_NEEDS))
  .max(IMMEDIATE_NEEDS.length)
  .transform((value) => [...new Set(value)]);

const immediateNeeds = immediateNeedList.nullish().transform((value) => value ?? []);

/**
 * Kept as typed; compared (for attestations) in the shared normalised form, which must not be empty. An
 * empty text means no number.
 */
export const documentNumberText = z
  .string()
  .trim()
  .max(64, 'must have at most 64 characters')
  .refine(isDocumentNumber, 'must contain letters or digits')
  .transform((value) => (value ? value : null));

const documentNumber = documentNumberText.nullish().transform((value) => value ?? null);

function isDocumentNumber(value: string): boolean {
  if (value.length === 0) return true;
  try {
    normaliseDocumentNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** What a mass intake records per person: enough to triage, nothing that needs a long interview. */
const massIntakePersonFields = {
  name: { type: () => String, nullable: true, schema: optionalText(200) },
  alias: { type: () => String, nullable: true, schema: optionalText(200) },
  nationality: {
    type: () => String,
    nullable: true,
    schema: orNull(countryCode),
    description: 'ISO 3166-1 alpha-2; leave empty when unknown.',
  },
  gender: { type: () => GenderEnum, schema: z.enum(GENDERS) },
  ageBand: { type: () => AgeBandEnum, schema: z.enum(AGE_BANDS) },
  languages: {
    type: () => [String],
    nullable: true,
    schema: languages,
    description: 'ISO 639 language codes.',
  },
  immediateNeeds: { type: () => [ImmediateNeedEnum], nullable: true, schema: immediateNeeds },
  urgentMedicalNeed: {
    type: () => Boolean,
    nullable: true,
    schema: z
      .boolean()
      .nullish()
      .transform((value) => value ?? false),
  },
};

export const MassIntakePersonInput = declareInput('MassIntakePersonInput', massIntakePersonFields);

export type MassIntakePersonValue = z.output<typeof MassIntakePersonInput.schema>;

export const PersonInput = declareInput(
  'PersonInput',
  {
    ...massIntakePersonFields,
    pregnant: {
      type: () => Boolean,
      nullable: true,
      schema: orNull(z.boolean()),
    },
    medicalNotes: { type: () => String, nullable: true, schema: optionalText(5_000) },
    documentType: {
      type: () => DocumentTypeEnum,
      nullable: true,
      schema: orNull(z.enum(DOCUMENT_TYPES)),
    },
    documentNumber: { type: () => String, nullable: true, schema: documentNumber },
    contact: {
      type: () => String,
      nullable: true,
      schema: optionalText(500),
      description: 'How to reach the person safely.',
    },
    narrative: {
      type: () => String,
      nullable: true,
      schema: optionalText(MAX_NARRATIVE_LENGTH),
      description: `The person's account, up to ${MAX_NARRATIVE_LENGTH} characters.`,
    },
    sexualViolenceDisclosed: {
      type: () => Boolean,
      nullable: true,
      schema: orNull(z.boolean()),
    },
    currentLocation: {
      type: () => String,
      nullable: true,
      schema: optionalText(500),
      description: 'Where the person is now (shelter, detention centre...).',
    },
  },
  {
    description: 'A person; neither a passport nor a phone is needed.',
    refine: (schema) =>
      schema.superRefine((person, context) => {
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
      }),
  },
);

export type PersonInputValue = z.output<typeof PersonInput.schema>;
