import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentActor, type AuthenticatedActor } from '@passage/shared';
import {
  ServiceFilter,
  UpsertServiceInput,
  type ServiceFilterValue,
  type UpsertServiceValue,
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
    @Args('filter', { type: () => ServiceFilter.type, nullable: true }, ServiceFilter.pipe)
    filter: ServiceFilterValue,
  ) {
    return this.directory.search(actor, filter);
  }

  @Mutation(() => UpsertServicePayload, {
    description:
      "Lists or updates a service of the caller's own organisation (capacity, languages, who it takes).",
  })
  async upsertService(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input', { type: () => UpsertServiceInput.type }, UpsertServiceInput.pipe)
    input: UpsertServiceValue,
  ) {
    return { service: await this.directory.upsertService(actor, input) };
  }
}
