import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, parseInput, type AuthenticatedActor } from '@passage/shared';
import { pageSchema } from '../paging/index.js';
import {
  CreateOrganisationInput,
  DeactivateOrganisationInput,
  OrganisationFilter,
  createOrganisationSchema,
  deactivateOrganisationSchema,
  organisationFilterSchema,
} from './dtos/organisation.inputs.js';
import {
  CreateOrganisationPayload,
  DeactivateOrganisationPayload,
  OrganisationConnection,
  OrganisationModel,
} from './graphql/organisation.model.js';
import { OrganisationService } from './organisation.service.js';

@Resolver(() => OrganisationModel)
export class OrganisationResolver {
  constructor(private readonly organisationService: OrganisationService) {}

  @Query(() => OrganisationConnection, { description: 'Organisations of this node, oldest first.' })
  organisations(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('filter', { type: () => OrganisationFilter, nullable: true }) filter: OrganisationFilter | null,
    @Args('first', { type: () => Int, defaultValue: 25 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const page = parseInput(pageSchema, { first, after }, 'page');
    return this.organisationService.list(actor, parseInput(organisationFilterSchema, filter, 'filter'), page);
  }

  @Query(() => OrganisationModel)
  organisation(@CurrentActor() actor: AuthenticatedActor, @Args('id', { type: () => ID }) id: string) {
    return this.organisationService.get(
      actor,
      parseInput(deactivateOrganisationSchema.shape.organisationId, id, 'id'),
    );
  }

  @Mutation(() => CreateOrganisationPayload)
  async createOrganisation(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: CreateOrganisationInput,
  ) {
    return {
      organisation: await this.organisationService.create(actor, parseInput(createOrganisationSchema, input)),
    };
  }

  @Mutation(() => DeactivateOrganisationPayload, {
    description:
      "Ends the organisation's access: its people are signed out and their tokens refused within seconds.",
  })
  async deactivateOrganisation(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: DeactivateOrganisationInput,
  ) {
    const { organisationId } = parseInput(deactivateOrganisationSchema, input);
    return { organisation: await this.organisationService.deactivate(actor, organisationId) };
  }
}
