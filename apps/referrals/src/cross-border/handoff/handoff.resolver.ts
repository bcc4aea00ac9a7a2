import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, parseInput, type AuthenticatedActor } from '@passage/shared';
import {
  HandoffModel,
  HandoffPayload,
  HandoffTimelineEntryModel,
  OfferHandoffInput,
  RecogniseIdentificationDecisionInput,
  RespondToHandoffInput,
  offerHandoffSchema,
  recogniseIdentificationDecisionSchema,
  respondToHandoffSchema,
} from './handoff.models.js';
import { HandoffService, type ReceivedHandoffRow, type SentHandoffRow } from './handoff.service.js';

function sentModel(row: SentHandoffRow): HandoffModel {
  return {
    id: row.id,
    direction: 'SENT',
    status: row.status,
    counterpartCountry: row.recipient_country,
    senderOrganisation: null,
    respondedBy: row.responded_by_org_name,
    caseReference: null,
    sharedCategories: row.shared_categories,
    responseReason: row.response_reason,
    offeredAt: row.offered_at,
    respondedAt: row.responded_at,
    packet: null,
  };
}

function receivedModel(row: ReceivedHandoffRow): HandoffModel {
  return {
    id: row.id,
    direction: 'RECEIVED',
    status: row.status,
    counterpartCountry: row.sender_country,
    senderOrganisation: row.sender_org_name,
    respondedBy: null,
    caseReference: row.case_reference,
    sharedCategories: row.shared_categories,
    responseReason: null,
    offeredAt: row.offered_at,
    respondedAt: row.responded_at,
    packet: row.packet ? { json: JSON.stringify(row.packet) } : null,
  };
}

@Resolver(() => HandoffModel)
export class HandoffResolver {
  constructor(private readonly service: HandoffService) {}

  @Mutation(() => HandoffPayload, {
    description: 'Offers a person’s case to an organisation in another country.',
  })
  async offerHandoff(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: OfferHandoffInput) {
    return { handoff: sentModel(await this.service.offer(actor, parseInput(offerHandoffSchema, input))) };
  }

  @Mutation(() => HandoffPayload, {
    description: 'Accepts (keeping a copy) or declines (keeping nothing) a handoff offered to you.',
  })
  async respondToHandoff(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: RespondToHandoffInput,
  ) {
    const row = await this.service.respond(actor, parseInput(respondToHandoffSchema, input));
    return { handoff: row ? receivedModel(row) : null };
  }

  @Mutation(() => Boolean, {
    description:
      "Recognises another country's identification decision that came with a handoff, instead of identifying again.",
  })
  async recogniseIdentificationDecision(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: RecogniseIdentificationDecisionInput,
  ) {
    await this.service.recogniseDecision(actor, parseInput(recogniseIdentificationDecisionSchema, input));
    return true;
  }

  @ResolveField(() => [HandoffTimelineEntryModel], {
    description: 'What happened to the handoff, on both sides, oldest first.',
  })
  timeline(@Parent() handoff: HandoffModel) {
    return this.service.timelineOf(handoff.id, handoff.direction === 'SENT' ? 'SENDER' : 'RECEIVER');
  }

  @Query(() => [HandoffModel], {
    description: 'Handoffs your organisation sent and those offered to it, newest first.',
  })
  async handoffs(@CurrentActor() actor: AuthenticatedActor) {
    const [sent, received] = await Promise.all([
      this.service.listSent(actor),
      this.service.listReceived(actor),
    ]);
    return [...sent.map(sentModel), ...received.map(receivedModel)].sort(
      (a, b) => b.offeredAt.getTime() - a.offeredAt.getTime(),
    );
  }
}
