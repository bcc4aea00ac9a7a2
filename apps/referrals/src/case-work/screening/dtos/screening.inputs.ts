import { Field, ID, InputType } from '@nestjs/graphql';
import { z } from 'zod';
import {
  OBSERVATION_ANSWERS,
  SCREENING_OUTCOMES,
  isIndicatorCode,
  isNeverCountsAgainstCode,
  type ObservationAnswer,
  type ScreeningOutcome,
} from '@passage/schemas';
import { optionalText } from '../../person/dtos/person.input.js';
import { ObservationAnswerEnum, ScreeningOutcomeEnum } from '../graphql/screening.model.js';

@InputType('IndicatorObservationInput')
export class IndicatorObservationInput {
  @Field({ description: 'An indicator code of the catalogue, e.g. UNODC-FC-MEANS-07.' })
  code: string;

  @Field(() => ObservationAnswerEnum)
  observed: ObservationAnswer;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType('EvidenceAgainstInput', {
  description:
    'A fact pointing away from trafficking. Contracts, wages, legal or voluntary entry, a phone, knowing the work was scamming, or scams done under coercion are refused: they never count against a person.',
})
export class EvidenceAgainstInput {
  @Field({ description: 'An upper-case code naming the fact.' })
  code: string;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@InputType('RecordScreeningInput')
export class RecordScreeningInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => ID)
  personId: string;

  @Field(() => [IndicatorObservationInput])
  observations: IndicatorObservationInput[];

  @Field(() => [EvidenceAgainstInput], { nullable: true })
  evidenceAgainst?: EvidenceAgainstInput[] | null;

  @Field(() => ScreeningOutcomeEnum, { description: 'The outcome the screener confirms.' })
  confirmedOutcome: ScreeningOutcome;

  @Field({
    description: 'Why, in the screener’s words (required, above all when departing from the suggestion).',
  })
  reasons: string;
}

const notes = optionalText(5_000);

export const recordScreeningSchema = z.object({
  caseId: z.uuid('must be a case id'),
  personId: z.uuid('must be a person id'),
  observations: z
    .array(
      z.object({
        code: z.string().refine(isIndicatorCode, 'must be an indicator code of the catalogue'),
        observed: z.enum(OBSERVATION_ANSWERS),
        notes,
      }),
    )
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
  evidenceAgainst: z
    .array(
      z.object({
        code: z
          .string()
          .regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'must be an upper-case code')
          .refine((code) => !isNeverCountsAgainstCode(code), 'never counts against a person'),
        notes,
      }),
    )
    .max(50)
    .nullish()
    .transform((value) => value ?? []),
  confirmedOutcome: z.enum(SCREENING_OUTCOMES),
  reasons: z.string().trim().min(1, 'must say why').max(10_000, 'must have at most 10000 characters'),
});
