import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type AuthenticatedActor } from '@passage/shared';
import {
  DeclineMigrantSupportInput,
  type DeclineMigrantSupportValue,
} from './dtos/migrant-support.inputs.js';
import { MigrantSupportPromptModel, MigrantSupportPromptPayload } from './graphql/migrant-support.model.js';
import { MigrantSupport } from './migrant-support.js';

@Resolver()
export class MigrantSupportResolver {
  constructor(private readonly support: MigrantSupport) {}

  @Query(() => [MigrantSupportPromptModel], {
    description:
      "People screened NOT_INDICATED on cases the caller's organisation owns, not yet referred to a VULNERABLE_MIGRANT_SUPPORT service: longest waiting first.",
  })
  migrantSupportPrompts(@CurrentActor() actor: AuthenticatedActor) {
    return this.support.listOpen(actor);
  }

  @Mutation(() => MigrantSupportPromptPayload, {
    description:
      "The case's owner records that the person declines a referral to services for vulnerable migrants.",
  })
  async declineMigrantSupport(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => DeclineMigrantSupportInput.type }, DeclineMigrantSupportInput.pipe)
    input: DeclineMigrantSupportValue,
  ) {
    return { prompt: await this.support.decline(actor, input) };
  }
}
