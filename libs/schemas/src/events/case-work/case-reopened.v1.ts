import { z } from 'zod';
import { CASE_OUTCOMES, CASE_REOPEN_REASONS } from '../../reference/case-vocabulary.js';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, instantSchema } from './case-work-stream.js';

export const caseReopenedV1 = defineEvent({
  type: 'case.reopened',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description: 'A closed case was taken up again, with the reason and the outcome it had been closed with.',
  schema: z.object({
    caseId: z.uuid(),
    reason: z.enum(CASE_REOPEN_REASONS),
    previousOutcome: z.enum(CASE_OUTCOMES),
    reopenedBy: z.uuid(),
    reopenedByOrganisationId: z.uuid(),
    reopenedAt: instantSchema,
  }),
});
