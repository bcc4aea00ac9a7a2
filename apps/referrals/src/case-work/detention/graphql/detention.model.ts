import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  NOTICE_EFFECTS,
  PENALTY_KINDS,
  PENALTY_STATUSES,
  RELEASE_BASES,
  type NoticeEffect,
  type PenaltyKind,
  type PenaltyStatus,
  type ReleaseBasis,
} from '@passage/schemas';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const ReleaseBasisEnum = asEnum(RELEASE_BASES);
export const PenaltyKindEnum = asEnum(PENALTY_KINDS);
export const PenaltyStatusEnum = asEnum(PENALTY_STATUSES);
export const NoticeEffectEnum = asEnum(NOTICE_EFFECTS);
registerEnumType(ReleaseBasisEnum, { name: 'ReleaseBasis', description: 'Why a detention ended.' });
registerEnumType(PenaltyKindEnum, { name: 'PenaltyKind' });
registerEnumType(PenaltyStatusEnum, {
  name: 'PenaltyStatus',
  description:
    'Fines: PENDING, PAID, WAIVED. Charges: PENDING, DROPPED, ACQUITTED, CONVICTED, SET_ASIDE. Bans and blacklisting: IN_FORCE, LIFTED.',
});
registerEnumType(NoticeEffectEnum, {
  name: 'NonPunishmentNoticeEffect',
  description: 'What the authority did with a non-punishment notice.',
});

@ObjectType('Detention', { description: 'One stretch of detention of a person.' })
export class DetentionModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  personId: string;

  @Field({ description: 'The detaining country.' })
  country: string;

  @Field()
  facility: string;

  @Field(() => String, { nullable: true })
  place: string | null;

  @Field({ description: 'The authority that holds the person.' })
  authority: string;

  @Field(() => GraphQLISODateTime)
  detainedSince: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Null while the person is detained.' })
  releasedAt: Date | null;

  @Field(() => ReleaseBasisEnum, { nullable: true })
  releaseBasis: ReleaseBasis | null;

  @Field(() => ID, { nullable: true, description: 'The non-punishment notice the release followed.' })
  releaseNoticeId: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Seconds of this detention after the detaining country decided reasonable grounds (until release or now); null without such a decision.',
  })
  secondsAfterReasonableGrounds: number | null;
}

@ObjectType('Penalty', { description: 'A fine, entry ban, blacklisting or charge a person faces.' })
export class PenaltyModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  personId: string;

  @Field(() => PenaltyKindEnum)
  kind: PenaltyKind;

  @Field({ description: 'The country that imposed it.' })
  country: string;

  @Field()
  authority: string;

  @Field({ description: 'The offence charged, the ground of a ban, what a fine punishes.' })
  description: string;

  @Field(() => GraphQLISODateTime)
  imposedAt: Date;

  @Field(() => PenaltyStatusEnum)
  status: PenaltyStatus;

  @Field(() => GraphQLISODateTime, { nullable: true })
  statusChangedAt: Date | null;

  @Field(() => String, { nullable: true, description: "A fine's amount, as an exact decimal ('1500.00')." })
  amount: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of the fine.' })
  currency: string | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Until when a ban or blacklisting runs; null when it has no known end.',
  })
  until: Date | null;

  @Field(() => ID, { nullable: true, description: 'The notice the last change of status followed.' })
  nonPunishmentNoticeId: string | null;
}

@ObjectType('NonPunishmentNotice', {
  description: 'A notice invoking the non-punishment principle, and what came of it.',
})
export class NonPunishmentNoticeModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  personId: string;

  @Field()
  country: string;

  @Field()
  toAuthority: string;

  @Field(() => GraphQLISODateTime)
  sentAt: Date;

  @Field(() => NoticeEffectEnum)
  effect: NoticeEffect;

  @Field(() => String, { nullable: true })
  effectNote: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  effectAt: Date | null;
}

@ObjectType('DetentionRecord', {
  description: "A person's record of detention and punishment (LEGAL data).",
})
export class DetentionRecordModel {
  @Field(() => ID)
  personId: string;

  @Field({ description: 'Whether the person is detained now.' })
  detainedNow: boolean;

  @Field(() => Int, {
    nullable: true,
    description:
      'Seconds spent in detention after a reasonable-grounds decision of the detaining country, overlaps counted once; null without such a decision.',
  })
  secondsDetainedAfterReasonableGrounds: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The same in days, to one decimal.',
  })
  daysDetainedAfterReasonableGrounds: number | null;

  @Field(() => [DetentionModel], { description: 'Oldest first.' })
  detentions: DetentionModel[];

  @Field(() => [PenaltyModel], { description: 'Oldest first.' })
  penalties: PenaltyModel[];

  @Field(() => [NonPunishmentNoticeModel], { description: 'Oldest first.' })
  nonPunishmentNotices: NonPunishmentNoticeModel[];
}
