import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { z } from 'zod';

/** The longest an attestation may run before it must be renewed. */
export const MAX_VALIDITY_DAYS = 365;

@InputType('IssueProtectionAttestationInput')
export class IssueProtectionAttestationInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => ID)
  personId: string;

  @Field(() => Int, {
    nullable: true,
    description: `Days of validity; the node's default (90) when omitted.`,
  })
  validForDays?: number | null;
}

export const issueProtectionAttestationSchema = z.object({
  caseId: z.uuid('must be a case id'),
  personId: z.uuid('must be a person id'),
  validForDays: z
    .number()
    .int()
    .min(1, 'must be at least 1')
    .max(MAX_VALIDITY_DAYS, `must be at most ${MAX_VALIDITY_DAYS}`)
    .nullish()
    .transform((value) => value ?? null),
});

/** Generous bounds: the shared parsers give the precise answer, these only stop oversized input. */
export const verifyProtectionAttestationSchema = z.object({
  code: z.string().min(1, 'is required').max(64, 'is not an attestation code'),
  documentNumber: z.string().min(1, 'is required').max(128, 'is not a document number'),
});
