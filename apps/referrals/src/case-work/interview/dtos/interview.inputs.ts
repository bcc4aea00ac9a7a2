import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import { z } from 'zod';
import { languageCode } from '../../person/dtos/language-code.js';
import { InterviewTopicEnum, InterviewerGenderEnum } from '../graphql/interview.model.js';
import {
  INTERVIEWER_GENDERS,
  INTERVIEW_TOPICS,
  type InterviewTopic,
  type InterviewerGender,
} from '../interview-vocabulary.js';

@InputType('RecordInterviewInput', { description: 'Logs an interview; the interviewer is the caller.' })
export class RecordInterviewInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => ID)
  personId: string;

  @Field(() => InterviewerGenderEnum)
  interviewerGender: InterviewerGender;

  @Field({ description: 'Trained for sexual-violence, trauma or child interviews.' })
  specialistInterviewer: boolean;

  @Field({ description: 'ISO 639 code of the language the interview was held in.' })
  language: string;

  @Field()
  interpreterUsed: boolean;

  @Field(() => String, { nullable: true })
  interpreterLanguage?: string | null;

  @Field(() => [InterviewTopicEnum])
  topics: InterviewTopic[];

  @Field(() => GraphQLISODateTime)
  conductedAt: Date;

  @Field(() => Boolean, { nullable: true, description: 'Set when the person disclosed sexual violence.' })
  sexualViolenceDisclosed?: boolean | null;
}

export const recordInterviewSchema = z
  .object({
    caseId: z.uuid('must be a case id'),
    personId: z.uuid('must be a person id'),
    interviewerGender: z.enum(INTERVIEWER_GENDERS),
    specialistInterviewer: z.boolean(),
    language: languageCode,
    interpreterUsed: z.boolean(),
    interpreterLanguage: languageCode.nullish().transform((value) => value ?? null),
    topics: z
      .array(z.enum(INTERVIEW_TOPICS))
      .min(1, 'must name at least one topic')
      .max(INTERVIEW_TOPICS.length)
      .transform((topics) => [...new Set(topics)]),
    conductedAt: z.date('must be a date and time'),
    sexualViolenceDisclosed: z
      .boolean()
      .nullish()
      .transform((value) => value ?? null),
  })
  .superRefine((input, context) => {
    if (input.interpreterLanguage && !input.interpreterUsed) {
      context.addIssue({
        code: 'custom',
        path: ['interpreterLanguage'],
        message: 'applies only with an interpreter',
      });
    }
    if (input.sexualViolenceDisclosed && !input.topics.includes('SEXUAL_VIOLENCE')) {
      context.addIssue({
        code: 'custom',
        path: ['topics'],
        message: 'must include SEXUAL_VIOLENCE with a disclosure',
      });
    }
  });
