import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

@ObjectType('AttestationSummary', {
  description: 'An issued attestation as the case shows it; never its code.',
})
export class AttestationSummaryModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  personId: string;

  @Field()
  jurisdictionCountry: string;

  @Field(() => ID)
  issuedByOrganisationId: string;

  @Field(() => GraphQLISODateTime)
  issuedAt: Date;

  @Field(() => GraphQLISODateTime)
  validUntil: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType('IssueProtectionAttestationPayload')
export class IssueProtectionAttestationPayload {
  @Field(() => ID)
  attestationId: string;

  @Field({
    description:
      'The code, shown this once and never again: hand it to the person. Only keyed hashes are stored.',
  })
  code: string;

  @Field(() => GraphQLISODateTime)
  validUntil: Date;

  @Field()
  issuedBy: string;
}

export const ATTESTATION_VERIFICATION_STATUSES = ['VALID', 'EXPIRED', 'REVOKED', 'NOT_FOUND'] as const;
export type AttestationVerificationStatus = (typeof ATTESTATION_VERIFICATION_STATUSES)[number];
export const AttestationVerificationStatusEnum = Object.fromEntries(
  ATTESTATION_VERIFICATION_STATUSES.map((status) => [status, status]),
) as { [K in AttestationVerificationStatus]: K };
registerEnumType(AttestationVerificationStatusEnum, {
  name: 'AttestationVerificationStatus',
  description:
    'VALID: presumed victim, do not detain or fine. NOT_FOUND also answers a wrong document number.',
});

@ObjectType('AttestationVerification', { description: 'All a verification ever tells.' })
export class AttestationVerificationModel {
  @Field(() => AttestationVerificationStatusEnum)
  status: AttestationVerificationStatus;

  @Field(() => GraphQLISODateTime, { nullable: true })
  validUntil: Date | null;

  @Field(() => String, { nullable: true })
  issuedBy: string | null;
}
