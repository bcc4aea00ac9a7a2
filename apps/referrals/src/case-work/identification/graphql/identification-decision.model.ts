import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IDENTIFICATION_STATUSES, type IdentificationStatus } from '@passage/schemas';

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };

export const IdentificationStatusEnum = asEnum(IDENTIFICATION_STATUSES);
registerEnumType(IdentificationStatusEnum, {
  name: 'IdentificationStatus',
  description: 'Reasonable grounds or better (and an appeal under way) protects the person from punishment.',
});

@ObjectType('IdentificationDecision', { description: 'An identification decision in one jurisdiction.' })
export class IdentificationDecisionModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  personId: string;

  @Field()
  jurisdictionCountry: string;

  @Field(() => IdentificationStatusEnum)
  status: IdentificationStatus;

  @Field(() => IdentificationStatusEnum, { nullable: true })
  previousStatus: IdentificationStatus | null;

  @Field(() => ID)
  authorityOrganisationId: string;

  @Field()
  legalBasis: string;

  @Field(() => GraphQLISODateTime)
  decidedAt: Date;

  @Field(() => [String], { description: 'Other countries that recognise this decision.' })
  recognisedBy: string[];

  @Field({ description: 'Whether this is the current decision of the person in this jurisdiction.' })
  current: boolean;
}
