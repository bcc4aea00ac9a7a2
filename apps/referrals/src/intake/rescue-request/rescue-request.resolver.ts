import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  CurrentActor,
  decodeCursor,
  encodeCursor,
  parseInput,
  type AuthenticatedActor,
} from '@passage/shared';
import { z } from 'zod';
import {
  AcknowledgeRescueRequestInput,
  UpdateRescueRequestStatusInput,
  type AcknowledgeRescueRequest,
  type UpdateRescueRequestStatus,
} from './dtos/rescue-request-status.inputs.js';
import { SubmitRescueRequestInput, type SubmitRescueRequest } from './dtos/submit-rescue-request.input.js';
import {
  RescueRequestConnection,
  RescueRequestModel,
  RescueRequestPayload,
} from './graphql/rescue-request.model.js';
import { RescueRequestService, type LoadedRescueRequest } from './rescue-request.service.js';

const pageSchema = z.object({
  first: z.number().int().min(1, 'must be at least 1').max(100, 'must be at most 100'),
  after: z.string().max(200).nullish(),
});

@Resolver(() => RescueRequestModel)
export class RescueRequestResolver {
  constructor(private readonly service: RescueRequestService) {}

  @Mutation(() => RescueRequestPayload, {
    description: 'Sends a rescue request to the focal point of the country where the compound is.',
  })
  async submitRescueRequest(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => SubmitRescueRequestInput.type }, SubmitRescueRequestInput.pipe)
    input: SubmitRescueRequest,
  ) {
    const loaded = await this.service.submit(actor, input);
    return { rescueRequest: await this.view(actor, loaded) };
  }

  @Mutation(() => RescueRequestPayload, {
    description: 'The focal point confirms it has the request; the requester sees it.',
  })
  async acknowledgeRescueRequest(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => AcknowledgeRescueRequestInput.type }, AcknowledgeRescueRequestInput.pipe)
    { id, note }: AcknowledgeRescueRequest,
  ) {
    const loaded = await this.service.changeStatus(actor, id, {
      to: 'ACKNOWLEDGED',
      outcome: null,
      reason: note,
    });
    return { rescueRequest: await this.view(actor, loaded) };
  }

  @Mutation(() => RescueRequestPayload, {
    description: 'Moves a request to its next step; every change reaches the requester.',
  })
  async updateRescueRequestStatus(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => UpdateRescueRequestStatusInput.type }, UpdateRescueRequestStatusInput.pipe)
    { id, status, outcome, reason }: UpdateRescueRequestStatus,
  ) {
    const loaded = await this.service.changeStatus(actor, id, { to: status, outcome, reason });
    return { rescueRequest: await this.view(actor, loaded) };
  }

  @Query(() => RescueRequestModel)
  async rescueRequest(@CurrentActor() actor: AuthenticatedActor, @Args('id', { type: () => ID }) id: string) {
    const loaded = await this.service.get(actor, parseInput(z.uuid('must be a rescue request id'), id, 'id'));
    return this.view(actor, loaded);
  }

  @Query(() => RescueRequestConnection, {
    description: 'Requests your organisation sent and those your country acts on, newest first.',
  })
  async rescueRequests(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('first', { type: () => Int, defaultValue: 25 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const page = parseInput(pageSchema, { first, after }, 'page');
    const { items, hasNextPage } = await this.service.list(actor, {
      first: page.first,
      before: page.after ? submittedCursor(decodeCursor(page.after)) : undefined,
    });
    const edges = await Promise.all(
      items.map(async (item) => ({
        cursor: encodeCursor(item.row.submitted_at, item.row.id),
        node: await this.view(actor, item),
      })),
    );
    return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  private view(actor: AuthenticatedActor, loaded: LoadedRescueRequest) {
    return this.service.readView(actor, loaded);
  }
}

/** Rescue requests are listed newest first by submission time. */
function submittedCursor({ createdAt, id }: { createdAt: Date; id: string }): {
  submittedAt: Date;
  id: string;
} {
  return { submittedAt: createdAt, id };
}
