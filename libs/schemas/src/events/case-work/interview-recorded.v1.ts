import { z } from 'zod';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, instantSchema } from './case-work-stream.js';

export const interviewRecordedV1 = defineEvent({
  type: 'case.interview-recorded',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  // Topics stay out: "sexual violence was discussed" is itself sensitive.
  description: 'An interview with a person in a case was logged (who and when, not what was said).',
  schema: z.object({
    caseId: z.uuid(),
    personId: z.uuid(),
    interviewId: z.uuid(),
    interviewerOrganisationId: z.uuid(),
    interpreterUsed: z.boolean(),
    conductedAt: instantSchema,
    recordedBy: z.uuid(),
  }),
});
