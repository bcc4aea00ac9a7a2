import { Field, ID, InputType } from '@nestjs/graphql';
import { z } from 'zod';
import { ROLES, type Role } from '@passage/schemas';
import { RoleEnum } from '@passage/shared';

@InputType('CreateUserInput')
export class CreateUserInput {
  @Field(() => ID)
  organisationId: string;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field(() => [RoleEnum])
  roles: Role[];

  @Field(() => String, {
    nullable: true,
    deprecationReason:
      'Administrators no longer choose passwords: the person sets their own with the enrolment link (ADR 024). Refused when given.',
  })
  initialPassword?: string | null;
}

export const createUserSchema = z.object({
  organisationId: z.uuid('must be an organisation id'),
  email: z.email('must be an e-mail address').max(254, 'must have at most 254 characters'),
  displayName: z.string().trim().min(1, 'is required').max(120, 'must have at most 120 characters'),
  roles: z.array(z.enum(ROLES)).min(1, 'needs at least one role').max(ROLES.length),
  initialPassword: z
    .null({
      error: 'administrators no longer choose passwords; the person sets their own with the enrolment link',
    })
    .optional(),
});

@InputType('AssignRolesInput')
export class AssignRolesInput {
  @Field(() => ID)
  userId: string;

  @Field(() => [RoleEnum], { description: 'The complete new set of roles.' })
  roles: Role[];
}

export const assignRolesSchema = z.object({
  userId: z.uuid('must be a user id'),
  roles: z.array(z.enum(ROLES)).min(1, 'needs at least one role').max(ROLES.length),
});

@InputType('DeactivateUserInput')
export class DeactivateUserInput {
  @Field(() => ID)
  userId: string;
}

export const deactivateUserSchema = z.object({ userId: z.uuid('must be a user id') });

@InputType('RoleGrantDecisionInput')
export class RoleGrantDecisionInput {
  @Field(() => ID)
  grantId: string;
}

export const roleGrantDecisionSchema = z.object({ grantId: z.uuid('must be a role grant id') });

@InputType('IssueEnrolmentLinkInput')
export class IssueEnrolmentLinkInput {
  @Field(() => ID)
  userId: string;
}

export const issueEnrolmentLinkSchema = z.object({ userId: z.uuid('must be a user id') });

@InputType('EnrolInput')
export class EnrolInput {
  @Field({ description: 'The token of the one-time enrolment link.' })
  token: string;

  @Field({ description: 'The password you choose.' })
  password: string;
}

export const enrolSchema = z.object({
  token: z.string().max(64, 'must have at most 64 characters'),
  password: z.string().max(128, 'must have at most 128 characters'),
});

@InputType('ChangePasswordInput')
export class ChangePasswordInput {
  @Field()
  currentPassword: string;

  @Field()
  newPassword: string;
}

export const changePasswordSchema = z.object({
  currentPassword: z.string().max(128, 'must have at most 128 characters'),
  newPassword: z.string().max(128, 'must have at most 128 characters'),
});
