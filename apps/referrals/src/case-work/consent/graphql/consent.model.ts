import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CONSENT_PURPOSES, type ConsentPurpose } from '@passage/schemas';

export const ConsentPurposeEnum = Object.fromEntries(
  CONSENT_PURPOSES.map((purpose) => [purpose, purpose]),
) as {
  [K in ConsentPurpose]: K;
};
registerEnumType(ConsentPurposeEnum, {
  name: 'ConsentPurpose',
  description: 'A purpose a survivor consents to separately; each can be withdrawn at any time.',
});

@ObjectType('Consent', {
  description: 'One consent of one person to one purpose, and its withdrawal if any.',
})
export class ConsentModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  personId: string;

  @Field(() => ConsentPurposeEnum)
  purpose: ConsentPurpose;

  @Field({ description: 'True until withdrawn.' })
  standing: boolean;

  @Field({ description: 'ISO 639 code of the language consent was asked and given in.' })
  language: string;

  @Field()
  interpreterUsed: boolean;

  @Field(() => String, { nullable: true })
  interpreterLanguage: string | null;

  @Field(() => ID)
  grantedBy: string;

  @Field(() => ID)
  grantedByOrganisationId: string;

  @Field(() => GraphQLISODateTime)
  grantedAt: Date;

  @Field(() => ID, { nullable: true })
  withdrawnBy: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  withdrawnAt: Date | null;
}

@ObjectType('WithdrawConsentPayload')
export class WithdrawConsentPayload {
  @Field(() => ConsentModel, { description: 'The consent, now withdrawn; it took effect at once.' })
  consent: ConsentModel;
}
