import { GraphQLISODateTime, ID } from '@nestjs/graphql';
import { z } from 'zod';
import { declareInput, orNull } from '@passage/shared';
import { languageCode } from '../../person/dtos/language-code.js';
import { InterviewTopicEnum, InterviewerGenderEnum } from '../graphql/interview.model.js';
import { INTERVIEWER_GENDERS, INTERVIEW_TOPICS } from '../interview-vocabulary.js';

export const RecordInterviewInput = declareInput(
  'RecordInterviewInput',
  {
    caseId: { type: () => ID, schema: z.uuid('must be a case id') },
    personId: { type: () => ID, schema: z.uuid('must be a person id') },
    interviewerGender: { type: () => InterviewerGenderEnum, schema: z.enum(INTERVIEWER_GENDERS) },
    specialistInterviewer: {
      type: () => Boolean,
      schema: z.boolean(),
      description: 'Trained for sexual-violence, trauma or child interviews.',
    },
    language: {
      type: () => String,
      schema: languageCode,
      description: 'ISO 639 code of the language the interview was held in.',
    },
    interpreterUsed: { type: () => Boolean, schema: z.boolean() },
    interpreterLanguage: {
      type: () => String,
      nullable: true,
      schema: orNull(languageCode),
    },
    topics: {
      type: () => [InterviewTopicEnum],
      schema: z
        .array(z.enum(INTERVIEW_TOPICS))
        .min(1, 'must name at least one topic')
        .max(INTERVIEW_TOPICS.length)
        .transform((topics) => [...new Set(topics)]),
    },
    conductedAt: { type: () => GraphQLISODateTime, schema: z.date('must be a date and time') },
    sexualViolenceDisclosed: {
      type: () => Boolean,
      nullable: true,
      schema: orNull(z.boolean()),
      description: 'Set when the person disclosed sexual violence.',
    },
  },
  {
    description: 'Logs an interview; the interviewer is the caller.',
    refine: (schema) =>
      schema.superRefine((input, context) => {
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
      }),
  },
);

export type RecordInterview = z.output<typeof RecordInterviewInput.schema>;
