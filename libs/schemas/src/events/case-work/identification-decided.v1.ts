import { z } from 'zod';
import { IDENTIFICATION_STATUSES } from '../../reference/identification-vocabulary.js';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, countryCodeSchema, instantSchema } from './case-work-stream.js';

export const identificationDecidedV1 = defineEvent({
  type: 'case.identification-decided',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description:
    'An identification decision was recorded for a person in one jurisdiction, with the follow-up tasks it opened.',
  schema: z.object({
    caseId: z.uuid(),
    personId: z.uuid(),
    decisionId: z.uuid(),
    jurisdictionCountry: countryCodeSchema,
    status: z.enum(IDENTIFICATION_STATUSES),
    previousStatus: z.enum(IDENTIFICATION_STATUSES).nullable(),
    authorityOrganisationId: z.uuid(),
    recognisedBy: z.array(countryCodeSchema),
    decidedAt: instantSchema,
    followUpTaskIds: z.array(z.uuid()),
    recordedBy: z.uuid(),
  }),
});
