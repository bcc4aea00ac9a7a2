import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ATTESTATION_BINDINGS,
  ATTESTATION_COORDINATOR_REASONS,
  type AttestationBinding,
} from '@passage/schemas';
import { ATTESTATION_STANDINGS, type AttestationStanding } from '../attestation-standing.js';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const AttestationBindingEnum = asEnum(ATTESTATION_BINDINGS);
registerEnumType(AttestationBindingEnum, {
  name: 'AttestationBinding',
  description:
    'What the holder verifies with beside the code: DOCUMENT (its number), DATE_OF_BIRTH, or HOLDER_PIN (printed beside the code).',
});

export const AttestationCoordinatorReasonEnum = asEnum(ATTESTATION_COORDINATOR_REASONS);
registerEnumType(AttestationCoordinatorReasonEnum, {
  name: 'AttestationCoordinatorReason',
  description: 'Why the coordinator suspends or revokes an attestation.',
});

export const AttestationStandingEnum = asEnum(ATTESTATION_STANDINGS);
registerEnumType(AttestationStandingEnum, {
  name: 'AttestationStanding',
  description: 'Where an issued attestation stands: revoked beats suspended, which beats expired.',
});

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

  @Field(() => GraphQLISODateTime, { nullable: true })
  suspendedAt: Date | null;

  @Field(() => AttestationStandingEnum, { description: 'What a verification would answer now.' })
  standing: AttestationStanding;

  @Field(() => [AttestationBindingEnum], {
    description: 'What the holder verifies with beside the code (the values themselves are never shown).',
  })
  boundTo: AttestationBinding[];
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

  @Field(() => String, {
    nullable: true,
    description:
      'For a person without a document: six digits to print beside the code, shown this once and never again. Null when the attestation is bound to a document.',
  })
  holderPin: string | null;

  @Field(() => [AttestationBindingEnum], {
    description:
      'What the holder verifies with beside the code: tell them (a document number, their date of birth as recorded, or the PIN).',
  })
  boundTo: AttestationBinding[];

  @Field(() => GraphQLISODateTime)
  validUntil: Date;

  @Field()
  issuedBy: string;
}

@ObjectType('ProtectionAttestationStanding', {
  description: 'An attestation after the coordinator suspended, reinstated or revoked it.',
})
export class ProtectionAttestationStandingModel {
  @Field(() => ID)
  attestationId: string;

  @Field(() => AttestationStandingEnum)
  standing: AttestationStanding;

  @Field(() => GraphQLISODateTime)
  validUntil: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  suspendedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  revokedAt: Date | null;
}

export const ATTESTATION_VERIFICATION_STATUSES = [
  'VALID',
  'EXPIRED',
  'SUSPENDED',
  'REVOKED',
  'NOT_FOUND',
] as const;
export type AttestationVerificationStatus = (typeof ATTESTATION_VERIFICATION_STATUSES)[number];
export const AttestationVerificationStatusEnum = asEnum(ATTESTATION_VERIFICATION_STATUSES);
registerEnumType(AttestationVerificationStatusEnum, {
  name: 'AttestationVerificationStatus',
  description:
    'VALID: presumed victim, do not detain or fine. SUSPENDED or REVOKED: not protected by this attestation (ask the issuer). NOT_FOUND also answers a wrong document number, date of birth or PIN.',
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
