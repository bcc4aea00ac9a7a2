import { z } from 'zod';
import { SCREENING_OUTCOMES } from '../../reference/screening-vocabulary.js';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, instantSchema } from './case-work-stream.js';

export const screeningRecordedV1 = defineEvent({
  type: 'case.screening-recorded',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  // Which indicators were observed is the person's account: it stays out of the event.
  description: 'A person was screened; the suggested and the confirmed outcome, never the indicators.',
  schema: z.object({
    caseId: z.uuid(),
    personId: z.uuid(),
    screeningId: z.uuid(),
    suggestedOutcome: z.enum(SCREENING_OUTCOMES),
    confirmedOutcome: z.enum(SCREENING_OUTCOMES),
    screenedBy: z.uuid(),
    screenedByOrganisationId: z.uuid(),
    screenedAt: instantSchema,
  }),
});
