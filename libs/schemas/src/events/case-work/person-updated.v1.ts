import { z } from 'zod';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, instantSchema } from './case-work-stream.js';

export const personUpdatedV1 = defineEvent({
  type: 'case.person-updated',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description:
    "A person's record changed and reached a new version. Names the changed fields, never their values; fields that record what the person disclosed (narrative, health, sexual violence) are not named, only flagged.",
  schema: z.object({
    caseId: z.uuid(),
    personId: z.uuid(),
    version: z.number().int().min(2),
    changedFields: z.array(z.string().regex(/^[a-z][A-Za-z]*$/)),
    restrictedFieldsChanged: z.boolean(),
    changedBy: z.uuid(),
    changedByOrganisationId: z.uuid(),
    changedAt: instantSchema,
  }),
});
