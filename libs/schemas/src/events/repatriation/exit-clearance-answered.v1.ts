import { z } from 'zod';
import { EXIT_CLEARANCE_DECISIONS } from '../../reference/repatriation-vocabulary.js';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, instantSchema } from '../case-work/case-work-stream.js';

export const exitClearanceAnsweredV1 = defineEvent({
  type: 'case.exit-clearance-answered',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description:
    'The immigration authority granted or refused exit clearance, and said whether fines were waived.',
  schema: z.object({
    caseId: z.uuid(),
    planId: z.uuid(),
    requestId: z.uuid(),
    decision: z.enum(EXIT_CLEARANCE_DECISIONS),
    fineWaived: z.boolean(),
    answeredByOrganisationId: z.uuid(),
    answeredBy: z.uuid(),
    answeredAt: instantSchema,
  }),
});
