import { Args, Mutation, Resolver } from '@nestjs/graphql';
import {
  AllowedDuringMfaEnrolment,
  CurrentActor,
  parseInput,
  type AuthenticatedActor,
} from '@passage/shared';
import { IdentityAccess } from '../access/index.js';
import {
  ConfirmTotpInput,
  ConfirmTotpPayload,
  EnrollTotpPayload,
  confirmTotpSchema,
} from './graphql/second-factor.models.js';
import { SecondFactor } from './second-factor.js';

@Resolver()
export class SecondFactorResolver {
  constructor(
    private readonly secondFactor: SecondFactor,
    private readonly access: IdentityAccess,
  ) {}

  @Mutation(() => EnrollTotpPayload, {
    description: 'Starts setting up an authenticator app for your own account.',
  })
  @AllowedDuringMfaEnrolment()
  enrollTotp(@CurrentActor() actor: AuthenticatedActor) {
    this.access.authorise(actor, 'self.manage-credentials', { id: actor.organisationId });
    return this.secondFactor.enrol(actor.userId);
  }

  @Mutation(() => ConfirmTotpPayload, {
    description: 'Finishes the set-up with a first code and returns recovery codes.',
  })
  @AllowedDuringMfaEnrolment()
  async confirmTotp(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: ConfirmTotpInput) {
    this.access.authorise(actor, 'self.manage-credentials', { id: actor.organisationId });
    const recoveryCodes = await this.secondFactor.confirm(
      actor.userId,
      parseInput(confirmTotpSchema, input).code,
    );
    return { recoveryCodes, enrolled: true };
  }
}
