import { z } from 'zod';
import { countryCodeSchema, instantSchema } from './case-work-stream.js';

/**
 * What an overdue step of a case says: which case, whose, where, counted from when and due when. Shared
 * by the screening and identification events, which differ only in the step they name.
 */
export const caseStepOverdueSchema = z.object({
  caseId: z.uuid(),
  ownerOrganisationId: z.uuid(),
  jurisdictionCountry: countryCodeSchema,
  /** First contact: the rescue for a case opened from a rescue request, else the case's opening. */
  countedFrom: instantSchema,
  dueAt: instantSchema,
});
