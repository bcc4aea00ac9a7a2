import { z } from 'zod';
import { FOLLOW_UP_OUTCOMES } from '../../reference/repatriation-vocabulary.js';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, instantSchema } from '../case-work/case-work-stream.js';

export const followUpRecordedV1 = defineEvent({
  type: 'case.reintegration-follow-up-recorded',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  // The outcome code only; the notes stay in the case.
  description: 'A reintegration follow-up after return was carried out, with its outcome.',
  schema: z.object({
    caseId: z.uuid(),
    planId: z.uuid(),
    followUpId: z.uuid(),
    monthsAfter: z.number().int().positive(),
    outcome: z.enum(FOLLOW_UP_OUTCOMES),
    recordedByOrganisationId: z.uuid(),
    recordedBy: z.uuid(),
    recordedAt: instantSchema,
  }),
});
