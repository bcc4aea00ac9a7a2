import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type AuthenticatedActor } from '@passage/shared';
import { CasePayload } from '../case/graphql/case.model.js';
import {
  CompleteFollowUpTaskInput,
  DeclineFollowUpTaskInput,
  ReassignFollowUpTaskInput,
  type CompleteFollowUpTask,
  type DeclineFollowUpTask,
  type ReassignFollowUpTask,
} from './dtos/follow-up-task.inputs.js';
import { FollowUpTaskService } from './follow-up-task.service.js';

@Resolver()
export class FollowUpTaskResolver {
  constructor(private readonly tasks: FollowUpTaskService) {}

  @Mutation(() => CasePayload, {
    description:
      "Completes a follow-up task with its outcome (a release task once the person is out). Only the task's assignee organisation or the coordinator of its country.",
  })
  async completeFollowUpTask(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => CompleteFollowUpTaskInput.type }, CompleteFollowUpTaskInput.pipe)
    input: CompleteFollowUpTask,
  ) {
    return { case: await this.tasks.complete(actor, input) };
  }

  @Mutation(() => CasePayload, { description: 'Declines a follow-up task, saying why it will not be done.' })
  async declineFollowUpTask(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => DeclineFollowUpTaskInput.type }, DeclineFollowUpTaskInput.pipe)
    input: DeclineFollowUpTask,
  ) {
    return { case: await this.tasks.decline(actor, input) };
  }

  @Mutation(() => CasePayload, {
    description:
      "Hands an open follow-up task to another organisation (one that may see the person's legal data on the case), or to a named person of one.",
  })
  async reassignFollowUpTask(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => ReassignFollowUpTaskInput.type }, ReassignFollowUpTaskInput.pipe)
    input: ReassignFollowUpTask,
  ) {
    return { case: await this.tasks.reassign(actor, input) };
  }
}
