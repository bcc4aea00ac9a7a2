import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { z } from 'zod';
import {
  FOLLOW_UP_OUTCOMES,
  REPATRIATION_STEP_KINDS,
  REPATRIATION_STEP_STATUSES,
  RETURN_RISK_CONCLUSIONS,
  RETURN_RISK_FACTORS,
  RETURN_RISK_LEVELS,
  type FollowUpOutcome,
  type RepatriationStepKind,
  type RepatriationStepStatus,
  type ReturnRiskConclusion,
  type ReturnRiskFactor,
  type ReturnRiskLevel,
} from '@passage/schemas';
import { countryCode } from '../../case-work/index.js';
import {
  FollowUpOutcomeEnum,
  RepatriationStepKindEnum,
  RepatriationStepStatusEnum,
  ReturnRiskConclusionEnum,
  ReturnRiskFactorEnum,
  ReturnRiskLevelEnum,
} from '../graphql/repatriation.enums.js';

const NOTES_MAX = 4_000;

/** Optional narrative text: trimmed, empty counts as absent, capped. */
const notes = z
  .string()
  .trim()
  .max(NOTES_MAX, `must have at most ${NOTES_MAX} characters`)
  .nullish()
  .transform((value) => (value ? value : null));

/** A calendar day, `YYYY-MM-DD`. */
export const calendarDay = z.iso.date('must be a calendar day, YYYY-MM-DD');

@InputType('ReturnRiskFactorInput')
export class ReturnRiskFactorInput {
  @Field(() => ReturnRiskFactorEnum)
  factor: ReturnRiskFactor;

  @Field(() => ReturnRiskLevelEnum)
  level: ReturnRiskLevel;

  @Field(() => String, { nullable: true, description: 'Narrative.' })
  notes?: string | null;
}

@InputType('BestInterestAssessmentInput', {
  description: "A child's best-interest assessment before return.",
})
export class BestInterestAssessmentInput {
  @Field({ description: 'Narrative summary of the assessment.' })
  summary: string;

  @Field(() => GraphQLISODateTime)
  assessedAt: Date;

  @Field({ description: "Whether return is in the child's best interest." })
  returnInBestInterest: boolean;
}

@InputType('GuardianInput')
export class GuardianInput {
  @Field()
  name: string;

  @Field(() => ID, { nullable: true, description: 'The organisation the guardian acts for, if any.' })
  organisationId?: string | null;
}

@InputType('RecordRiskAssessmentInput', {
  description:
    'Every factor once; a child (under 18 or age unknown) also needs bestInterestAssessment and guardian.',
})
export class RecordRiskAssessmentInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => ID)
  personId: string;

  @Field(() => [ReturnRiskFactorInput])
  factors: ReturnRiskFactorInput[];

  @Field(() => ReturnRiskConclusionEnum)
  conclusion: ReturnRiskConclusion;

  @Field(() => String, { nullable: true, description: 'Narrative.' })
  conclusionNotes?: string | null;

  @Field(() => GraphQLISODateTime)
  assessedAt: Date;

  @Field(() => BestInterestAssessmentInput, { nullable: true })
  bestInterestAssessment?: BestInterestAssessmentInput | null;

  @Field(() => GuardianInput, { nullable: true })
  guardian?: GuardianInput | null;
}

export const recordRiskAssessmentSchema = z.object({
  caseId: z.uuid('must be a case id'),
  personId: z.uuid('must be a person id'),
  factors: z
    .array(z.object({ factor: z.enum(RETURN_RISK_FACTORS), level: z.enum(RETURN_RISK_LEVELS), notes }))
    .min(1, 'must assess every factor')
    .max(RETURN_RISK_FACTORS.length * 2),
  conclusion: z.enum(RETURN_RISK_CONCLUSIONS),
  conclusionNotes: notes,
  assessedAt: z.date('must be a date and time'),
  bestInterestAssessment: z
    .object({
      summary: z.string().trim().min(1, 'must summarise the assessment').max(NOTES_MAX),
      assessedAt: z.date('must be a date and time'),
      returnInBestInterest: z.boolean(),
    })
    .nullish()
    .transform((value) => value ?? null),
  guardian: z
    .object({
      name: z.string().trim().min(1, 'must name the guardian').max(300),
      organisationId: z
        .uuid('must be an organisation id')
        .nullish()
        .transform((value) => value ?? null),
    })
    .nullish()
    .transform((value) => value ?? null),
});

@InputType('RepatriationStepPlanInput')
export class RepatriationStepPlanInput {
  @Field(() => RepatriationStepKindEnum)
  kind: RepatriationStepKind;

  @Field(() => ID, {
    description:
      'The organisation that carries the step out, from organisationDirectory: for EXIT_CLEARANCE the immigration authority of the country left; for the others an organisation of any country (one hosted on another node works its step there, through the exchange).',
  })
  ownerOrganisationId: string;

  @Field({ description: 'YYYY-MM-DD.' })
  dueOn: string;
}

@InputType('CreateRepatriationPlanInput', {
  description: "Needs the person's standing RETURN consent. Every step kind exactly once.",
})
export class CreateRepatriationPlanInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => ID)
  personId: string;

  @Field(() => String, {
    nullable: true,
    description: "The country of return; defaults to the person's nationality.",
  })
  returnCountry?: string | null;

  @Field(() => [RepatriationStepPlanInput])
  steps: RepatriationStepPlanInput[];
}

export const createRepatriationPlanSchema = z.object({
  caseId: z.uuid('must be a case id'),
  personId: z.uuid('must be a person id'),
  returnCountry: countryCode.nullish().transform((value) => value ?? null),
  steps: z
    .array(
      z.object({
        kind: z.enum(REPATRIATION_STEP_KINDS),
        ownerOrganisationId: z.uuid('must be an organisation id'),
        dueOn: calendarDay,
      }),
    )
    .length(REPATRIATION_STEP_KINDS.length, `must list each of the ${REPATRIATION_STEP_KINDS.length} steps`)
    .refine(
      (steps) => new Set(steps.map((step) => step.kind)).size === steps.length,
      'must list each step kind exactly once',
    ),
});

@InputType('ExitClearanceRequestInput', {
  description:
    'What the immigration authority will see, and nothing more: the attestation code must be a valid attestation of this person bound to this travel document.',
})
export class ExitClearanceRequestInput {
  @Field()
  travelDocumentNumber: string;

  @Field()
  nameOnTravelDocument: string;

  @Field()
  attestationCode: string;

  @Field({ description: 'YYYY-MM-DD.' })
  requestedDepartureDate: string;
}

export const exitClearanceRequestSchema = z.object({
  travelDocumentNumber: z.string().trim().min(1, 'must be given').max(64),
  nameOnTravelDocument: z.string().trim().min(1, 'must be given').max(300),
  attestationCode: z.string().trim().min(1, 'must be given').max(64),
  requestedDepartureDate: calendarDay,
});

@InputType('UpdateRepatriationStepInput', {
  description:
    'Moves one step. Starting EXIT_CLEARANCE (to IN_PROGRESS) needs exitClearance and addresses a request to the step owner.',
})
export class UpdateRepatriationStepInput {
  @Field(() => ID)
  planId: string;

  @Field(() => RepatriationStepKindEnum)
  step: RepatriationStepKind;

  @Field(() => RepatriationStepStatusEnum)
  status: RepatriationStepStatus;

  @Field(() => String, { nullable: true, description: 'A new due day, YYYY-MM-DD.' })
  dueOn?: string | null;

  @Field(() => ExitClearanceRequestInput, { nullable: true })
  exitClearance?: ExitClearanceRequestInput | null;
}

export const updateRepatriationStepSchema = z
  .object({
    planId: z.uuid('must be a plan id'),
    step: z.enum(REPATRIATION_STEP_KINDS),
    status: z.enum(REPATRIATION_STEP_STATUSES),
    dueOn: calendarDay.nullish().transform((value) => value ?? null),
    exitClearance: exitClearanceRequestSchema.nullish().transform((value) => value ?? null),
  })
  .superRefine((input, context) => {
    const starts = input.step === 'EXIT_CLEARANCE' && input.status === 'IN_PROGRESS';
    if (starts && !input.exitClearance) {
      context.addIssue({
        code: 'custom',
        path: ['exitClearance'],
        message: 'is required to start EXIT_CLEARANCE',
      });
    }
    if (!starts && input.exitClearance) {
      context.addIssue({
        code: 'custom',
        path: ['exitClearance'],
        message: 'is only given when EXIT_CLEARANCE moves to IN_PROGRESS',
      });
    }
  });

export const planIdSchema = z.uuid('must be a plan id');

@InputType('ConfirmArrivalInput')
export class ConfirmArrivalInput {
  @Field(() => ID)
  planId: string;

  @Field(() => GraphQLISODateTime)
  arrivedAt: Date;
}

export const confirmArrivalSchema = z.object({
  planId: z.uuid('must be a plan id'),
  arrivedAt: z.date('must be a date and time'),
});

@InputType('RecordFollowUpInput')
export class RecordFollowUpInput {
  @Field(() => ID)
  followUpId: string;

  @Field(() => FollowUpOutcomeEnum)
  outcome: FollowUpOutcome;

  @Field(() => String, { nullable: true, description: 'Narrative.' })
  notes?: string | null;
}

export const recordFollowUpSchema = z.object({
  followUpId: z.uuid('must be a follow-up id'),
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  notes,
});

export const stageDurationsSchema = z.object({
  country: countryCode,
  since: z
    .date('must be a date and time')
    .nullish()
    .transform((value) => value ?? null),
});
