import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, parseInput, type AuthenticatedActor } from '@passage/shared';
import { caseIdSchema } from '../case/dtos/case.inputs.js';
import { CasePayload } from '../case/graphql/case.model.js';
import {
  AddPersonToCaseInput,
  UpdatePersonInput,
  personIdSchema,
  type AddPersonToCaseValue,
  type UpdatePersonValue,
} from './dtos/person-maintenance.inputs.js';
import { PersonRevisionModel } from './graphql/person-revision.model.js';
import { PersonHistoryReader } from './person-history.reader.js';
import { PersonMaintenanceService } from './person-maintenance.service.js';

@Resolver()
export class PersonResolver {
  constructor(
    private readonly maintenance: PersonMaintenanceService,
    private readonly history: PersonHistoryReader,
  ) {}

  @Mutation(() => CasePayload, {
    description:
      "Changes a person's record (a travel document issued later, date of birth, languages, where the person is now, contact, do-not-contact); makes a new version.",
  })
  async updatePerson(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => UpdatePersonInput.type }, UpdatePersonInput.pipe) input: UpdatePersonValue,
  ) {
    return { case: await this.maintenance.updatePerson(actor, input) };
  }

  @Mutation(() => CasePayload, {
    description:
      'Adds a person to an open case (a child born in captivity, a partner who exited together), linked to someone in it.',
  })
  async addPersonToCase(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => AddPersonToCaseInput.type }, AddPersonToCaseInput.pipe)
    input: AddPersonToCaseValue,
  ) {
    return { case: await this.maintenance.addPerson(actor, input) };
  }

  @Query(() => [PersonRevisionModel], {
    description: "A person's versions after registration, oldest first, as the caller may see them.",
  })
  personHistory(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('personId', { type: () => ID }) personId: string,
  ) {
    return this.history.read(
      actor,
      parseInput(caseIdSchema, caseId, 'caseId'),
      parseInput(personIdSchema, personId, 'personId'),
    );
  }
}
