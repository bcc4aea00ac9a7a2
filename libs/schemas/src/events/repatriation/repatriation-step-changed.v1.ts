import { z } from 'zod';
import {
  REPATRIATION_PLAN_STATUSES,
  REPATRIATION_STEP_KINDS,
  REPATRIATION_STEP_STATUSES,
} from '../../reference/repatriation-vocabulary.js';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, instantSchema } from '../case-work/case-work-stream.js';

export const repatriationStepChangedV1 = defineEvent({
  type: 'case.repatriation-step-changed',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description: 'A step of a repatriation plan changed status; entered and left times give its duration.',
  schema: z.object({
    caseId: z.uuid(),
    planId: z.uuid(),
    step: z.enum(REPATRIATION_STEP_KINDS),
    from: z.enum(REPATRIATION_STEP_STATUSES),
    to: z.enum(REPATRIATION_STEP_STATUSES),
    planStatus: z.enum(REPATRIATION_PLAN_STATUSES),
    enteredAt: instantSchema.nullable(),
    leftAt: instantSchema.nullable(),
    changedByOrganisationId: z.uuid(),
    changedBy: z.uuid(),
    changedAt: instantSchema,
  }),
});
