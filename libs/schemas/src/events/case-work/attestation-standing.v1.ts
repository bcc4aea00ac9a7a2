import { z } from 'zod';
import {
  ATTESTATION_BINDINGS,
  ATTESTATION_STANDING_REASONS,
} from '../../reference/attestation-vocabulary.js';
import { defineEvent } from '../event-definition.js';
import { CASE_AGGREGATE, CASE_WORK_STREAM, countryCodeSchema, instantSchema } from './case-work-stream.js';

/**
 * What every change to an issued attestation names. `decisionId` is the identification decision that
 * caused it, null when the coordinator acted by hand or a new attestation replaced this one. Like the
 * issue event, none carries a code, a document number, a date of birth, a PIN or any hash of them.
 */
const standingChange = {
  caseId: z.uuid(),
  personId: z.uuid(),
  attestationId: z.uuid(),
  jurisdictionCountry: countryCodeSchema,
  reason: z.enum(ATTESTATION_STANDING_REASONS),
  decisionId: z.uuid().nullable(),
  changedBy: z.uuid(),
  changedAt: instantSchema,
};

export const attestationSuspendedV1 = defineEvent({
  type: 'case.attestation-suspended',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description:
    'A protection attestation was suspended: verification answers SUSPENDED until it is reinstated or revoked.',
  schema: z.object(standingChange),
});

export const attestationReinstatedV1 = defineEvent({
  type: 'case.attestation-reinstated',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description: 'A suspended protection attestation was reinstated: it verifies again until it expires.',
  schema: z.object(standingChange),
});

export const attestationRevokedV1 = defineEvent({
  type: 'case.attestation-revoked',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description: 'A protection attestation was revoked for good: verification answers REVOKED.',
  schema: z.object(standingChange),
});

export const attestationReboundV1 = defineEvent({
  type: 'case.attestation-rebound',
  version: 1,
  aggregateType: CASE_AGGREGATE,
  stream: CASE_WORK_STREAM,
  description:
    "A protection attestation was re-bound, under the same code, to a document recorded for the person later (an emergency travel document, say); the document replaces the attestation's earlier bindings.",
  schema: z.object({
    caseId: z.uuid(),
    personId: z.uuid(),
    attestationId: z.uuid(),
    jurisdictionCountry: countryCodeSchema,
    boundTo: z.array(z.enum(ATTESTATION_BINDINGS)),
    replacedBindings: z.array(z.enum(ATTESTATION_BINDINGS)),
    reboundBy: z.uuid(),
    reboundAt: instantSchema,
  }),
});
