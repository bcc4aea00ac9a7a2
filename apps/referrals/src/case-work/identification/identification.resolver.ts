import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type AuthenticatedActor } from '@passage/shared';
import { CasePayload } from '../case/graphql/case.model.js';
import {
  RecordIdentificationDecisionInput,
  type RecordIdentificationDecision,
} from './dtos/identification.inputs.js';
import { IdentificationService } from './identification.service.js';

@Resolver()
export class IdentificationResolver {
  constructor(private readonly identification: IdentificationService) {}

  @Mutation(() => CasePayload, {
    description:
      'Records an identification decision in one jurisdiction; reasonable grounds or better opens follow-up tasks.',
  })
  async recordIdentificationDecision(
    @CurrentActor() actor: AuthenticatedActor,
    @Args(
      'input',
      { type: () => RecordIdentificationDecisionInput.type },
      RecordIdentificationDecisionInput.pipe,
    )
    input: RecordIdentificationDecision,
  ) {
    return { case: await this.identification.recordDecision(actor, input) };
  }
}
