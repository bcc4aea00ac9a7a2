import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import type { DataCategory } from '@passage/schemas';
import { DataCategoryEnum } from '@passage/shared';

@ObjectType('HandoffPacket', {
  description: 'What crossed the border, as JSON: only the categories shared, and only those you may see.',
})
export class HandoffPacketModel {
  @Field({ description: 'JSON of the packet; categories not shared are absent.' })
  json: string;
}

@ObjectType('HandoffTimelineEntry', {
  description: 'One event of a handoff, as both sides see it: organisation names and dates only.',
})
export class HandoffTimelineEntryModel {
  @Field({ description: 'OFFERED, ACCEPTED, DECLINED, DECISION_RECOGNISED or CONSENT_WITHDRAWN.' })
  event: string;

  @Field(() => GraphQLISODateTime)
  at: Date;

  @Field(() => String, { nullable: true, description: 'The organisation that did it, when named.' })
  organisationName: string | null;

  @Field()
  country: string;

  @Field(() => String, {
    nullable: true,
    description: "A decline's reason; the country whose decision was recognised.",
  })
  detail: string | null;
}

@ObjectType('Handoff', { description: 'A case handed across a border, as your side sees it.' })
export class HandoffModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'SENT by your organisation, or RECEIVED by it.' })
  direction: string;

  @Field()
  status: string;

  @Field()
  counterpartCountry: string;

  @Field(() => String, { nullable: true, description: 'The organisation that sent it (received side).' })
  senderOrganisation: string | null;

  @Field(() => String, { nullable: true, description: 'The organisation that answered (sent side).' })
  respondedBy: string | null;

  @Field(() => String, { nullable: true })
  caseReference: string | null;

  @Field(() => [DataCategoryEnum])
  sharedCategories: DataCategory[];

  @Field(() => String, { nullable: true })
  responseReason: string | null;

  @Field(() => GraphQLISODateTime)
  offeredAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  respondedAt: Date | null;

  @Field(() => HandoffPacketModel, { nullable: true, description: 'Received side only.' })
  packet: HandoffPacketModel | null;
}

@ObjectType('HandoffPayload')
export class HandoffPayload {
  @Field(() => HandoffModel, { nullable: true, description: 'Null after declining: nothing is kept.' })
  handoff: HandoffModel | null;
}
