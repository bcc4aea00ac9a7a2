import { z } from 'zod';
import {
  RETURN_RISK_CONCLUSIONS,
  RETURN_RISK_FACTORS,
  RETURN_RISK_LEVELS,
} from '../../reference/repatriation-vocabulary.js';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, instantSchema } from '../case-work/case-work-stream.js';

export const riskAssessedV1 = defineEvent({
  type: 'case.return-risk-assessed',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  // Levels and the conclusion only: the notes, the best-interest assessment and the guardian stay in
  // the case.
  description:
    "A pre-return risk assessment was recorded for a person, with each factor's level and the conclusion.",
  schema: z.object({
    caseId: z.uuid(),
    personId: z.uuid(),
    assessmentId: z.uuid(),
    levels: z.array(z.object({ factor: z.enum(RETURN_RISK_FACTORS), level: z.enum(RETURN_RISK_LEVELS) })),
    conclusion: z.enum(RETURN_RISK_CONCLUSIONS),
    childTrack: z.boolean(),
    assessedByOrganisationId: z.uuid(),
    assessedBy: z.uuid(),
    assessedAt: instantSchema,
  }),
});
