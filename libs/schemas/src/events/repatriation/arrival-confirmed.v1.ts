import { z } from 'zod';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, instantSchema } from '../case-work/case-work-stream.js';

export const arrivalConfirmedV1 = defineEvent({
  type: 'case.arrival-confirmed',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description:
    'The person arrived and was received; the plan closed and reintegration follow-ups were scheduled.',
  schema: z.object({
    caseId: z.uuid(),
    personId: z.uuid(),
    planId: z.uuid(),
    arrivedAt: instantSchema,
    followUps: z.array(
      z.object({ followUpId: z.uuid(), monthsAfter: z.number().int().positive(), dueOn: z.iso.date() }),
    ),
    confirmedByOrganisationId: z.uuid(),
    confirmedBy: z.uuid(),
  }),
});
