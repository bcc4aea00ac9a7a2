import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AuthenticatedActor } from './authenticated-actor.js';

export const PUBLIC_OPERATION = 'passage:public-operation';
export const ALLOWED_DURING_MFA_ENROLMENT = 'passage:allowed-during-mfa-enrolment';

/** An operation anyone may call without a token (signing in, refreshing, verifying an attestation). */
export const Public = () => SetMetadata(PUBLIC_OPERATION, true);

/** An operation a person who must first enrol a second factor may still call (me, enrolment, logout). */
export const AllowedDuringMfaEnrolment = () => SetMetadata(ALLOWED_DURING_MFA_ENROLMENT, true);

/** The verified caller of a GraphQL operation. */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedActor => {
    const request = GqlExecutionContext.create(context).getContext<{ req: { user?: AuthenticatedActor } }>()
      .req;
    if (!request.user) throw new Error('CurrentActor used on an operation that is not authenticated');
    return request.user;
  },
);
