import { GraphQLISODateTime, ID } from '@nestjs/graphql';
import { z } from 'zod';
import {
  NOTICE_EFFECTS,
  PENALTY_KINDS,
  PENALTY_STATUSES,
  RELEASE_BASES,
  type NoticeEffect,
} from '@passage/schemas';
import { declareInput, orNull } from '@passage/shared';
import { countryCode, optionalText } from '../../person/dtos/person.input.js';
import {
  NoticeEffectEnum,
  PenaltyKindEnum,
  PenaltyStatusEnum,
  ReleaseBasisEnum,
} from '../graphql/detention.model.js';
import { penaltyStatusesOf } from '../penalty-lifecycle.js';

const text = (missing: string, max = 300) =>
  z.string().trim().min(1, missing).max(max, `must have at most ${max} characters`);
const instant = (description: string) => ({
  type: () => GraphQLISODateTime,
  schema: z.date('must be a date and time'),
  description,
});
const id = (what: string) => ({ type: () => ID, schema: z.uuid(`must be a ${what} id`) });
const optionalId = (what: string, description: string) => ({
  type: () => ID,
  nullable: true,
  schema: orNull(z.uuid(`must be a ${what} id`)),
  description,
});
const country = (description: string) => ({
  type: () => String,
  nullable: true,
  schema: orNull(countryCode),
  description,
});

const KNOWN_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** What a detention is: where, held by whom, since when. */
const detentionFields = {
  facility: {
    type: () => String,
    schema: text('must name the facility'),
    description: 'The facility: an immigration detention centre, a police station, a prison.',
  },
  place: {
    type: () => String,
    nullable: true,
    schema: optionalText(300),
    description: "Where it is, when the facility's name does not say.",
  },
  authority: {
    type: () => String,
    schema: text('must name the detaining authority'),
    description: 'The authority holding the person (immigration police, a court…).',
  },
  detainedSince: instant('Since when; not in the future.'),
};

export const RecordDetentionInput = declareInput(
  'RecordDetentionInput',
  {
    caseId: id('case'),
    personId: id('person'),
    country: country("The detaining country; defaults to the case's jurisdiction."),
    ...detentionFields,
  },
  { description: 'Records that a person is (or was) detained.' },
);
export type RecordDetention = z.output<typeof RecordDetentionInput.schema>;

export const CorrectDetentionInput = declareInput(
  'CorrectDetentionInput',
  {
    detentionId: id('detention'),
    country: { type: () => String, schema: countryCode, description: 'The detaining country.' },
    ...detentionFields,
  },
  { description: 'Corrects where, by whom and since when a person was detained.' },
);
export type CorrectDetention = z.output<typeof CorrectDetentionInput.schema>;

export const ReleaseFromDetentionInput = declareInput(
  'ReleaseFromDetentionInput',
  {
    detentionId: id('detention'),
    releasedAt: instant('When the person was released; not in the future.'),
    releaseBasis: { type: () => ReleaseBasisEnum, schema: z.enum(RELEASE_BASES) },
    nonPunishmentNoticeId: optionalId('non-punishment notice', 'The notice the release followed, if any.'),
  },
  { description: 'Ends a detention: the person was released, when and on what basis.' },
);
export type ReleaseFromDetention = z.output<typeof ReleaseFromDetentionInput.schema>;

export const RecordPenaltyInput = declareInput(
  'RecordPenaltyInput',
  {
    caseId: id('case'),
    personId: id('person'),
    kind: { type: () => PenaltyKindEnum, schema: z.enum(PENALTY_KINDS) },
    country: country("The country that imposed it; defaults to the case's jurisdiction."),
    authority: { type: () => String, schema: text('must name the authority') },
    description: {
      type: () => String,
      schema: text('must say what it is for', 2_000),
      description: 'The offence charged, the ground of a ban, what a fine punishes.',
    },
    imposedAt: instant('When it was imposed (a charge: brought); not in the future.'),
    status: {
      type: () => PenaltyStatusEnum,
      nullable: true,
      schema: orNull(z.enum(PENALTY_STATUSES)),
      description: 'Where it stands; defaults to PENDING (a fine, a charge) or IN_FORCE (a ban).',
    },
    amount: {
      type: () => String,
      nullable: true,
      schema: orNull(z.string().regex(/^\d{1,12}(\.\d{1,2})?$/, 'must be an amount such as 1500 or 1500.50')),
      description: "A fine's amount, as a decimal string.",
    },
    currency: {
      type: () => String,
      nullable: true,
      schema: orNull(
        z
          .string()
          .refine((code) => KNOWN_CURRENCIES.has(code), 'must be an ISO 4217 currency code, e.g. THB'),
      ),
      description: "ISO 4217 code of the fine's currency.",
    },
    until: {
      type: () => GraphQLISODateTime,
      nullable: true,
      schema: orNull(z.date('must be a date and time')),
      description: 'Until when a ban or blacklisting runs; leave out when it has no known end.',
    },
  },
  {
    description: 'Records a fine, entry ban, blacklisting or charge a person faces.',
    refine: (schema) =>
      schema.superRefine((input, context) => {
        if (input.kind !== 'FINE' && input.amount !== null) {
          context.addIssue({ code: 'custom', path: ['amount'], message: 'only a fine has an amount' });
        }
        if ((input.amount === null) !== (input.currency === null)) {
          context.addIssue({
            code: 'custom',
            path: [input.amount === null ? 'amount' : 'currency'],
            message: 'an amount needs its currency, and a currency its amount',
          });
        }
        if (input.until !== null && input.kind !== 'ENTRY_BAN' && input.kind !== 'BLACKLISTING') {
          context.addIssue({
            code: 'custom',
            path: ['until'],
            message: 'only a ban or blacklisting has an end',
          });
        }
        if (input.status !== null && !penaltyStatusesOf(input.kind).includes(input.status)) {
          context.addIssue({
            code: 'custom',
            path: ['status'],
            message: `must be one of ${penaltyStatusesOf(input.kind).join(', ')} for a ${input.kind}`,
          });
        }
      }),
  },
);
export type RecordPenalty = z.output<typeof RecordPenaltyInput.schema>;

export const ChangePenaltyStatusInput = declareInput(
  'ChangePenaltyStatusInput',
  {
    penaltyId: id('penalty'),
    status: { type: () => PenaltyStatusEnum, schema: z.enum(PENALTY_STATUSES) },
    changedAt: instant('When it changed; not in the future.'),
    nonPunishmentNoticeId: optionalId('non-punishment notice', 'The notice the change followed, if any.'),
  },
  { description: 'Moves a penalty on: a fine paid or waived, a charge dropped, a ban lifted.' },
);
export type ChangePenaltyStatus = z.output<typeof ChangePenaltyStatusInput.schema>;

export const RecordNonPunishmentNoticeInput = declareInput(
  'RecordNonPunishmentNoticeInput',
  {
    caseId: id('case'),
    personId: id('person'),
    country: country("The country of the authority; defaults to the case's jurisdiction."),
    toAuthority: {
      type: () => String,
      schema: text('must name the authority'),
      description: 'The prosecutor, immigration office or court it was sent to.',
    },
    sentAt: instant('When it was sent; not in the future.'),
  },
  { description: 'Records a notice invoking the non-punishment principle, sent to an authority.' },
);
export type RecordNonPunishmentNotice = z.output<typeof RecordNonPunishmentNoticeInput.schema>;

const ANSWERS = NOTICE_EFFECTS.filter((effect) => effect !== 'PENDING') as [
  Exclude<NoticeEffect, 'PENDING'>,
  ...Exclude<NoticeEffect, 'PENDING'>[],
];

export const RecordNonPunishmentNoticeEffectInput = declareInput(
  'RecordNonPunishmentNoticeEffectInput',
  {
    nonPunishmentNoticeId: id('non-punishment notice'),
    effect: {
      type: () => NoticeEffectEnum,
      schema: z.enum(ANSWERS, `must be the authority's answer: ${ANSWERS.join(', ')}`),
    },
    effectAt: instant('When the authority answered or acted; not in the future.'),
    note: {
      type: () => String,
      nullable: true,
      schema: optionalText(2_000),
      description: 'What the authority did or said.',
    },
  },
  { description: 'Records what the authority did with a non-punishment notice.' },
);
export type RecordNonPunishmentNoticeEffect = z.output<typeof RecordNonPunishmentNoticeEffectInput.schema>;
