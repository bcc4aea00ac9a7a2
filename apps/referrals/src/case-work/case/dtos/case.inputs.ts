import { Field, ID, InputType } from '@nestjs/graphql';
import { z } from 'zod';
import {
  CASE_ORIGINS,
  CASE_STATUSES,
  SINGLE_CASE_ORIGINS,
  type CaseOrigin,
  type CaseStatus,
} from '../case-vocabulary.js';
import { CaseOriginEnum, CaseStatusEnum, OpenCaseOriginEnum } from '../graphql/case.enums.js';
import {
  MassIntakePersonInput,
  PersonInput,
  massIntakePersonSchema,
  personSchema,
} from '../../person/dtos/person.input.js';

/** The largest group one `openCase` registers (a family, a few people who left together). */
export const MAX_PEOPLE_PER_CASE = 50;

/** The largest mass intake one call takes; a larger raid is registered in several calls. */
export const MAX_MASS_INTAKE = 5_000;

@InputType('OpenCaseInput')
export class OpenCaseInput {
  @Field(() => OpenCaseOriginEnum)
  origin: (typeof SINGLE_CASE_ORIGINS)[number];

  @Field(() => ID, { nullable: true, description: 'Required for origin RESCUE: the resolved request.' })
  rescueRequestId?: string | null;

  @Field(() => [PersonInput])
  people: PersonInput[];
}

export const openCaseSchema = z
  .object({
    origin: z.enum(SINGLE_CASE_ORIGINS),
    rescueRequestId: z
      .uuid('must be a rescue request id')
      .nullish()
      .transform((value) => value ?? null),
    people: z
      .array(personSchema)
      .min(1, 'must register at least one person')
      .max(MAX_PEOPLE_PER_CASE, `must have at most ${MAX_PEOPLE_PER_CASE} people; use registerMassIntake`),
  })
  .superRefine((input, context) => {
    if (input.origin === 'RESCUE' && !input.rescueRequestId) {
      context.addIssue({ code: 'custom', path: ['rescueRequestId'], message: 'is required for a rescue' });
    }
    if (input.origin !== 'RESCUE' && input.rescueRequestId) {
      context.addIssue({
        code: 'custom',
        path: ['rescueRequestId'],
        message: 'applies to origin RESCUE only',
      });
    }
  });

export type OpenCaseValue = z.output<typeof openCaseSchema>;

@InputType('RegisterMassIntakeInput')
export class RegisterMassIntakeInput {
  @Field(() => [MassIntakePersonInput], { description: `Up to ${MAX_MASS_INTAKE} people, one case each.` })
  people: MassIntakePersonInput[];
}

export const registerMassIntakeSchema = z.object({
  people: z
    .array(massIntakePersonSchema)
    .min(1, 'must register at least one person')
    .max(MAX_MASS_INTAKE, `must have at most ${MAX_MASS_INTAKE} people per call`),
});

export type RegisterMassIntakeValue = z.output<typeof registerMassIntakeSchema>;

@InputType('CaseFilter')
export class CaseFilter {
  @Field(() => CaseStatusEnum, { nullable: true })
  status?: CaseStatus | null;

  @Field(() => CaseOriginEnum, { nullable: true })
  origin?: CaseOrigin | null;
}

export const caseFilterSchema = z
  .object({
    status: z.enum(CASE_STATUSES).nullish(),
    origin: z.enum(CASE_ORIGINS).nullish(),
  })
  .nullish()
  .transform((value) => value ?? {});

export const caseIdSchema = z.uuid('must be a case id');

export const pageSchema = z.object({
  first: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100'),
  after: z.string().max(200).nullish(),
});
