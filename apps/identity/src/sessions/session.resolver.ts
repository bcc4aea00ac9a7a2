import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import {
  AllowedDuringMfaEnrolment,
  CurrentActor,
  Public,
  parseInput,
  type AuthenticatedActor,
} from '@passage/shared';
import { toUserModel } from '../people/index.js';
import {
  LoginInput,
  RefreshSessionInput,
  SessionPayload,
  loginSchema,
  refreshSessionSchema,
} from './graphql/session.models.js';
import { SessionService, type SignInResult } from './session.service.js';

/**
 * The rest of a sign-in response (the user's organisation, say) is resolved as the person who just signed
 * in, with the same access checks as any later request of theirs.
 */
function toPayload(result: SignInResult, context: { req: { user?: AuthenticatedActor } }): SessionPayload {
  context.req.user = {
    userId: result.user.id,
    sessionId: result.sessionId,
    organisationId: result.organisation.id,
    organisationKind: result.organisation.kind,
    organisationName: result.organisation.name,
    country: result.organisation.country,
    stationedIn: result.organisation.stationedIn,
    nodeId: result.organisation.nodeId,
    roles: result.user.roles,
    mfaEnrolmentPending: result.mfaEnrolmentRequired,
  };
  return {
    accessToken: result.accessToken,
    accessTokenExpiresAt: result.accessTokenExpiresAt,
    refreshToken: result.refreshToken,
    refreshTokenExpiresAt: result.refreshTokenExpiresAt,
    mfaEnrolmentRequired: result.mfaEnrolmentRequired,
    user: toUserModel(result.user),
  };
}

type RequestContext = { req: { user?: AuthenticatedActor } };

@Resolver()
export class SessionResolver {
  constructor(private readonly sessions: SessionService) {}

  @Mutation(() => SessionPayload, {
    description: 'Signs in. Any failure gives the same answer, so it never tells whether an account exists.',
  })
  @Public()
  async login(@Args('input') input: LoginInput, @Context() context: RequestContext) {
    return toPayload(await this.sessions.signIn(parseInput(loginSchema, input)), context);
  }

  @Mutation(() => SessionPayload, {
    description: 'Trades a refresh token for new tokens. Each refresh token works once.',
  })
  @Public()
  async refreshSession(@Args('input') input: RefreshSessionInput, @Context() context: RequestContext) {
    return toPayload(
      await this.sessions.refresh(parseInput(refreshSessionSchema, input).refreshToken),
      context,
    );
  }

  @Mutation(() => Boolean, { description: 'Ends the current session everywhere within seconds.' })
  @AllowedDuringMfaEnrolment()
  async logout(@CurrentActor() actor: AuthenticatedActor) {
    await this.sessions.signOut(actor);
    return true;
  }
}
