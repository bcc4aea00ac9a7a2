import { Inject, Injectable } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import {
  AccessDeniedError,
  AccessTokenVerifier,
  Clock,
  UnauthenticatedError,
  assertAllowed,
  type AuthenticatedActor,
} from '@passage/shared';
import { policyActor } from '../access/referrals-access.js';
import { REFERRALS_CONFIG, type ReferralsConfig } from '../config/referrals.config.js';

/** The request as the node's status fields see it: the guard does not run on an entity's fields. */
export interface NodeStatusRequest {
  user?: AuthenticatedActor;
  headers?: Record<string, string | string[] | undefined>;
}

/**
 * Who may see this node's outbox and exchange status (`node.status` in the access policy): the platform
 * operator and the oversight body of a hosted country. The fields hang off an entity identity owns, so
 * no guard authenticated the caller: the bearer token is verified here, as the guard would.
 */
@Injectable()
export class NodeStatusAccess {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly clock: Clock,
    @Inject(REFERRALS_CONFIG) private readonly config: ReferralsConfig,
  ) {}

  async authorise(request: NodeStatusRequest | undefined): Promise<void> {
    try {
      const actor = request?.user ?? (await this.verifier.verify(bearerToken(request)));
      assertAllowed(
        policyActor(actor),
        'node.status',
        { hostedCountries: this.config.HOSTED_COUNTRIES },
        this.clock.now(),
      );
    } catch (error) {
      // Nest's exception filters do not run on an entity's field resolvers: the refusal is shaped here,
      // or the caller would see an internal error instead of being told to sign in.
      if (error instanceof AccessDeniedError) {
        throw new GraphQLError(error.message, { extensions: { code: 'FORBIDDEN' } });
      }
      if (error instanceof UnauthenticatedError) {
        throw new GraphQLError(error.message, { extensions: { code: 'UNAUTHENTICATED' } });
      }
      throw error;
    }
  }
}

function bearerToken(request: NodeStatusRequest | undefined): string {
  const header = request?.headers?.authorization;
  const match = typeof header === 'string' ? /^Bearer (\S+)$/i.exec(header) : null;
  if (!match?.[1]) throw new UnauthenticatedError('TOKEN_MISSING');
  return match[1];
}
