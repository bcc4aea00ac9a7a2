import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AllowedDuringMfaEnrolment,
  CurrentActor,
  Public,
  parseInput,
  type AuthenticatedActor,
} from '@passage/shared';
import { z } from 'zod';
import { OrganisationModel, OrganisationService } from '../organisations/index.js';
import { pageSchema } from '../paging/index.js';
import {
  AssignRolesInput,
  ChangePasswordInput,
  CreateUserInput,
  DeactivateUserInput,
  EnrolInput,
  IssueEnrolmentLinkInput,
  RoleGrantDecisionInput,
  assignRolesSchema,
  changePasswordSchema,
  createUserSchema,
  deactivateUserSchema,
  enrolSchema,
  issueEnrolmentLinkSchema,
  roleGrantDecisionSchema,
} from './dtos/user.inputs.js';
import { EnrolmentLinks } from './enrolment-links.js';
import {
  ChangePasswordPayload,
  EnrolPayload,
  IssueEnrolmentLinkPayload,
  RoleGrantModel,
  RoleGrantPayload,
  toRoleGrantModel,
} from './graphql/role-grant.model.js';
import { OwnCredentials } from './own-credentials.js';
import { requiresSecondFactor } from './role-duties.js';
import { RoleGrants } from './role-grants.js';
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
    private readonly grants: RoleGrants,
    private readonly enrolmentLinks: EnrolmentLinks,
    private readonly ownCredentials: OwnCredentials,
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

  @Mutation(() => CreateUserPayload, {
    description:
      'Adds a person, who sets their own password with the returned enrolment link. Case, decision and administrator roles wait for a second administrator (pendingRoleGrant). The platform operator adds only the first administrator of an organisation.',
  })
  async createUser(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: CreateUserInput) {
    const created = await this.userService.create(actor, parseInput(createUserSchema, input));
    return {
      user: toUserModel(created.user),
      enrolmentLink: created.enrolmentLink,
      pendingRoleGrant: created.pendingRoleGrant && toRoleGrantModel(created.pendingRoleGrant),
    };
  }

  @Mutation(() => AssignRolesPayload, {
    description:
      "Replaces another person's roles from their next token on; added case, decision and administrator roles wait for a second administrator (pendingRoleGrant). Nobody changes their own roles.",
  })
  async assignRoles(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: AssignRolesInput) {
    const { userId, roles } = parseInput(assignRolesSchema, input);
    const assigned = await this.userService.assignRoles(actor, userId, roles);
    return {
      user: toUserModel(assigned.user),
      pendingRoleGrant: assigned.pendingRoleGrant && toRoleGrantModel(assigned.pendingRoleGrant),
    };
  }

  @Query(() => [RoleGrantModel], {
    description: 'Role grants of an organisation (your own when none is given), newest first.',
  })
  async roleGrants(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('organisationId', { type: () => ID, nullable: true }) organisationId: string | null,
    @Args('pendingOnly', { type: () => Boolean, defaultValue: true }) pendingOnly: boolean,
  ) {
    const scope = parseInput(
      z.uuid('must be an organisation id').nullish(),
      organisationId,
      'organisationId',
    );
    return (await this.grants.list(actor, scope, pendingOnly)).map(toRoleGrantModel);
  }

  @Mutation(() => RoleGrantPayload, {
    description:
      'A second administrator approves roles another asked for; never the one who asked or the person who gets them.',
  })
  async approveRoleGrant(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: RoleGrantDecisionInput,
  ) {
    const { grantId } = parseInput(roleGrantDecisionSchema, input);
    return { grant: toRoleGrantModel(await this.grants.approve(actor, grantId)) };
  }

  @Mutation(() => RoleGrantPayload, {
    description: 'Declines (or, for the one who asked, withdraws) a role grant.',
  })
  async declineRoleGrant(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: RoleGrantDecisionInput,
  ) {
    const { grantId } = parseInput(roleGrantDecisionSchema, input);
    return { grant: toRoleGrantModel(await this.grants.decline(actor, grantId)) };
  }

  @Mutation(() => IssueEnrolmentLinkPayload, {
    description:
      "Resets another person's password: it stops working, their sessions end, and they set a new one with the returned link. Their second factor stays.",
  })
  async issueEnrolmentLink(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('input') input: IssueEnrolmentLinkInput,
  ) {
    const { userId } = parseInput(issueEnrolmentLinkSchema, input);
    return { enrolmentLink: await this.enrolmentLinks.reset(actor, userId) };
  }

  @Mutation(() => EnrolPayload, {
    description: 'Sets your own password with a one-time enrolment link; then sign in.',
  })
  @Public()
  async enrol(@Args('input') input: EnrolInput) {
    const { token, password } = parseInput(enrolSchema, input);
    const user = await this.enrolmentLinks.redeem(token, password);
    return {
      email: user.email,
      mfaEnrolmentRequired: requiresSecondFactor(user.roles) && !user.totpConfirmedAt,
    };
  }

  @Mutation(() => ChangePasswordPayload, {
    description: 'Changes your password (give the current one) and ends your other sessions.',
  })
  @AllowedDuringMfaEnrolment()
  async changePassword(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: ChangePasswordInput) {
    const { currentPassword, newPassword } = parseInput(changePasswordSchema, input);
    return { endedSessions: await this.ownCredentials.changePassword(actor, currentPassword, newPassword) };
  }

  @Mutation(() => DeactivateUserPayload, {
    description: "Ends a person's access: they are signed out and their tokens refused within seconds.",
  })
  async deactivateUser(@CurrentActor() actor: AuthenticatedActor, @Args('input') input: DeactivateUserInput) {
    const { userId } = parseInput(deactivateUserSchema, input);
    return { user: toUserModel(await this.userService.deactivate(actor, userId)) };
  }
}
