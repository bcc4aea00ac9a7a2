import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { ReferralStatus } from '@passage/schemas';
import { CurrentActor, parseInput, type AuthenticatedActor } from '@passage/shared';
import {
  CreateReferralInput,
  RespondToReferralInput,
  UpdateReferralInput,
  referralListSchema,
  type CreateReferralValue,
  type RespondToReferralValue,
  type UpdateReferralValue,
} from './dtos/referral.inputs.js';
import {
  ReferralConnection,
  ReferralPayload,
  ReferralRoleEnum,
  ReferralStatusEnum,
} from './graphql/referral.model.js';
import { ReferralService } from './referral.service.js';

@Resolver()
export class ReferralResolver {
  constructor(private readonly service: ReferralService) {}

  @Mutation(() => ReferralPayload, {
    description:
      "Refers a person of a case to a service in the same country, sharing only the chosen categories; needs the person's services-referral consent.",
  })
  async createReferral(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => CreateReferralInput.type }, CreateReferralInput.pipe)
    input: CreateReferralValue,
  ) {
    return { referral: await this.service.createReferral(actor, input) };
  }

  @Mutation(() => ReferralPayload, {
    description:
      'The provider accepts a pending referral (and then sees the shared categories) or declines it.',
  })
  async respondToReferral(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => RespondToReferralInput.type }, RespondToReferralInput.pipe)
    input: RespondToReferralValue,
  ) {
    return { referral: await this.service.respondToReferral(actor, input) };
  }

  @Mutation(() => ReferralPayload, {
    description: 'The provider starts or completes an accepted referral; the sender withdraws one.',
  })
  async updateReferral(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => UpdateReferralInput.type }, UpdateReferralInput.pipe)
    input: UpdateReferralValue,
  ) {
    return { referral: await this.service.updateReferral(actor, input) };
  }

  @Query(() => ReferralConnection, {
    description:
      'Referrals the caller’s organisation sent or received (or, for a focal point, its country’s).',
  })
  referrals(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('role', { type: () => ReferralRoleEnum }) role: 'SENT' | 'RECEIVED' | 'JURISDICTION',
    @Args('status', { type: () => ReferralStatusEnum, nullable: true }) status: ReferralStatus | null,
    @Args('first', { type: () => Int, defaultValue: 25 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    return this.service.listReferrals(
      actor,
      parseInput(referralListSchema, { role, status, first, after }, 'args'),
    );
  }
}
