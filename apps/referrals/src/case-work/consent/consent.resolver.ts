import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type AuthenticatedActor } from '@passage/shared';
import { CasePayload } from '../case/graphql/case.model.js';
import { ConsentService } from './consent.service.js';
import {
  RecordConsentInput,
  WithdrawConsentInput,
  type RecordConsent,
  type WithdrawConsent,
} from './dtos/consent.inputs.js';
import { WithdrawConsentPayload } from './graphql/consent.model.js';

@Resolver()
export class ConsentResolver {
  constructor(private readonly consents: ConsentService) {}

  @Mutation(() => CasePayload, { description: 'Records the purposes a person consented to.' })
  async recordConsent(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => RecordConsentInput.type }, RecordConsentInput.pipe) input: RecordConsent,
  ) {
    return { case: await this.consents.recordConsent(actor, input) };
  }

  @Mutation(() => WithdrawConsentPayload, { description: 'Withdraws one purpose; effective immediately.' })
  async withdrawConsent(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => WithdrawConsentInput.type }, WithdrawConsentInput.pipe)
    input: WithdrawConsent,
  ) {
    return { consent: await this.consents.withdrawConsent(actor, input) };
  }
}
