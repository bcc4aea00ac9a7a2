import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '@passage/shared';

@ObjectType('RescuePerson', { description: 'A person named in a request. Fields you may not see are null.' })
export class RescuePersonModel {
  @Field(() => String, { nullable: true })
  nameOrAlias: string | null;

  @Field(() => String, { nullable: true })
  nationality: string | null;

  @Field(() => String, { nullable: true })
  gender: string | null;

  @Field()
  ageBand: string;

  @Field()
  minor: boolean;

  @Field(() => Boolean, { nullable: true })
  pregnant: boolean | null;

  @Field(() => [String])
  languages: string[];

  @Field()
  urgentMedicalNeed: boolean;
}

@ObjectType('RescueLocation', { description: 'One reported position; a request keeps every move.' })
export class RescueLocationModel {
  @Field()
  compoundName: string;

  @Field(() => String, { nullable: true })
  landmarks: string | null;

  @Field(() => String, { nullable: true })
  district: string | null;

  @Field()
  province: string;

  @Field()
  country: string;

  @Field(() => Float, { nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  longitude: number | null;

  @Field(() => Boolean, { nullable: true })
  insideSpecialEconomicZone: boolean | null;

  @Field(() => GraphQLISODateTime)
  reportedAt: Date;
}

@ObjectType('SafeContact')
export class SafeContactModel {
  @Field()
  channel: string;

  @Field(() => String, { nullable: true })
  handle: string | null;

  @Field(() => String, { nullable: true })
  windows: string | null;

  @Field({ description: 'The phone is monitored: nothing may be sent to it.' })
  doNotContact: boolean;

  @Field(() => String, { nullable: true })
  intermediary: string | null;
}

@ObjectType('RescueStatusChange')
export class RescueStatusChangeModel {
  @Field(() => String, { nullable: true })
  fromStatus: string | null;

  @Field()
  toStatus: string;

  @Field(() => String, { nullable: true })
  outcome: string | null;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field({ description: 'The organisation that made the change.' })
  changedBy: string;

  @Field(() => GraphQLISODateTime)
  changedAt: Date;
}

@ObjectType('RescueRequest', {
  description: 'A request to get people out of a compound, as your side of it sees it.',
})
export class RescueRequestModel {
  @Field(() => ID, { description: 'The same on the requester’s and the focal point’s side.' })
  id: string;

  @Field()
  reference: string;

  @Field({
    description: 'REQUESTER when your organisation sent it; JURISDICTION when your country acts on it.',
  })
  side: string;

  @Field()
  requesterOrganisation: string;

  @Field()
  requesterCountry: string;

  @Field({ description: 'The country where the compound is, whose focal point handles the request.' })
  jurisdictionCountry: string;

  @Field()
  status: string;

  @Field(() => String, { nullable: true })
  outcome: string | null;

  @Field(() => GraphQLISODateTime)
  submittedAt: Date;

  @Field(() => GraphQLISODateTime)
  statusChangedAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the current step is due.' })
  dueAt: Date | null;

  @Field({ description: 'The current step is past its due time.' })
  overdue: boolean;

  @Field({ description: "The delay was escalated to the country's coordinators." })
  escalated: boolean;

  @Field(() => [RescuePersonModel])
  people: RescuePersonModel[];

  @Field(() => Int, { description: 'How many others are reported at the same place.' })
  othersCount: number;

  @Field(() => [String], { nullable: true })
  othersNames: string[] | null;

  @Field(() => Int, { description: 'Everyone reported: named people plus others.' })
  peopleReported: number;

  @Field(() => [RescueLocationModel], { nullable: true })
  locations: RescueLocationModel[] | null;

  @Field(() => [String])
  risks: string[];

  @Field(() => SafeContactModel, { nullable: true })
  safeContact: SafeContactModel | null;

  @Field(() => ID, { nullable: true, description: 'The compound it was grouped under (focal point side).' })
  compoundId: string | null;

  @Field(() => [RescueStatusChangeModel])
  history: RescueStatusChangeModel[];
}

@ObjectType('RescueRequestEdge')
export class RescueRequestEdge {
  @Field()
  cursor: string;

  @Field(() => RescueRequestModel)
  node: RescueRequestModel;
}

/** No total count: each row is checked against the policy, so counting would mean reading them all. */
@ObjectType('RescueRequestConnection')
export class RescueRequestConnection {
  @Field(() => [RescueRequestEdge])
  edges: RescueRequestEdge[];

  @Field(() => PageInfoModel)
  pageInfo: PageInfoModel;
}

@ObjectType('RescueRequestPayload')
export class RescueRequestPayload {
  @Field(() => RescueRequestModel)
  rescueRequest: RescueRequestModel;
}
