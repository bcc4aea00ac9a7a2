import { z } from 'zod';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, instantSchema } from '../case-work/case-work-stream.js';

export const exitClearanceRequestedV1 = defineEvent({
  type: 'case.exit-clearance-requested',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  // No document number, name or attestation code: the request itself is the only place they are kept.
  description: 'An exit-clearance request was addressed to an immigration authority for a repatriation plan.',
  schema: z.object({
    caseId: z.uuid(),
    planId: z.uuid(),
    requestId: z.uuid(),
    addressedToOrganisationId: z.uuid(),
    supersedesRequestId: z.uuid().nullable(),
    requestedBy: z.uuid(),
    requestedAt: instantSchema,
  }),
});
