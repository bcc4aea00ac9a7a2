import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { z } from 'zod';

@ObjectType('EnrollTotpPayload')
export class EnrollTotpPayload {
  @Field({ description: 'Base32 secret, for typing into an authenticator app.' })
  secret: string;

  @Field({ description: 'The same secret as an otpauth:// URI, for a QR code.' })
  otpauthUri: string;
}

@InputType('ConfirmTotpInput')
export class ConfirmTotpInput {
  @Field({ description: 'The current code shown by the authenticator app.' })
  code: string;
}

export const confirmTotpSchema = z.object({
  code: z.string().regex(/^\s*\d{3}\s?\d{3}\s*$/, 'must be 6 digits'),
});

@ObjectType('ConfirmTotpPayload')
export class ConfirmTotpPayload {
  @Field(() => [String], { description: 'Single-use recovery codes; shown once, keep them somewhere safe.' })
  recoveryCodes: string[];

  @Field({ description: 'Refresh the session to get a token without the enrolment restriction.' })
  enrolled: boolean;
}

@InputType('EnrollTotpInput')
export class EnrollTotpInput {
  @Field({ description: 'Your password: setting up an authenticator needs it again.' })
  currentPassword: string;
}

export const enrollTotpSchema = z
  .object({ currentPassword: z.string().max(128, 'must have at most 128 characters') })
  .nullish();
