import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { z } from 'zod';
import { DATA_CATEGORIES, isKnownCountry, type DataCategory } from '@passage/schemas';
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

@InputType('OfferHandoffInput')
export class OfferHandoffInput {
  @Field(() => ID)
  caseId: string;

  @Field(() => ID)
  personId: string;

  @Field({ description: 'The country of the receiving organisation (not your own).' })
  recipientCountry: string;

  @Field(() => ID, { description: "The receiving organisation's id on its country's node." })
  recipientOrganisationId: string;

  @Field(() => [DataCategoryEnum], {
    description: 'What to share, within the survivor’s consent and what you may see.',
  })
  categories: DataCategory[];

  @Field(() => String, { nullable: true })
  note?: string | null;
}

export const offerHandoffSchema = z.object({
  caseId: z.uuid('must be a case id'),
  personId: z.uuid('must be a person id'),
  recipientCountry: z
    .string()
    .refine(isKnownCountry, 'must be an ISO 3166-1 alpha-2 code of the country catalogue'),
  recipientOrganisationId: z.uuid('must be an organisation id'),
  categories: z
    .array(z.enum(DATA_CATEGORIES))
    .min(1, 'share at least one category')
    .transform((value) => [...new Set(value)]),
  note: z
    .string()
    .trim()
    .max(2000, 'must have at most 2000 characters')
    .nullish()
    .transform((value) => value || null),
});

@InputType('RespondToHandoffInput')
export class RespondToHandoffInput {
  @Field(() => ID)
  handoffId: string;

  @Field({ description: 'ACCEPTED or DECLINED. Declining erases the offer on this node.' })
  decision: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

export const respondToHandoffSchema = z.object({
  handoffId: z.uuid('must be a handoff id'),
  decision: z.enum(['ACCEPTED', 'DECLINED']),
  reason: z
    .string()
    .trim()
    .max(2000, 'must have at most 2000 characters')
    .nullish()
    .transform((value) => value || null),
});

@ObjectType('HandoffPayload')
export class HandoffPayload {
  @Field(() => HandoffModel, { nullable: true, description: 'Null after declining: nothing is kept.' })
  handoff: HandoffModel | null;
}

@InputType('RecogniseIdentificationDecisionInput')
export class RecogniseIdentificationDecisionInput {
  @Field(() => ID, { description: 'The accepted handoff that carried the decision.' })
  handoffId: string;

  @Field({ description: 'The country whose decision is recognised.' })
  decisionJurisdiction: string;

  @Field({ description: 'The legal basis on which your country recognises it.' })
  legalBasis: string;
}

export const recogniseIdentificationDecisionSchema = z.object({
  handoffId: z.uuid('must be a handoff id'),
  decisionJurisdiction: z
    .string()
    .refine(isKnownCountry, 'must be an ISO 3166-1 alpha-2 code of the country catalogue'),
  legalBasis: z.string().trim().min(1, 'is required').max(2000, 'must have at most 2000 characters'),
});
