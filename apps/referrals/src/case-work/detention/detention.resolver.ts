import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type AuthenticatedActor } from '@passage/shared';
import { CasePayload } from '../case/graphql/case.model.js';
import { DetentionService } from './detention.service.js';
import {
  ChangePenaltyStatusInput,
  CorrectDetentionInput,
  RecordDetentionInput,
  RecordNonPunishmentNoticeEffectInput,
  RecordNonPunishmentNoticeInput,
  RecordPenaltyInput,
  ReleaseFromDetentionInput,
  type ChangePenaltyStatus,
  type CorrectDetention,
  type RecordDetention,
  type RecordNonPunishmentNotice,
  type RecordNonPunishmentNoticeEffect,
  type RecordPenalty,
  type ReleaseFromDetention,
} from './dtos/detention.inputs.js';

/** A person's record of detention and punishment; every change answers with the case as the caller sees it. */
@Resolver()
export class DetentionResolver {
  constructor(private readonly detention: DetentionService) {}

  @Mutation(() => CasePayload, { description: 'Records that a person is (or was) detained.' })
  async recordDetention(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => RecordDetentionInput.type }, RecordDetentionInput.pipe)
    input: RecordDetention,
  ) {
    return { case: await this.detention.recordDetention(actor, input) };
  }

  @Mutation(() => CasePayload, {
    description: 'Corrects where, by whom and since when a person was detained.',
  })
  async correctDetention(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => CorrectDetentionInput.type }, CorrectDetentionInput.pipe)
    input: CorrectDetention,
  ) {
    return { case: await this.detention.correctDetention(actor, input) };
  }

  @Mutation(() => CasePayload, { description: 'Records the release that ended a detention, with its basis.' })
  async releaseFromDetention(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => ReleaseFromDetentionInput.type }, ReleaseFromDetentionInput.pipe)
    input: ReleaseFromDetention,
  ) {
    return { case: await this.detention.releaseFromDetention(actor, input) };
  }

  @Mutation(() => CasePayload, { description: 'Records a fine, entry ban, blacklisting or charge.' })
  async recordPenalty(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => RecordPenaltyInput.type }, RecordPenaltyInput.pipe) input: RecordPenalty,
  ) {
    return { case: await this.detention.recordPenalty(actor, input) };
  }

  @Mutation(() => CasePayload, { description: 'Moves a penalty on (paid, waived, dropped, lifted…).' })
  async changePenaltyStatus(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => ChangePenaltyStatusInput.type }, ChangePenaltyStatusInput.pipe)
    input: ChangePenaltyStatus,
  ) {
    return { case: await this.detention.changePenaltyStatus(actor, input) };
  }

  @Mutation(() => CasePayload, { description: 'Records a non-punishment notice sent to an authority.' })
  async recordNonPunishmentNotice(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => RecordNonPunishmentNoticeInput.type }, RecordNonPunishmentNoticeInput.pipe)
    input: RecordNonPunishmentNotice,
  ) {
    return { case: await this.detention.recordNonPunishmentNotice(actor, input) };
  }

  @Mutation(() => CasePayload, {
    description: 'Records what the authority did with a non-punishment notice.',
  })
  async recordNonPunishmentNoticeEffect(
    @CurrentActor() actor: AuthenticatedActor,
    @Args(
      'input',
      { type: () => RecordNonPunishmentNoticeEffectInput.type },
      RecordNonPunishmentNoticeEffectInput.pipe,
    )
    input: RecordNonPunishmentNoticeEffect,
  ) {
    return { case: await this.detention.recordNonPunishmentNoticeEffect(actor, input) };
  }
}
