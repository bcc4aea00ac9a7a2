import { ID } from '@nestjs/graphql';
import { z } from 'zod';
import {
  OBSERVATION_ANSWERS,
  SCREENING_OUTCOMES,
  isIndicatorCode,
  isNeverCountsAgainstCode,
} from '@passage/schemas';
import { declareInput } from '@passage/shared';
import { optionalText } from '../../person/dtos/person.input.js';
import { ObservationAnswerEnum, ScreeningOutcomeEnum } from '../graphql/screening.model.js';

const notes = { type: () => String, nullable: true, schema: optionalText(5_000) };

export const IndicatorObservationInput = declareInput('IndicatorObservationInput', {
  code: {
    type: () => String,
    schema: z.string().refine(isIndicatorCode, 'must be an indicator code of the catalogue'),
    description: 'An indicator code of the catalogue, e.g. UNODC-FC-MEANS-07.',
  },
  observed: { type: () => ObservationAnswerEnum, schema: z.enum(OBSERVATION_ANSWERS) },
  notes,
});

export const EvidenceAgainstInput = declareInput(
  'EvidenceAgainstInput',
  {
    code: {
      type: () => String,
      schema: z
        .string()
        .regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'must be an upper-case code')
        .refine((code) => !isNeverCountsAgainstCode(code), 'never counts against a person'),
      description: 'An upper-case code naming the fact.',
    },
    notes,
  },
  {
    description:
      'A fact pointing away from trafficking. Contracts, wages, legal or voluntary entry, a phone, knowing the work was scamming, or scams done under coercion are refused: they never count against a person.',
  },
);

export const RecordScreeningInput = declareInput('RecordScreeningInput', {
  caseId: { type: () => ID, schema: z.uuid('must be a case id') },
  personId: { type: () => ID, schema: z.uuid('must be a person id') },
  observations: {
    type: () => [IndicatorObservationInput.type],
    schema: z
      .array(IndicatorObservationInput.schema)
      .max(200)
      .superRefine((observations, context) => {
        const seen = new Set<string>();
        observations.forEach((observation, index) => {
          if (seen.has(observation.code)) {
            context.addIssue({ code: 'custom', path: [index, 'code'], message: 'is listed twice' });
          }
          seen.add(observation.code);
        });
      }),
  },
  evidenceAgainst: {
    type: () => [EvidenceAgainstInput.type],
    nullable: true,
    schema: z
      .array(EvidenceAgainstInput.schema)
      .max(50)
      .nullish()
      .transform((value) => value ?? []),
  },
  confirmedOutcome: {
    type: () => ScreeningOutcomeEnum,
    schema: z.enum(SCREENING_OUTCOMES),
    description: 'The outcome the screener confirms.',
  },
  reasons: {
    type: () => String,
    schema: z.string().trim().min(1, 'must say why').max(10_000, 'must have at most 10000 characters'),
    description: 'Why, in the screener’s words (required, above all when departing from the suggestion).',
  },
});

export type RecordScreening = z.output<typeof RecordScreeningInput.schema>;
