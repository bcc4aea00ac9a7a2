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

  @Field({ description: 'A first password the person is told to change; at least 12 characters.' })
  initialPassword: string;
}

export const createUserSchema = z.object({
  organisationId: z.uuid('must be an organisation id'),
  email: z.email('must be an e-mail address').max(254, 'must have at most 254 characters'),
  displayName: z.string().trim().min(1, 'is required').max(120, 'must have at most 120 characters'),
  roles: z.array(z.enum(ROLES)).min(1, 'needs at least one role').max(ROLES.length),
  initialPassword: z.string().max(128, 'must have at most 128 characters'),
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
