import { z } from 'zod';
import { ATTESTATION_BINDINGS } from '../../reference/attestation-vocabulary.js';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, countryCodeSchema, instantSchema } from './case-work-stream.js';

export const attestationIssuedV1 = defineEvent({
  type: 'case.attestation-issued',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  // Neither the code nor the document number, nor their hashes: an event must not help anyone link a
  // document to a presumed victim.
  description: 'A protection attestation was issued for a person; valid until the given instant.',
  schema: z.object({
    caseId: z.uuid(),
    personId: z.uuid(),
    attestationId: z.uuid(),
    decisionId: z.uuid(),
    jurisdictionCountry: countryCodeSchema,
    issuedByOrganisationId: z.uuid(),
    issuedBy: z.uuid(),
    issuedAt: instantSchema,
    validUntil: instantSchema,
    /** What the holder verifies with beside the code; absent from events of attestations issued before it. */
    boundTo: z.array(z.enum(ATTESTATION_BINDINGS)).optional(),
  }),
});
