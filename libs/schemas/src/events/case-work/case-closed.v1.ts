import { z } from 'zod';
import { CASE_OUTCOMES } from '../../reference/case-vocabulary.js';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, instantSchema } from './case-work-stream.js';

export const caseClosedV1 = defineEvent({
  type: 'case.closed',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description: 'A case was closed with an outcome.',
  schema: z.object({
    caseId: z.uuid(),
    outcome: z.enum(CASE_OUTCOMES),
    closedBy: z.uuid(),
    closedByOrganisationId: z.uuid(),
    closedAt: instantSchema,
  }),
});
