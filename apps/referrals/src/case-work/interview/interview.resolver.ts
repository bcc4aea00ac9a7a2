import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentActor, type AuthenticatedActor } from '@passage/shared';
import { CasePayload } from '../case/graphql/case.model.js';
import { RecordInterviewInput, type RecordInterview } from './dtos/interview.inputs.js';
import { InterviewService } from './interview.service.js';

@Resolver()
export class InterviewResolver {
  constructor(private readonly interviews: InterviewService) {}

  @Mutation(() => CasePayload, {
    description: 'Logs an interview so the person is not asked the same again.',
  })
  async recordInterview(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => RecordInterviewInput.type }, RecordInterviewInput.pipe)
    input: RecordInterview,
  ) {
    return { case: await this.interviews.recordInterview(actor, input) };
  }
}
