import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import type { PersonRelationship } from '@passage/schemas';
import { PersonRelationshipEnum } from './person.enums.js';

@ObjectType('PersonLink', {
  description:
    'How two people of a case are related: the person is the `relationship` of the related person (operational, so families are kept together).',
})
export class PersonLinkModel {
  @Field(() => ID)
  personId: string;

  @Field(() => ID)
  relatedPersonId: string;

  @Field(() => PersonRelationshipEnum)
  relationship: PersonRelationship;

  @Field(() => ID)
  recordedByOrganisationId: string;

  @Field(() => GraphQLISODateTime)
  recordedAt: Date;
}
