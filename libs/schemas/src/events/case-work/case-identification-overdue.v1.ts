import { defineEvent } from '../event-definition.js';
import { caseStepOverdueSchema } from './case-step-overdue.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM } from './case-work-stream.js';

export const caseIdentificationOverdueV1 = defineEvent({
  type: 'case.identification-overdue',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description:
    'Someone in an open case still had no identification decision beyond PENDING in its jurisdiction at ' +
    'the due time counted from first contact; sent once.',
  schema: caseStepOverdueSchema,
});
