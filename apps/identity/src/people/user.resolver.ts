import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AllowedDuringMfaEnrolment,
  CurrentActor,
  parseInput,
  type AuthenticatedActor,
} from '@passage/shared';
import { z } from 'zod';
import { OrganisationModel, OrganisationService } from '../organisations/index.js';
import { pageSchema } from '../paging/index.js';
import {
  AssignRolesInput,
  CreateUserInput,
  DeactivateUserInput,
  assignRolesSchema,
  createUserSchema,
  deactivateUserSchema,
} from './dtos/user.inputs.js';
import {
  AssignRolesPayload,
  CreateUserPayload,
  DeactivateUserPayload,
  UserConnection,
  UserModel,
  toUserModel,
} from './graphql/user.model.js';
import { UserService } from './user.service.js';

@Resolver(() => UserModel)
export class UserResolver {
  constructor(
    private readonly userService: UserService,
    private readonly organisationService: OrganisationService,
  ) {}

  @Query(() => UserModel, { description: 'The signed-in person.' })
  @AllowedDuringMfaEnrolment()
  async me(@CurrentActor() actor: AuthenticatedActor) {
    return toUserModel(await this.userService.me(actor));
  }

  @Query(() => UserConnection, {
    description: 'People of an organisation (your own when none is given), oldest first.',
  })
  async users(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('organisationId', { type: () => ID, nullable: true }) organisationId: string | null,
    @Args('first', { type: () => Int, defaultValue: 25 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ) {
    const page = parseInput(pageSchema, { first, after }, 'page');
    const scope = parseInput(
      z.uuid('must be an organisation id').nullish(),
      organisationId,
      'organisationId',
    );
    const connection = await this.userService.list(actor, scope, page);
    return {
      ...connection,
      edges: connection.edges.map((edge) => ({ ...edge, node: toUserModel(edge.node) })),
    };
  }

  @ResolveField(() => OrganisationModel)
  @AllowedDuringMfaEnrolment()
  organisation(@CurrentActor() actor: AuthenticatedActor, @Parent() user: UserModel) {
    return this.organisationService.get(actor, user.organisationId);
  }

  @Mutation(() => CreateUserPayload)
  async createUser(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: CreateUserInput) {
    return { user: toUserModel(await this.userService.create(actor, parseInput(createUserSchema, input))) };
  }

  @Mutation(() => AssignRolesPayload, {
    description: "Replaces a person's roles; takes effect at their next token.",
  })
  async assignRoles(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: AssignRolesInput) {
    const { userId, roles } = parseInput(assignRolesSchema, input);
    return { user: toUserModel(await this.userService.assignRoles(actor, userId, roles)) };
  }

  @Mutation(() => DeactivateUserPayload, {
    description: "Ends a person's access: they are signed out and their tokens refused within seconds.",
  })
  async deactivateUser(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: DeactivateUserInput) {
    const { userId } = parseInput(deactivateUserSchema, input);
    return { user: toUserModel(await this.userService.deactivate(actor, userId)) };
  }
}
