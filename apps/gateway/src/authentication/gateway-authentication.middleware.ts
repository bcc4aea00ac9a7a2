import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import passport from 'passport';
import type { AuthenticatedActor } from '@passage/shared';

/**
 * First line of authentication: a request that carries a bearer token must carry a valid one (signature,
 * expiry, audience, not revoked) before anything reaches a subgraph. Requests without a token pass
 * through: signing in needs none, and every subgraph refuses the operations that do need one.
 */
@Injectable()
export class GatewayAuthenticationMiddleware implements NestMiddleware {
  use(request: Request, response: Response, next: NextFunction): void {
    if (!request.headers.authorization) return next();
    passport.authenticate(
      'bearer',
      { session: false },
      (error: unknown, actor: AuthenticatedActor | false) => {
        if (error || !actor) {
          response.status(401).json({
            errors: [
              {
                message: 'Sign in again: your session is missing, expired or no longer valid.',
                extensions: { code: 'UNAUTHENTICATED' },
              },
            ],
          });
          return;
        }
        request.user = actor;
        next();
      },
    )(request, response, next);
  }
}
