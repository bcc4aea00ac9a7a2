import { ID } from '@nestjs/graphql';
import { z } from 'zod';
import { CASE_OUTCOMES, CASE_REOPEN_REASONS } from '@passage/schemas';
import { declareInput, orNull } from '@passage/shared';
import { CASE_ORIGINS, CASE_STATUSES, SINGLE_CASE_ORIGINS } from '../case-vocabulary.js';
import {
  CaseOriginEnum,
  CaseOutcomeEnum,
  CaseReopenReasonEnum,
  CaseStatusEnum,
  OpenCaseOriginEnum,
} from '../graphql/case.enums.js';
import { MassIntakePersonInput, PersonInput } from '../../person/dtos/person.input.js';

/** The largest group one `openCase` registers (a family, a few people who left together). */
export const MAX_PEOPLE_PER_CASE = 50;

/** The largest mass intake one call takes; a larger raid is registered in several calls. */
export const MAX_MASS_INTAKE = 5_000;

export const OpenCaseInput = declareInput(
  'OpenCaseInput',
  {
    origin: { type: () => OpenCaseOriginEnum, schema: z.enum(SINGLE_CASE_ORIGINS) },
    rescueRequestId: {
      type: () => ID,
      nullable: true,
      schema: orNull(z.uuid('must be a rescue request id')),
      description: 'Required for origin RESCUE: the resolved request.',
    },
    people: {
      type: () => [PersonInput.type],
      schema: z
        .array(PersonInput.schema)
        .min(1, 'must register at least one person')
        .max(MAX_PEOPLE_PER_CASE, `must have at most ${MAX_PEOPLE_PER_CASE} people; use registerMassIntake`),
    },
  },
  {
    refine: (schema) =>
      schema.superRefine((input, context) => {
        if (input.origin === 'RESCUE' && !input.rescueRequestId) {
          context.addIssue({
            code: 'custom',
            path: ['rescueRequestId'],
            message: 'is required for a rescue',
          });
        }
        if (input.origin !== 'RESCUE' && input.rescueRequestId) {
          context.addIssue({
            code: 'custom',
            path: ['rescueRequestId'],
            message: 'applies to origin RESCUE only',
          });
        }
      }),
  },
);

export type OpenCaseValue = z.output<typeof OpenCaseInput.schema>;

export const RegisterMassIntakeInput = declareInput('RegisterMassIntakeInput', {
  people: {
    type: () => [MassIntakePersonInput.type],
    schema: z
      .array(MassIntakePersonInput.schema)
      .min(1, 'must register at least one person')
      .max(MAX_MASS_INTAKE, `must have at most ${MAX_MASS_INTAKE} people per call`),
    description: `Up to ${MAX_MASS_INTAKE} people, one case each.`,
  },
});

export type RegisterMassIntakeValue = z.output<typeof RegisterMassIntakeInput.schema>;

/** A missing filter is an empty one. */
export const CaseFilter = declareInput(
  'CaseFilter',
  {
    status: { type: () => CaseStatusEnum, nullable: true, schema: z.enum(CASE_STATUSES).nullish() },
    origin: { type: () => CaseOriginEnum, nullable: true, schema: z.enum(CASE_ORIGINS).nullish() },
    overdue: {
      type: () => Boolean,
      nullable: true,
      schema: z.boolean().nullish(),
      description:
        'true: open cases whose screening or first identification decision is past its due time and not ' +
        'done; false: every other case.',
    },
  },
  { refine: (schema) => schema.nullish().transform((value) => value ?? {}) },
);

export type CaseFilterValue = z.output<typeof CaseFilter.schema>;

export const caseIdSchema = z.uuid('must be a case id');

export const pageSchema = z.object({
  first: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100'),
  after: z.string().max(200).nullish(),
});

export const CloseCaseInput = declareInput('CloseCaseInput', {
  caseId: { type: () => ID, schema: caseIdSchema },
  outcome: { type: () => CaseOutcomeEnum, schema: z.enum(CASE_OUTCOMES) },
});
export type CloseCaseValue = z.output<typeof CloseCaseInput.schema>;

export const ReopenCaseInput = declareInput('ReopenCaseInput', {
  caseId: { type: () => ID, schema: caseIdSchema },
  reason: { type: () => CaseReopenReasonEnum, schema: z.enum(CASE_REOPEN_REASONS) },
});
export type ReopenCaseValue = z.output<typeof ReopenCaseInput.schema>;
