import { z } from 'zod';
import { CONSENT_PURPOSES } from '../../access/data-categories.js';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, instantSchema } from './case-work-stream.js';

export const consentRecordedV1 = defineEvent({
  type: 'case.consent-recorded',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description: 'A person in a case granted consent to one purpose.',
  schema: z.object({
    caseId: z.uuid(),
    personId: z.uuid(),
    consentId: z.uuid(),
    purpose: z.enum(CONSENT_PURPOSES),
    interpreterUsed: z.boolean(),
    grantedBy: z.uuid(),
    grantedByOrganisationId: z.uuid(),
    grantedAt: instantSchema,
  }),
});
