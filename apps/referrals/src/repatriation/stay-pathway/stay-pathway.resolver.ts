import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type AuthenticatedActor } from '@passage/shared';
import {
  OpenStayPathwayInput,
  WorkStayPathwayStepInput,
  type OpenStayPathwayValue,
  type WorkStayPathwayStepValue,
} from './dtos/stay-pathway.inputs.js';
import { StayPathwayModel, StayPathwayPayload } from './graphql/stay-pathway.model.js';
import { StayPathwayService } from './stay-pathway.service.js';
import { StayPathwaysQuery } from './stay-pathways.query.js';

@Resolver()
export class StayPathwayResolver {
  constructor(
    private readonly pathways: StayPathwayService,
    private readonly query: StayPathwaysQuery,
  ) {}

  @Query(() => [StayPathwayModel], {
    description:
      "Stay pathways the caller's organisation works on: those it owns, of cases it owns, or in which it owns a step.",
  })
  stayPathways(@CurrentActor() actor: AuthenticatedActor) {
    return this.query.list(actor);
  }

  @Mutation(() => StayPathwayPayload, {
    description:
      "Opens a stay pathway (permit, asylum or refugee status, resettlement) with its steps and owners. Needs the person's STAY_PATHWAY consent and a latest risk assessment that found return unsafe, or else a reason given by a supervisor or focal point.",
  })
  async openStayPathway(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => OpenStayPathwayInput.type }, OpenStayPathwayInput.pipe)
    input: OpenStayPathwayValue,
  ) {
    return { pathway: await this.pathways.open(actor, input) };
  }

  @Mutation(() => StayPathwayPayload, {
    description:
      'Starts, completes (with an outcome), declines (its owner, with notes) or reassigns one step of a stay pathway; the decision that settles the pathway closes it.',
  })
  async workStayPathwayStep(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => WorkStayPathwayStepInput.type }, WorkStayPathwayStepInput.pipe)
    input: WorkStayPathwayStepValue,
  ) {
    return { pathway: await this.pathways.workStep(actor, input) };
  }
}
