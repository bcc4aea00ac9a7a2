import { z } from 'zod';
import { defineEvent } from '../event-definition.js';
import { CASE_WORK_STREAM, countryCodeSchema, instantSchema } from './case-work-stream.js';

export const massIntakeRegisteredV1 = defineEvent({
  type: 'case.mass-intake-registered',
  version: 1,
  aggregateType: 'mass-intake',
  stream: CASE_WORK_STREAM,
  description:
    'Many people were registered at once after a raid, one case each; every case also has its own case.opened.',
  schema: z.object({
    massIntakeId: z.uuid(),
    ownerOrganisationId: z.uuid(),
    jurisdictionCountry: countryCodeSchema,
    caseCount: z.number().int().min(1),
    registeredBy: z.uuid(),
    registeredAt: instantSchema,
  }),
});
