import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { AccessTokenVerifier } from './access-token-verifier.js';
import type { AuthenticatedActor } from './authenticated-actor.js';

/** Passport strategy `bearer`: the access token in `Authorization: Bearer …`, verified locally. */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(private readonly verifier: AccessTokenVerifier) {
    super();
  }

  validate(token: string): Promise<AuthenticatedActor> {
    return this.verifier.verify(token);
  }
}
