import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Role } from '@passage/schemas';
import { RoleEnum } from '@passage/shared';
import {
  ROLE_GRANT_STATUSES,
  type RoleGrantEntity,
  type RoleGrantStatus,
} from '../entities/role-grant.entity.js';

export const RoleGrantStatusEnum = Object.fromEntries(ROLE_GRANT_STATUSES.map((value) => [value, value])) as {
  [K in RoleGrantStatus]: K;
};
registerEnumType(RoleGrantStatusEnum, {
  name: 'RoleGrantStatus',
  description:
    'PENDING until a second administrator approves or declines; WITHDRAWN when a newer request replaced it.',
});

@ObjectType('RoleGrant', {
  description: 'Roles one administrator asked for a person; they take effect when a second party approves.',
})
export class RoleGrantModel {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  userId: string;

  @Field(() => ID)
  organisationId: string;

  @Field(() => [RoleEnum])
  roles: Role[];

  @Field(() => RoleGrantStatusEnum)
  status: RoleGrantStatus;

  @Field(() => ID)
  requestedBy: string;

  @Field(() => GraphQLISODateTime)
  requestedAt: Date;

  @Field(() => ID, { nullable: true })
  decidedBy: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  decidedAt: Date | null;
}

export function toRoleGrantModel(grant: RoleGrantEntity): RoleGrantModel {
  return { ...grant };
}

@ObjectType('RoleGrantPayload')
export class RoleGrantPayload {
  @Field(() => RoleGrantModel)
  grant: RoleGrantModel;
}

@ObjectType('EnrolmentLink', {
  description:
    'A one-time link with which a person sets their own password. The token is shown once, to whoever issued it, to hand to the person out of band; only its hash is kept.',
})
export class EnrolmentLinkModel {
  @Field()
  token: string;

  @Field(() => GraphQLISODateTime)
  expiresAt: Date;
}

@ObjectType('IssueEnrolmentLinkPayload')
export class IssueEnrolmentLinkPayload {
  @Field(() => EnrolmentLinkModel)
  enrolmentLink: EnrolmentLinkModel;
}

@ObjectType('EnrolPayload')
export class EnrolPayload {
  @Field({ description: 'The address to sign in with.' })
  email: string;

  @Field({
    description:
      'Whether the first sign-in will ask you to set up an authenticator (every case, decision and verifier role, and administrators, need one).',
  })
  mfaEnrolmentRequired: boolean;
}

@ObjectType('ChangePasswordPayload')
export class ChangePasswordPayload {
  @Field({ description: 'How many of your other sessions were ended.' })
  endedSessions: number;
}
