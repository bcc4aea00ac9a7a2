import { Field, GraphQLISODateTime, InputType, ObjectType } from '@nestjs/graphql';
import { z } from 'zod';
import { UserModel } from '../../people/index.js';

@ObjectType('SessionPayload', {
  description: 'Tokens of a session: a short-lived access token and a single-use refresh token.',
})
export class SessionPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  accessToken: string;

  @Field(() => GraphQLISODateTime)
  accessTokenExpiresAt: Date;

  @Field({ description: 'Works once: `refreshSession` returns a new one. Keep it secret.' })
  refreshToken: string;

  @Field(() => GraphQLISODateTime)
  refreshTokenExpiresAt: Date;

  @Field({
    description:
      'The organisation requires a second factor that is not set up yet: enrol before anything else.',
  })
  mfaEnrolmentRequired: boolean;

  @Field(() => UserModel)
  user: UserModel;
}

@InputType('LoginInput')
export class LoginInput {
  @Field()
  email: string;

  @Field()
  password: string;

  @Field(() => String, {
    nullable: true,
    description: 'The 6-digit code from the authenticator app, when one is set up.',
  })
  totpCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A single-use recovery code, instead of the authenticator code.',
  })
  recoveryCode?: string | null;
}

export const loginSchema = z.object({
  email: z.string().trim().min(1, 'is required').max(254, 'must have at most 254 characters'),
  password: z.string().min(1, 'is required').max(128, 'must have at most 128 characters'),
  totpCode: z
    .string()
    .regex(/^\s*\d{3}\s?\d{3}\s*$/, 'must be 6 digits')
    .nullish(),
  recoveryCode: z.string().max(40, 'must have at most 40 characters').nullish(),
});

@InputType('RefreshSessionInput')
export class RefreshSessionInput {
  @Field()
  refreshToken: string;
}

export const refreshSessionSchema = z.object({
  refreshToken: z.string().min(1, 'is required').max(100, 'is too long'),
});
