import { z } from 'zod';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, countryCodeSchema, instantSchema } from './case-work-stream.js';

export const caseOpenedV1 = defineEvent({
  type: 'case.opened',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description:
    'A case was opened (rescue, self-exit, walk-in or mass intake) with the people it registers, by id.',
  schema: z.object({
    caseId: z.uuid(),
    reference: z.string().regex(/^[A-Z]{2}-\d{4}-\d{6,}$/),
    origin: z.enum(['RESCUE', 'SELF_EXIT_ESCAPE', 'SELF_EXIT_RANSOM', 'WALK_IN', 'MASS_INTAKE']),
    ownerOrganisationId: z.uuid(),
    ownerCountry: countryCodeSchema,
    jurisdictionCountry: countryCodeSchema,
    rescueRequestId: z.uuid().nullable(),
    massIntakeId: z.uuid().nullable(),
    personIds: z.array(z.uuid()).min(1),
    openedBy: z.uuid(),
    openedAt: instantSchema,
  }),
});
