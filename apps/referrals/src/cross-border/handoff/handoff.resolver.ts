import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor, type AuthenticatedActor } from '@passage/shared';
import {
  OfferHandoffInput,
  RecogniseIdentificationDecisionInput,
  RespondToHandoffInput,
  type OfferHandoff,
  type RecogniseIdentificationDecision,
  type RespondToHandoff,
} from './dtos/handoff.inputs.js';
import { HandoffModel, HandoffPayload, HandoffTimelineEntryModel } from './handoff.models.js';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HandoffReceiving } from './handoff-receiving.service.js';
import { HandoffSending } from './handoff-sending.service.js';
import { HandoffTimeline } from './handoff-timeline.js';
import type { ReceivedHandoffRow } from './received-handoffs.repository.js';
import type { SentHandoffRow } from './sent-handoffs.repository.js';

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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sending: HandoffSending,
    private readonly receiving: HandoffReceiving,
    private readonly timelines: HandoffTimeline,
  ) {}

  @Mutation(() => HandoffPayload, {
    description: 'Offers a person’s case to an organisation in another country.',
  })
  async offerHandoff(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => OfferHandoffInput.type }, OfferHandoffInput.pipe) input: OfferHandoff,
  ) {
    return { handoff: sentModel(await this.sending.offer(actor, input)) };
  }

  @Mutation(() => HandoffPayload, {
    description: 'Accepts (keeping a copy) or declines (keeping nothing) a handoff offered to you.',
  })
  async respondToHandoff(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => RespondToHandoffInput.type }, RespondToHandoffInput.pipe)
    input: RespondToHandoff,
  ) {
    const row = await this.receiving.respond(actor, input);
    return { handoff: row ? receivedModel(row) : null };
  }

  @Mutation(() => Boolean, {
    description:
      "Recognises another country's identification decision that came with a handoff, instead of identifying again.",
  })
  async recogniseIdentificationDecision(
    @CurrentActor() actor: AuthenticatedActor,
    @Args(
      'input',
      { type: () => RecogniseIdentificationDecisionInput.type },
      RecogniseIdentificationDecisionInput.pipe,
    )
    input: RecogniseIdentificationDecision,
  ) {
    await this.receiving.recogniseDecision(actor, input);
    return true;
  }

  @ResolveField(() => [HandoffTimelineEntryModel], {
    description: 'What happened to the handoff, on both sides, oldest first.',
  })
  timeline(@Parent() handoff: HandoffModel) {
    // The caller was already shown the handoff; its timeline is read as that side recorded it.
    const side = handoff.direction === 'SENT' ? 'SENDER' : 'RECEIVER';
    return this.timelines.read(this.dataSource.manager, handoff.id, side);
  }

  @Query(() => [HandoffModel], {
    description: 'Handoffs your organisation sent and those offered to it, newest first.',
  })
  async handoffs(@CurrentActor() actor: AuthenticatedActor) {
    const [sent, received] = await Promise.all([
      this.sending.listSent(actor),
      this.receiving.listReceived(actor),
    ]);
    return [...sent.map(sentModel), ...received.map(receivedModel)].sort(
      (a, b) => b.offeredAt.getTime() - a.offeredAt.getTime(),
    );
  }
}
