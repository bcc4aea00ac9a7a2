import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  FOLLOW_UP_TASK_ACTIONS,
  FOLLOW_UP_TASK_KINDS,
  FOLLOW_UP_TASK_STATUSES,
  type FollowUpTaskAction,
  type FollowUpTaskKind,
  type FollowUpTaskStatus,
} from '@passage/schemas';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const FollowUpTaskKindEnum = asEnum(FOLLOW_UP_TASK_KINDS);
export const FollowUpTaskStatusEnum = asEnum(FOLLOW_UP_TASK_STATUSES);
export const FollowUpTaskActionEnum = asEnum(FOLLOW_UP_TASK_ACTIONS);
registerEnumType(FollowUpTaskKindEnum, { name: 'FollowUpTaskKind' });
registerEnumType(FollowUpTaskStatusEnum, {
  name: 'FollowUpTaskStatus',
  description: 'OPEN until done (DONE) or declined with a reason (DECLINED); both are final.',
});
registerEnumType(FollowUpTaskActionEnum, { name: 'FollowUpTaskAction' });

@ObjectType('FollowUpTaskEntry', { description: 'One thing done to a follow-up task, with its note.' })
export class FollowUpTaskEntryModel {
  @Field(() => FollowUpTaskActionEnum)
  action: FollowUpTaskAction;

  @Field({ description: 'The outcome, the reason for declining, or why the task was handed on.' })
  note: string;

  @Field(() => GraphQLISODateTime, { description: 'When it happened, as the worker said.' })
  happenedAt: Date;

  @Field(() => ID, { description: 'Who had the task before.' })
  fromOrganisationId: string;

  @Field(() => ID, { nullable: true, description: 'For a reassignment: who has the task now.' })
  toOrganisationId: string | null;

  @Field(() => ID, { nullable: true })
  toUserId: string | null;

  @Field(() => ID)
  recordedBy: string;

  @Field(() => ID)
  recordedByOrganisationId: string;

  @Field(() => GraphQLISODateTime)
  recordedAt: Date;
}

@ObjectType('FollowUpTask', {
  description: 'Something that must happen because a person is protected (LEGAL data).',
})
export class FollowUpTaskModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  personId: string;

  @Field()
  jurisdictionCountry: string;

  @Field(() => FollowUpTaskKindEnum)
  kind: FollowUpTaskKind;

  @Field(() => FollowUpTaskStatusEnum)
  status: FollowUpTaskStatus;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => ID, {
    description: "The organisation that works the task (besides the jurisdiction's coordinator).",
  })
  assigneeOrganisationId: string;

  @Field(() => ID, { nullable: true, description: 'A named person of the assignee organisation.' })
  assigneeUserId: string | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: "When the task falls overdue, in the jurisdiction's working time.",
  })
  dueAt: Date | null;

  @Field({ description: 'Still open past its due time.' })
  overdue: boolean;

  @Field(() => String, { nullable: true, description: 'What was done, or why it will not be done.' })
  outcome: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was done or declined.' })
  outcomeAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'The release that completed a release task.' })
  detentionId: string | null;

  @Field(() => ID, { nullable: true, description: 'The notice that completed a notice task.' })
  nonPunishmentNoticeId: string | null;

  @Field(() => [FollowUpTaskEntryModel], { description: 'What was done to the task, oldest first.' })
  history: FollowUpTaskEntryModel[];
}
