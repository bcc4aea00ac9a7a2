import { Field, ID, InputType } from '@nestjs/graphql';
import { z } from 'zod';
import {
  DATA_CATEGORIES,
  REFERRAL_DECLINE_REASONS,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  type DataCategory,
  type ReferralDeclineReason,
  type ReferralOutcome,
} from '@passage/schemas';
import { DataCategoryEnum } from '@passage/shared';
import { optionalText } from '../../../case-work/index.js';
import {
  ReferralDecisionEnum,
  ReferralDeclineReasonEnum,
  ReferralOutcomeEnum,
  ReferralUpdateStatusEnum,
} from '../graphql/referral.model.js';

/** The longest note a provider or sender attaches to a response or an outcome. */
const MAX_NOTE_LENGTH = 2_000;

@InputType('CreateReferralInput', {
  description:
    'Refers one person of a case to a service in the same country. Needs the person’s services-referral consent; the categories shared can be no more than the sender sees.',
})
export class CreateReferralInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => ID)
  personId: string;

  @Field(() => ID)
  serviceId: string;

  @Field(() => [DataCategoryEnum], {
    description: 'What the provider may see of the person once it accepts; OPERATIONAL is always included.',
  })
  sharedCategories: DataCategory[];
}

export const createReferralSchema = z.object({
  caseId: z.uuid('must be a case id'),
  personId: z.uuid('must be a person id'),
  serviceId: z.uuid('must be a service id'),
  sharedCategories: z
    .array(z.enum(DATA_CATEGORIES))
    .max(DATA_CATEGORIES.length)
    .transform((categories) => [...new Set<DataCategory>(['OPERATIONAL', ...categories])]),
});

export type CreateReferralValue = z.output<typeof createReferralSchema>;

@InputType('RespondToReferralInput', { description: 'The provider accepts, or declines with a reason.' })
export class RespondToReferralInput {
  @Field(() => ID)
  referralId: string;

  @Field(() => ReferralDecisionEnum)
  decision: 'ACCEPT' | 'DECLINE';

  @Field(() => ReferralDeclineReasonEnum, { nullable: true })
  declineReason?: ReferralDeclineReason | null;

  @Field(() => String, {
    nullable: true,
    description: 'Shown to the sender; required when the reason is OTHER.',
  })
  note?: string | null;
}

export const respondToReferralSchema = z
  .object({
    referralId: z.uuid('must be a referral id'),
    decision: z.enum(['ACCEPT', 'DECLINE']),
    declineReason: z
      .enum(REFERRAL_DECLINE_REASONS)
      .nullish()
      .transform((value) => value ?? null),
    note: optionalText(MAX_NOTE_LENGTH),
  })
  .superRefine((input, context) => {
    if (input.decision === 'DECLINE' && !input.declineReason) {
      context.addIssue({
        code: 'custom',
        path: ['declineReason'],
        message: 'say why the referral is declined',
      });
    }
    if (input.decision === 'ACCEPT' && input.declineReason) {
      context.addIssue({ code: 'custom', path: ['declineReason'], message: 'only a decline takes a reason' });
    }
    if (input.declineReason === 'OTHER' && !input.note) {
      context.addIssue({ code: 'custom', path: ['note'], message: 'explain the reason OTHER' });
    }
  });

export type RespondToReferralValue = z.output<typeof respondToReferralSchema>;

@InputType('UpdateReferralInput', {
  description: 'Moves an answered referral on: the provider starts or completes it, the sender withdraws it.',
})
export class UpdateReferralInput {
  @Field(() => ID)
  referralId: string;

  @Field(() => ReferralUpdateStatusEnum)
  status: 'IN_PROGRESS' | 'COMPLETED' | 'WITHDRAWN';

  @Field(() => ReferralOutcomeEnum, { nullable: true, description: 'Required to complete.' })
  outcome?: ReferralOutcome | null;

  @Field(() => String, { nullable: true })
  note?: string | null;
}

export const updateReferralSchema = z.object({
  referralId: z.uuid('must be a referral id'),
  status: z.enum(['IN_PROGRESS', 'COMPLETED', 'WITHDRAWN']),
  outcome: z
    .enum(REFERRAL_OUTCOMES)
    .nullish()
    .transform((value) => value ?? null),
  note: optionalText(MAX_NOTE_LENGTH),
});

export type UpdateReferralValue = z.output<typeof updateReferralSchema>;

/** Arguments of the `referrals` list. */
export const referralListSchema = z.object({
  role: z.enum(['SENT', 'RECEIVED', 'JURISDICTION']),
  status: z
    .enum(REFERRAL_STATUSES)
    .nullish()
    .transform((value) => value ?? null),
  first: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100'),
  after: z
    .string()
    .max(200)
    .nullish()
    .transform((value) => value ?? null),
});

export type ReferralListValue = z.output<typeof referralListSchema>;
