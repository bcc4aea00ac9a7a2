import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, parseInput, type AuthenticatedActor } from '@passage/shared';
import { CaseClosureService } from './case-closure.service.js';
import { CaseService } from './case.service.js';
import { MASS_INTAKE_MUTATION } from './mass-intake-body.js';
import {
  CaseFilter,
  CloseCaseInput,
  OpenCaseInput,
  RegisterMassIntakeInput,
  ReopenCaseInput,
  caseIdSchema,
  pageSchema,
  type CaseFilterValue,
  type CloseCaseValue,
  type OpenCaseValue,
  type RegisterMassIntakeValue,
  type ReopenCaseValue,
} from './dtos/case.inputs.js';
import {
  CaseModel,
  CasePayload,
  CaseSummaryConnection,
  OpenCasePayload,
  RegisterMassIntakePayload,
} from './graphql/case.model.js';

@Resolver(() => CaseModel)
export class CaseResolver {
  constructor(
    private readonly caseService: CaseService,
    private readonly closure: CaseClosureService,
  ) {}

  @Mutation(() => OpenCasePayload, {
    description: 'Opens a case after a rescue, a self-exit (escape or ransom) or a walk-in, with its people.',
  })
  async openCase(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => OpenCaseInput.type }, OpenCaseInput.pipe) input: OpenCaseValue,
  ) {
    return { case: await this.caseService.openCase(actor, input) };
  }

  @Mutation(() => RegisterMassIntakePayload, {
    name: MASS_INTAKE_MUTATION,
    description:
      'Registers up to 5,000 people at once after a raid, one case each, in one transaction; bad input ' +
      'names the row (input.people.1234.languages.0) and registers no one. A request body over 256 kB ' +
      'must carry the header `x-passage-operation: registerMassIntake` (up to 8 MB).',
  })
  registerMassIntake(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => RegisterMassIntakeInput.type }, RegisterMassIntakeInput.pipe)
    input: RegisterMassIntakeValue,
  ) {
    return this.caseService.registerMassIntake(actor, input);
  }

  @Mutation(() => CasePayload, {
    description: 'Closes a case with its outcome; refused while protection follow-up tasks are open.',
  })
  async closeCase(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => CloseCaseInput.type }, CloseCaseInput.pipe) input: CloseCaseValue,
  ) {
    return { case: await this.closure.closeCase(actor, input) };
  }

  @Mutation(() => CasePayload, { description: 'Takes a closed case up again, with the reason.' })
  async reopenCase(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => ReopenCaseInput.type }, ReopenCaseInput.pipe) input: ReopenCaseValue,
  ) {
    return { case: await this.closure.reopenCase(actor, input) };
  }

  @Query(() => CaseModel, { description: 'A case as the caller may see it; withheld fields are null.' })
  case(@CurrentActor() actor: AuthenticatedActor, @Args('id', { type: () => ID }) id: string) {
    return this.caseService.getCase(actor, parseInput(caseIdSchema, id, 'id'));
  }

  @Query(() => CaseSummaryConnection, { description: 'Cases the caller may read, newest first (summaries).' })
  cases(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('filter', { type: () => CaseFilter.type, nullable: true }, CaseFilter.pipe) filter: CaseFilterValue,
    @Args('first', { type: () => Int, defaultValue: 25 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const page = parseInput(pageSchema, { first, after }, 'page');
    return this.caseService.listCases(actor, filter, page);
  }
}
