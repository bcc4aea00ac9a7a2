import { z } from 'zod';
import { CONSENT_PURPOSES } from '../../access/data-categories.js';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, instantSchema } from './case-work-stream.js';

export const consentWithdrawnV1 = defineEvent({
  type: 'case.consent-withdrawn',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description:
    'A person withdrew consent to one purpose; it took effect at once here, and every copy elsewhere must follow.',
  schema: z.object({
    caseId: z.uuid(),
    personId: z.uuid(),
    consentId: z.uuid(),
    purpose: z.enum(CONSENT_PURPOSES),
    withdrawnBy: z.uuid(),
    withdrawnByOrganisationId: z.uuid(),
    withdrawnAt: instantSchema,
  }),
});
