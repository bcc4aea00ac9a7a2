import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import type { Role } from '@passage/schemas';
import { Connection, RoleEnum } from '@passage/shared';
import type { UserAccountEntity } from '../entities/user-account.entity.js';
import { EnrolmentLinkModel, RoleGrantModel } from './role-grant.model.js';

@ObjectType('User', { description: 'A person with an account in one organisation.' })
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field(() => ID)
  organisationId: string;

  @Field(() => [RoleEnum])
  roles: Role[];

  @Field()
  active: boolean;

  @Field({ description: 'Whether the person signs in with an authenticator code.' })
  mfaEnabled: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastLoginAt: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

@ObjectType('UserConnection')
export class UserConnection extends Connection(UserModel, 'User') {}

@ObjectType('CreateUserPayload')
export class CreateUserPayload {
  @Field(() => UserModel)
  user: UserModel;

  @Field(() => EnrolmentLinkModel, {
    description: 'Hand it to the person; they set their own password with it.',
  })
  enrolmentLink: EnrolmentLinkModel;

  @Field(() => RoleGrantModel, {
    nullable: true,
    description: 'Roles that take effect only once a second administrator approves them.',
  })
  pendingRoleGrant: RoleGrantModel | null;
}

@ObjectType('AssignRolesPayload')
export class AssignRolesPayload {
  @Field(() => UserModel)
  user: UserModel;

  @Field(() => RoleGrantModel, {
    nullable: true,
    description: 'Added roles that take effect only once a second administrator approves them.',
  })
  pendingRoleGrant: RoleGrantModel | null;
}

@ObjectType('DeactivateUserPayload')
export class DeactivateUserPayload {
  @Field(() => UserModel)
  user: UserModel;
}

/** What of an account the API shows: never the password hash, the lockout counters or the TOTP secret. */
export function toUserModel(user: UserAccountEntity): UserModel {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    organisationId: user.organisationId,
    roles: user.roles,
    active: user.active,
    mfaEnabled: user.totpConfirmedAt !== null,
    lastLoginAt: user.lastLoginAt,
    createdAt: user.createdAt,
  };
}
