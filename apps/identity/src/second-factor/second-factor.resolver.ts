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
  EnrollTotpInput,
  EnrollTotpPayload,
  confirmTotpSchema,
  enrollTotpSchema,
} from './graphql/second-factor.models.js';
import { SecondFactor } from './second-factor.js';

@Resolver()
export class SecondFactorResolver {
  constructor(
    private readonly secondFactor: SecondFactor,
    private readonly access: IdentityAccess,
  ) {}

  @Mutation(() => EnrollTotpPayload, {
    description:
      'Starts setting up an authenticator app for your own account; needs your password (input.currentPassword).',
  })
  @AllowedDuringMfaEnrolment()
  enrollTotp(
    @CurrentActor() actor: AuthenticatedActor,
    // Nullable only so that the contract stays additive; a call without it is refused, naming the field.
    @Args('input', { type: () => EnrollTotpInput, nullable: true }) input: EnrollTotpInput | null,
  ) {
    this.access.authorise(actor, 'self.manage-credentials', { id: actor.organisationId });
    return this.secondFactor.enrol(actor.userId, parseInput(enrollTotpSchema, input)?.currentPassword);
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
