import { z } from 'zod';
import { PERSON_RELATIONSHIPS } from '../../reference/case-vocabulary.js';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, instantSchema } from './case-work-stream.js';

export const personAddedV1 = defineEvent({
  type: 'case.person-added',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description:
    'A person was added to an open case (a child born in captivity, a partner who exited together), linked to someone already in it.',
  schema: z.object({
    caseId: z.uuid(),
    personId: z.uuid(),
    relatedPersonId: z.uuid(),
    relationship: z.enum(PERSON_RELATIONSHIPS),
    addedBy: z.uuid(),
    addedByOrganisationId: z.uuid(),
    addedAt: instantSchema,
  }),
});
