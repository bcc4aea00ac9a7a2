import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, parseInput, type AuthenticatedActor } from '@passage/shared';
import type { ExitClearanceStatus } from '@passage/schemas';
import { ExitClearanceStatusEnum } from '../graphql/repatriation.enums.js';
import {
  RespondToExitClearanceInput,
  exitClearanceListSchema,
  type RespondToExitClearanceValue,
} from './dtos/exit-clearance.inputs.js';
import { ExitClearanceService } from './exit-clearance.service.js';
import {
  ExitClearanceRequestConnection,
  RespondToExitClearancePayload,
} from './graphql/exit-clearance.model.js';

@Resolver()
export class ExitClearanceResolver {
  constructor(private readonly exitClearance: ExitClearanceService) {}

  @Query(() => ExitClearanceRequestConnection, {
    description:
      "Exit-clearance requests addressed to the caller's organisation, oldest first: four fields each, never the case behind them. Only what is still needed is listed: pending requests, and answered ones for a few days (EXIT_CLEARANCE_ANSWERED_RETENTION_MS) before their personal fields are erased; withdrawn requests never.",
  })
  exitClearanceRequests(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('status', { type: () => ExitClearanceStatusEnum, defaultValue: 'PENDING' })
    status: ExitClearanceStatus,
    @Args('first', { type: () => Int, defaultValue: 25 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    return this.exitClearance.list(
      actor,
      parseInput(exitClearanceListSchema, { status, first, after }, 'args'),
    );
  }

  @Mutation(() => RespondToExitClearancePayload, {
    description:
      'The addressed immigration authority grants or refuses exit clearance; GRANTED completes the step.',
  })
  respondToExitClearance(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => RespondToExitClearanceInput.type }, RespondToExitClearanceInput.pipe)
    input: RespondToExitClearanceValue,
  ) {
    return this.exitClearance.respond(actor, input);
  }
}
