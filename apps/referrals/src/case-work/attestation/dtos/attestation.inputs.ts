import { ID, Int } from '@nestjs/graphql';
import { z } from 'zod';
import { ATTESTATION_COORDINATOR_REASONS } from '@passage/schemas';
import { declareInput, orNull } from '@passage/shared';
import { AttestationCoordinatorReasonEnum } from '../graphql/attestation.model.js';

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

const attestationId = { type: () => ID, schema: z.uuid('must be an attestation id') };
const reason = {
  type: () => AttestationCoordinatorReasonEnum,
  schema: z.enum(ATTESTATION_COORDINATOR_REASONS),
  description: 'Why; recorded and announced as a code, never shown to a verifier.',
};

export const SuspendProtectionAttestationInput = declareInput('SuspendProtectionAttestationInput', {
  attestationId,
  reason,
});
export type SuspendProtectionAttestation = z.output<typeof SuspendProtectionAttestationInput.schema>;

export const ReinstateProtectionAttestationInput = declareInput('ReinstateProtectionAttestationInput', {
  attestationId,
});
export type ReinstateProtectionAttestation = z.output<typeof ReinstateProtectionAttestationInput.schema>;

export const RevokeProtectionAttestationInput = declareInput('RevokeProtectionAttestationInput', {
  attestationId,
  reason,
});
export type RevokeProtectionAttestation = z.output<typeof RevokeProtectionAttestationInput.schema>;

/**
 * Generous bounds: the shared parsers give the precise answer, these only stop oversized input. Exactly
 * one of the document number, date of birth and holder PIN is needed; the verifier says which is missing.
 */
export const verifyProtectionAttestationSchema = z.object({
  code: z.string().min(1, 'is required').max(64, 'is not an attestation code'),
  documentNumber: orNull(z.string().min(1, 'is required').max(128, 'is not a document number')),
  dateOfBirth: orNull(z.string().min(1, 'is required').max(32, 'is not a date of birth')),
  holderPin: orNull(z.string().min(1, 'is required').max(32, 'is not a holder PIN')),
});
