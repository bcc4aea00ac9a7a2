import { z } from 'zod';
import { REPATRIATION_PACES, REPATRIATION_STEP_KINDS } from '../../reference/repatriation-vocabulary.js';
import { defineEvent } from '../event-definition.js';
import {
  CASE_AGGREGATE,
  CASE_WORK_STREAM,
  countryCodeSchema,
  instantSchema,
} from '../case-work/case-work-stream.js';

export const repatriationPlanCreatedV1 = defineEvent({
  type: 'case.repatriation-plan-created',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description:
    'A repatriation plan was created for a person who consented to return, with its step owners (all six, or fewer for a fast voluntary return).',
  schema: z.object({
    caseId: z.uuid(),
    personId: z.uuid(),
    planId: z.uuid(),
    jurisdictionCountry: countryCodeSchema,
    returnCountry: countryCodeSchema,
    ownerOrganisationId: z.uuid(),
    steps: z.array(z.object({ kind: z.enum(REPATRIATION_STEP_KINDS), ownerOrganisationId: z.uuid() })),
    /** Absent on plans created before fast voluntary returns existed, which are all STANDARD. */
    pace: z.enum(REPATRIATION_PACES).optional(),
    createdBy: z.uuid(),
    createdAt: instantSchema,
  }),
});
