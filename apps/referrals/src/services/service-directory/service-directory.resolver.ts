import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, parseInput, type AuthenticatedActor } from '@passage/shared';
import {
  ServiceFilter,
  UpsertServiceInput,
  serviceFilterSchema,
  upsertServiceSchema,
} from './dtos/service-directory.inputs.js';
import { ServiceSearchResultModel, UpsertServicePayload } from './graphql/service-directory.model.js';
import { ServiceDirectoryService } from './service-directory.service.js';

@Resolver()
export class ServiceDirectoryResolver {
  constructor(private readonly directory: ServiceDirectoryService) {}

  @Query(() => ServiceSearchResultModel, {
    description:
      'Services that meet the needs of a case, and those that miss exactly one need (with which). Never immigration.',
  })
  services(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('filter', { type: () => ServiceFilter, nullable: true }) filter: ServiceFilter | null,
  ) {
    return this.directory.search(actor, parseInput(serviceFilterSchema, filter, 'filter'));
  }

  @Mutation(() => UpsertServicePayload, {
    description:
      "Lists or updates a service of the caller's own organisation (capacity, languages, who it takes).",
  })
  async upsertService(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: UpsertServiceInput) {
    return { service: await this.directory.upsertService(actor, parseInput(upsertServiceSchema, input)) };
  }
}
