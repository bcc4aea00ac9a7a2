import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { CodedError } from '../errors/coded-error.js';
import { ALLOWED_DURING_MFA_ENROLMENT, PUBLIC_OPERATION } from './auth.decorators.js';
import { UnauthenticatedError } from './auth.errors.js';
import type { AuthenticatedActor } from './authenticated-actor.js';

/**
 * Every GraphQL operation requires a valid access token unless it is marked {@link Public}; the token is
 * verified here, in the service, even though the gateway verified it already. HTTP endpoints that are not
 * GraphQL (health, metrics, the key set) are public by design and not guarded.
 */
@Injectable()
export class GraphqlAuthGuard extends AuthGuard('bearer') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_OPERATION, targets)) return true;
    await super.canActivate(context);
    const actor = (this.getRequest(context) as { user: AuthenticatedActor }).user;
    if (
      actor.mfaEnrolmentPending &&
      !this.reflector.getAllAndOverride<boolean>(ALLOWED_DURING_MFA_ENROLMENT, targets)
    ) {
      throw new CodedError(
        'FORBIDDEN',
        'Your organisation requires a second factor: enrol one before continuing.',
        {
          reason: 'MFA_ENROLMENT_REQUIRED',
        },
      );
    }
    return true;
  }

  override getRequest(context: ExecutionContext) {
    return GqlExecutionContext.create(context).getContext<{ req: unknown }>().req;
  }

  override handleRequest<TUser>(error: unknown, user: TUser): TUser {
    if (error instanceof CodedError) throw error;
    if (!user) throw new UnauthenticatedError('TOKEN_MISSING');
    return user;
  }
}
