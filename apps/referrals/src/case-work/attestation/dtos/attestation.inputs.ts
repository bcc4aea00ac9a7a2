import { ID, Int } from '@nestjs/graphql';
import { z } from 'zod';
import { declareInput, orNull } from '@passage/shared';

/** The longest an attestation may run before it must be renewed. */
export const MAX_VALIDITY_DAYS = 365;

export const IssueProtectionAttestationInput = declareInput('IssueProtectionAttestationInput', {
  caseId: { type: () => ID, schema: z.uuid('must be a case id') },
  personId: { type: () => ID, schema: z.uuid('must be a person id') },
  validForDays: {
    type: () => Int,
    nullable: true,
    schema: orNull(
      z
        .number()
        .int()
        .min(1, 'must be at least 1')
        .max(MAX_VALIDITY_DAYS, `must be at most ${MAX_VALIDITY_DAYS}`),
    ),
    description: `Days of validity; the node's default (90) when omitted.`,
  },
});

export type IssueProtectionAttestation = z.output<typeof IssueProtectionAttestationInput.schema>;

/** Generous bounds: the shared parsers give the precise answer, these only stop oversized input. */
export const verifyProtectionAttestationSchema = z.object({
  code: z.string().min(1, 'is required').max(64, 'is not an attestation code'),
  documentNumber: z.string().min(1, 'is required').max(128, 'is not a document number'),
});
