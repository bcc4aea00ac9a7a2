import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  INTERVIEWER_GENDERS,
  INTERVIEW_TOPICS,
  type InterviewTopic,
  type InterviewerGender,
} from '../interview-vocabulary.js';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const InterviewTopicEnum = asEnum(INTERVIEW_TOPICS);
export const InterviewerGenderEnum = asEnum(INTERVIEWER_GENDERS);
registerEnumType(InterviewTopicEnum, {
  name: 'InterviewTopic',
  description: 'What an interview went through.',
});
registerEnumType(InterviewerGenderEnum, { name: 'InterviewerGender' });

@ObjectType('Interview', {
  description: 'A logged interview: who asked, how, about what; never what was said.',
})
export class InterviewModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  personId: string;

  @Field(() => ID)
  interviewerUserId: string;

  @Field(() => ID)
  interviewerOrganisationId: string;

  @Field(() => InterviewerGenderEnum)
  interviewerGender: InterviewerGender;

  @Field({ description: 'A specialist (e.g. trained in sexual-violence or child interviews).' })
  specialistInterviewer: boolean;

  @Field()
  language: string;

  @Field()
  interpreterUsed: boolean;

  @Field(() => String, { nullable: true })
  interpreterLanguage: string | null;

  @Field(() => [InterviewTopicEnum], {
    description: 'Topics covered; sexual-violence and health topics only for those who may see that data.',
  })
  topics: InterviewTopic[];

  @Field(() => GraphQLISODateTime)
  conductedAt: Date;
}
