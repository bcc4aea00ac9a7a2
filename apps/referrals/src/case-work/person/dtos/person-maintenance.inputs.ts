import { ID, Int } from '@nestjs/graphql';
import { z } from 'zod';
import { PERSON_RELATIONSHIPS } from '@passage/schemas';
import { declareInput, orNull } from '@passage/shared';
import { AGE_BANDS, DOCUMENT_TYPES, GENDERS } from '../person-vocabulary.js';
import { EDITABLE_PERSON_FIELDS } from '../person-changes.js';
import {
  AgeBandEnum,
  DocumentTypeEnum,
  GenderEnum,
  ImmediateNeedEnum,
  PersonRelationshipEnum,
} from '../graphql/person.enums.js';
import {
  MAX_NARRATIVE_LENGTH,
  PersonInput,
  countryCode,
  documentNumberText,
  immediateNeedList,
  languageList,
} from './person.input.js';

export const personIdSchema = z.uuid('must be a person id');

const caseId = { type: () => ID, schema: z.uuid('must be a case id') };

/** A calendar date of birth; whether it is in the future is decided against the clock by the service. */
const dateOfBirth = z.iso
  .date('must be an ISO date (YYYY-MM-DD)')
  .refine((value) => value >= '1900-01-01', 'must be in 1900 or later');

/** A field an update may leave out (unchanged) or set to null (cleared). */
function clearable<T extends z.ZodType>(schema: T) {
  return schema.nullable().optional();
}

/** A field an update may leave out (unchanged) but never clear: the record always holds a value. */
function settable<T extends z.ZodType>(schema: T) {
  return schema
    .nullable()
    .optional()
    .transform((value, context) => {
      if (value !== null) return value;
      context.addIssue({ code: 'custom', message: 'cannot be cleared; leave it out to keep it' });
      return z.NEVER;
    });
}

/** Free text an update may set or clear; empty text clears it too. */
const text = (max: number) =>
  clearable(
    z
      .string()
      .trim()
      .max(max, `must have at most ${max} characters`)
      .transform((value) => (value ? value : null)),
  );

/** A list an update may replace; null empties it. */
const list = <T extends z.ZodType<unknown[]>>(schema: T) =>
  schema
    .nullable()
    .optional()
    .transform((value) => (value === null ? [] : value));

const KEEP = 'Left out: unchanged.';
const KEEP_OR_CLEAR = 'Left out: unchanged; null clears it.';

export const UpdatePersonInput = declareInput(
  'UpdatePersonInput',
  {
    caseId,
    personId: { type: () => ID, schema: personIdSchema },
    expectedVersion: {
      type: () => Int,
      nullable: true,
      schema: orNull(z.number().int().min(1, 'must be at least 1')),
      description: 'The version the change was made on; refused if the person has changed since.',
    },
    name: { type: () => String, nullable: true, schema: text(200), description: KEEP_OR_CLEAR },
    alias: { type: () => String, nullable: true, schema: text(200), description: KEEP_OR_CLEAR },
    nationality: {
      type: () => String,
      nullable: true,
      schema: clearable(countryCode),
      description: `ISO 3166-1 alpha-2. ${KEEP_OR_CLEAR}`,
    },
    gender: { type: () => GenderEnum, nullable: true, schema: settable(z.enum(GENDERS)), description: KEEP },
    dateOfBirth: {
      type: () => String,
      nullable: true,
      schema: clearable(dateOfBirth),
      description: `ISO date (YYYY-MM-DD); sets the age band to match. ${KEEP_OR_CLEAR}`,
    },
    ageBand: {
      type: () => AgeBandEnum,
      nullable: true,
      schema: settable(z.enum(AGE_BANDS)),
      description: `Must match the date of birth when one is recorded. ${KEEP}`,
    },
    languages: {
      type: () => [String],
      nullable: true,
      schema: list(languageList),
      description: `ISO 639 codes; replaces the list. ${KEEP_OR_CLEAR}`,
    },
    immediateNeeds: {
      type: () => [ImmediateNeedEnum],
      nullable: true,
      schema: list(immediateNeedList),
      description: `Replaces the list. ${KEEP_OR_CLEAR}`,
    },
    pregnant: {
      type: () => Boolean,
      nullable: true,
      schema: clearable(z.boolean()),
      description: KEEP_OR_CLEAR,
    },
    urgentMedicalNeed: {
      type: () => Boolean,
      nullable: true,
      schema: settable(z.boolean()),
      description: KEEP,
    },
    medicalNotes: { type: () => String, nullable: true, schema: text(5_000), description: KEEP_OR_CLEAR },
    documentType: {
      type: () => DocumentTypeEnum,
      nullable: true,
      schema: clearable(z.enum(DOCUMENT_TYPES)),
      description: `An emergency travel document issued later replaces a lost passport here. ${KEEP_OR_CLEAR}`,
    },
    documentNumber: {
      type: () => String,
      nullable: true,
      schema: clearable(documentNumberText),
      description: `Needs a document type. ${KEEP_OR_CLEAR}`,
    },
    contact: {
      type: () => String,
      nullable: true,
      schema: text(500),
      description: `How to reach the person safely. ${KEEP_OR_CLEAR}`,
    },
    doNotContact: {
      type: () => Boolean,
      nullable: true,
      schema: settable(z.boolean()),
      description: `Nothing may be sent through the recorded contact (a monitored phone). ${KEEP}`,
    },
    narrative: {
      type: () => String,
      nullable: true,
      schema: text(MAX_NARRATIVE_LENGTH),
      description: KEEP_OR_CLEAR,
    },
    sexualViolenceDisclosed: {
      type: () => Boolean,
      nullable: true,
      schema: clearable(z.boolean()),
      description: KEEP_OR_CLEAR,
    },
    currentLocation: {
      type: () => String,
      nullable: true,
      schema: text(500),
      description: `Where the person is now (shelter, detention centre...). ${KEEP_OR_CLEAR}`,
    },
  },
  {
    description:
      'Changes to a person: fields left out stay as they are; null clears a field that may be empty.',
    refine: (schema) =>
      schema.superRefine((input, context) => {
        if (EDITABLE_PERSON_FIELDS.every((field) => input[field] === undefined)) {
          context.addIssue({ code: 'custom', path: [], message: 'must change at least one field' });
        }
      }),
  },
);
export type UpdatePersonValue = z.output<typeof UpdatePersonInput.schema>;

export const AddPersonToCaseInput = declareInput(
  'AddPersonToCaseInput',
  {
    caseId,
    person: { type: () => PersonInput.type, schema: PersonInput.schema },
    dateOfBirth: {
      type: () => String,
      nullable: true,
      schema: orNull(dateOfBirth),
      description: "ISO date (YYYY-MM-DD), when known; the person's age band must match it.",
    },
    relatedPersonId: {
      type: () => ID,
      schema: personIdSchema,
      description: 'Someone already in the case.',
    },
    relationship: {
      type: () => PersonRelationshipEnum,
      schema: z.enum(PERSON_RELATIONSHIPS),
      description: 'What the added person is to the related person.',
    },
  },
  { description: 'Someone who joins a case after it was opened, and how they are related to someone in it.' },
);
export type AddPersonToCaseValue = z.output<typeof AddPersonToCaseInput.schema>;
