import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Connection, OrganisationKindEnum } from '@passage/shared';
import type { OrganisationKind } from '@passage/schemas';

@ObjectType('Organisation', { description: 'An organisation taking part in the mechanism on this node.' })
export class OrganisationModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => OrganisationKindEnum)
  kind: OrganisationKind;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 3166-1 alpha-2; for an embassy, the country it represents.',
  })
  country: string | null;

  @Field(() => String, { nullable: true, description: 'For an embassy: the country where it is stationed.' })
  stationedIn: string | null;

  @Field()
  nodeId: string;

  @Field({ description: 'Whether its people must sign in with a second factor.' })
  requireMfa: boolean;

  @Field()
  active: boolean;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

@ObjectType('OrganisationConnection')
export class OrganisationConnection extends Connection(OrganisationModel, 'Organisation') {}

@ObjectType('CreateOrganisationPayload')
export class CreateOrganisationPayload {
  @Field(() => OrganisationModel)
  organisation: OrganisationModel;
}

@ObjectType('DeactivateOrganisationPayload')
export class DeactivateOrganisationPayload {
  @Field(() => OrganisationModel)
  organisation: OrganisationModel;
}
