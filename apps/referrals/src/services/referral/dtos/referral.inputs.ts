import { ID } from '@nestjs/graphql';
import { z } from 'zod';
import {
  DATA_CATEGORIES,
  REFERRAL_DECLINE_REASONS,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  type DataCategory,
} from '@passage/schemas';
import { DataCategoryEnum, declareInput, orNull } from '@passage/shared';
import { optionalText } from '../../../case-work/index.js';
import {
  ReferralDecisionEnum,
  ReferralDeclineReasonEnum,
  ReferralOutcomeEnum,
  ReferralUpdateStatusEnum,
} from '../graphql/referral.model.js';

/** The longest note a provider or sender attaches to a response or an outcome. */
const MAX_NOTE_LENGTH = 2_000;

const referralId = { type: () => ID, schema: z.uuid('must be a referral id') };
const note = { type: () => String, nullable: true, schema: optionalText(MAX_NOTE_LENGTH) };

export const CreateReferralInput = declareInput(
  'CreateReferralInput',
  {
    caseId: { type: () => ID, schema: z.uuid('must be a case id') },
    personId: { type: () => ID, schema: z.uuid('must be a person id') },
    serviceId: { type: () => ID, schema: z.uuid('must be a service id') },
    sharedCategories: {
      type: () => [DataCategoryEnum],
      schema: z
        .array(z.enum(DATA_CATEGORIES))
        .max(DATA_CATEGORIES.length)
        .transform((categories) => [...new Set<DataCategory>(['OPERATIONAL', ...categories])]),
      description: 'What the provider may see of the person once it accepts; OPERATIONAL is always included.',
    },
  },
  {
    description:
      'Refers one person of a case to a service in the same country. Needs the person’s services-referral consent; the categories shared can be no more than the sender sees.',
  },
);

export type CreateReferralValue = z.output<typeof CreateReferralInput.schema>;

export const RespondToReferralInput = declareInput(
  'RespondToReferralInput',
  {
    referralId,
    decision: { type: () => ReferralDecisionEnum, schema: z.enum(['ACCEPT', 'DECLINE']) },
    declineReason: {
      type: () => ReferralDeclineReasonEnum,
      nullable: true,
      schema: orNull(z.enum(REFERRAL_DECLINE_REASONS)),
    },
    note: { ...note, description: 'Shown to the sender; required when the reason is OTHER.' },
  },
  {
    description: 'The provider accepts, or declines with a reason.',
    refine: (schema) =>
      schema.superRefine((input, context) => {
        if (input.decision === 'DECLINE' && !input.declineReason) {
          context.addIssue({
            code: 'custom',
            path: ['declineReason'],
            message: 'say why the referral is declined',
          });
        }
        if (input.decision === 'ACCEPT' && input.declineReason) {
          context.addIssue({
            code: 'custom',
            path: ['declineReason'],
            message: 'only a decline takes a reason',
          });
        }
        if (input.declineReason === 'OTHER' && !input.note) {
          context.addIssue({ code: 'custom', path: ['note'], message: 'explain the reason OTHER' });
        }
      }),
  },
);

export type RespondToReferralValue = z.output<typeof RespondToReferralInput.schema>;

export const UpdateReferralInput = declareInput(
  'UpdateReferralInput',
  {
    referralId,
    status: {
      type: () => ReferralUpdateStatusEnum,
      schema: z.enum(['IN_PROGRESS', 'COMPLETED', 'WITHDRAWN']),
    },
    outcome: {
      type: () => ReferralOutcomeEnum,
      nullable: true,
      schema: orNull(z.enum(REFERRAL_OUTCOMES)),
      description: 'Required to complete.',
    },
    note,
  },
  {
    description:
      'Moves an answered referral on: the provider starts or completes it, the sender withdraws it.',
  },
);

export type UpdateReferralValue = z.output<typeof UpdateReferralInput.schema>;

/** Arguments of the `referrals` list. */
export const referralListSchema = z.object({
  role: z.enum(['SENT', 'RECEIVED', 'JURISDICTION']),
  status: orNull(z.enum(REFERRAL_STATUSES)),
  first: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100'),
  after: orNull(z.string().max(200)),
});

export type ReferralListValue = z.output<typeof referralListSchema>;
