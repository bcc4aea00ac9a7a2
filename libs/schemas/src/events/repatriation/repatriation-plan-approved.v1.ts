import { z } from 'zod';
import { RETURN_RISK_CONCLUSIONS } from '../../reference/repatriation-vocabulary.js';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, instantSchema } from '../case-work/case-work-stream.js';

export const repatriationPlanApprovedV1 = defineEvent({
  type: 'case.repatriation-plan-approved',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description: 'A repatriation plan was approved on the strength of the named risk assessment.',
  schema: z.object({
    caseId: z.uuid(),
    personId: z.uuid(),
    planId: z.uuid(),
    riskAssessmentId: z.uuid(),
    conclusion: z.enum(RETURN_RISK_CONCLUSIONS),
    approvedByOrganisationId: z.uuid(),
    approvedBy: z.uuid(),
    approvedAt: instantSchema,
  }),
});
