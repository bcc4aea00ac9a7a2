import { GraphQLISODateTime, ID } from '@nestjs/graphql';
import { z } from 'zod';
import {
  FOLLOW_UP_OUTCOMES,
  REPATRIATION_PACES,
  REPATRIATION_STEP_KINDS,
  REPATRIATION_STEP_STATUSES,
  RETURN_RISK_CONCLUSIONS,
  RETURN_RISK_FACTORS,
  RETURN_RISK_LEVELS,
} from '@passage/schemas';
import { declareInput, orNull } from '@passage/shared';
import { countryCode } from '../../case-work/index.js';
import {
  FollowUpOutcomeEnum,
  RepatriationPaceEnum,
  RepatriationStepKindEnum,
  RepatriationStepStatusEnum,
  ReturnRiskConclusionEnum,
  ReturnRiskFactorEnum,
  ReturnRiskLevelEnum,
} from '../graphql/repatriation.enums.js';
import { paceStepsProblem } from '../rules/repatriation-pace.js';

const NOTES_MAX = 4_000;

/** Optional narrative text: trimmed, empty counts as absent, capped. */
const notes = {
  type: () => String,
  nullable: true,
  schema: z
    .string()
    .trim()
    .max(NOTES_MAX, `must have at most ${NOTES_MAX} characters`)
    .nullish()
    .transform((value) => (value ? value : null)),
  description: 'Narrative.',
};

/** A calendar day, `YYYY-MM-DD`. */
export const calendarDay = z.iso.date('must be a calendar day, YYYY-MM-DD');

const dateTime = { type: () => GraphQLISODateTime, schema: z.date('must be a date and time') };
const planId = { type: () => ID, schema: z.uuid('must be a plan id') };

export const ReturnRiskFactorInput = declareInput('ReturnRiskFactorInput', {
  factor: { type: () => ReturnRiskFactorEnum, schema: z.enum(RETURN_RISK_FACTORS) },
  level: { type: () => ReturnRiskLevelEnum, schema: z.enum(RETURN_RISK_LEVELS) },
  notes,
});

export const BestInterestAssessmentInput = declareInput(
  'BestInterestAssessmentInput',
  {
    summary: {
      type: () => String,
      schema: z.string().trim().min(1, 'must summarise the assessment').max(NOTES_MAX),
      description: 'Narrative summary of the assessment.',
    },
    assessedAt: dateTime,
    returnInBestInterest: {
      type: () => Boolean,
      schema: z.boolean(),
      description: "Whether return is in the child's best interest.",
    },
  },
  { description: "A child's best-interest assessment before return." },
);

export const GuardianInput = declareInput('GuardianInput', {
  name: { type: () => String, schema: z.string().trim().min(1, 'must name the guardian').max(300) },
  organisationId: {
    type: () => ID,
    nullable: true,
    schema: orNull(z.uuid('must be an organisation id')),
    description: 'The organisation the guardian acts for, if any.',
  },
});

export const RecordRiskAssessmentInput = declareInput(
  'RecordRiskAssessmentInput',
  {
    caseId: { type: () => ID, schema: z.uuid('must be a case id') },
    personId: { type: () => ID, schema: z.uuid('must be a person id') },
    factors: {
      type: () => [ReturnRiskFactorInput.type],
      schema: z
        .array(ReturnRiskFactorInput.schema)
        .min(1, 'must assess every factor')
        .max(RETURN_RISK_FACTORS.length * 2),
    },
    conclusion: { type: () => ReturnRiskConclusionEnum, schema: z.enum(RETURN_RISK_CONCLUSIONS) },
    conclusionNotes: notes,
    assessedAt: dateTime,
    bestInterestAssessment: {
      type: () => BestInterestAssessmentInput.type,
      nullable: true,
      schema: orNull(BestInterestAssessmentInput.schema),
    },
    guardian: {
      type: () => GuardianInput.type,
      nullable: true,
      schema: orNull(GuardianInput.schema),
    },
  },
  {
    description:
      'Every factor once; a child (under 18 or age unknown) also needs bestInterestAssessment and guardian.',
  },
);

export type RecordRiskAssessmentValue = z.output<typeof RecordRiskAssessmentInput.schema>;

export const RepatriationStepPlanInput = declareInput('RepatriationStepPlanInput', {
  kind: { type: () => RepatriationStepKindEnum, schema: z.enum(REPATRIATION_STEP_KINDS) },
  ownerOrganisationId: {
    type: () => ID,
    schema: z.uuid('must be an organisation id'),
    description:
      'The organisation that carries the step out, from organisationDirectory: for EXIT_CLEARANCE the immigration authority of the country left; for the others an organisation of any country (one hosted on another node works its step there, through the exchange).',
  },
  dueOn: { type: () => String, schema: calendarDay, description: 'YYYY-MM-DD.' },
});

export const CreateRepatriationPlanInput = declareInput(
  'CreateRepatriationPlanInput',
  {
    caseId: { type: () => ID, schema: z.uuid('must be a case id') },
    personId: { type: () => ID, schema: z.uuid('must be a person id') },
    returnCountry: {
      type: () => String,
      nullable: true,
      schema: orNull(countryCode),
      description: "The country of return; defaults to the person's nationality.",
    },
    steps: {
      type: () => [RepatriationStepPlanInput.type],
      schema: z
        .array(RepatriationStepPlanInput.schema)
        .min(1, 'must list the steps')
        .max(REPATRIATION_STEP_KINDS.length, `must list at most ${REPATRIATION_STEP_KINDS.length} steps`),
    },
    pace: {
      type: () => RepatriationPaceEnum,
      nullable: true,
      defaultValue: 'STANDARD',
      schema: z
        .enum(REPATRIATION_PACES)
        .nullish()
        .transform((pace) => pace ?? 'STANDARD'),
      description:
        'STANDARD (the default) lists every step kind; FAST_VOLUNTARY, for an adult going home quickly by choice, lists TRAVEL_DOCUMENT and TRAVEL_BOOKED and may add EXIT_CLEARANCE and FUNDING.',
    },
    receptionArrangement: {
      ...notes,
      description:
        'Who receives the person at home, and how, when no organisation on the platform covers the country of return (required then): a partner off the platform, the family, the consulate. The RECEPTION owner (or, on a fast return, the plan owner) stays answerable for arrival and follow-ups.',
    },
  },
  {
    description:
      "Needs the person's standing RETURN consent. A STANDARD plan lists every step kind exactly once; a FAST_VOLUNTARY one the kinds of its pace.",
    refine: (schema) =>
      schema.superRefine((input, context) => {
        const problem = paceStepsProblem(
          input.pace,
          input.steps.map((step) => step.kind),
        );
        if (problem) context.addIssue({ code: 'custom', path: ['steps'], message: problem });
      }),
  },
);

export type CreateRepatriationPlanValue = z.output<typeof CreateRepatriationPlanInput.schema>;

export const ExitClearanceRequestInput = declareInput(
  'ExitClearanceRequestInput',
  {
    travelDocumentNumber: { type: () => String, schema: z.string().trim().min(1, 'must be given').max(64) },
    nameOnTravelDocument: { type: () => String, schema: z.string().trim().min(1, 'must be given').max(300) },
    attestationCode: { type: () => String, schema: z.string().trim().min(1, 'must be given').max(64) },
    requestedDepartureDate: { type: () => String, schema: calendarDay, description: 'YYYY-MM-DD.' },
  },
  {
    description:
      'What the immigration authority will see, and nothing more: the attestation code must be a valid attestation of this person bound to this travel document.',
  },
);

export type ExitClearanceRequestValue = z.output<typeof ExitClearanceRequestInput.schema>;

export const UpdateRepatriationStepInput = declareInput(
  'UpdateRepatriationStepInput',
  {
    planId,
    step: { type: () => RepatriationStepKindEnum, schema: z.enum(REPATRIATION_STEP_KINDS) },
    status: { type: () => RepatriationStepStatusEnum, schema: z.enum(REPATRIATION_STEP_STATUSES) },
    dueOn: {
      type: () => String,
      nullable: true,
      schema: orNull(calendarDay),
      description: 'A new due day, YYYY-MM-DD.',
    },
    exitClearance: {
      type: () => ExitClearanceRequestInput.type,
      nullable: true,
      schema: orNull(ExitClearanceRequestInput.schema),
    },
  },
  {
    description:
      'Moves one step. Starting EXIT_CLEARANCE (to IN_PROGRESS) needs exitClearance and addresses a request to the step owner.',
    refine: (schema) =>
      schema.superRefine((input, context) => {
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
      }),
  },
);

export type UpdateRepatriationStepValue = z.output<typeof UpdateRepatriationStepInput.schema>;

export const planIdSchema = z.uuid('must be a plan id');

export const ConfirmArrivalInput = declareInput('ConfirmArrivalInput', {
  planId,
  arrivedAt: dateTime,
});

export type ConfirmArrivalValue = z.output<typeof ConfirmArrivalInput.schema>;

export const RecordFollowUpInput = declareInput('RecordFollowUpInput', {
  followUpId: { type: () => ID, schema: z.uuid('must be a follow-up id') },
  outcome: { type: () => FollowUpOutcomeEnum, schema: z.enum(FOLLOW_UP_OUTCOMES) },
  notes,
});

export type RecordFollowUpValue = z.output<typeof RecordFollowUpInput.schema>;

/** Arguments of `stageDurations`. */
export const stageDurationsSchema = z.object({
  country: countryCode,
  since: orNull(z.date('must be a date and time')),
});

export type StageDurationsValue = z.output<typeof stageDurationsSchema>;
