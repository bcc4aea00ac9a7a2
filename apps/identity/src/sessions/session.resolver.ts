import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import {
  AllowedDuringMfaEnrolment,
  CLIENT_ADDRESS_HEADER,
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
import { SignInRateLimits } from './sign-in-rate-limits.js';

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

type RequestContext = {
  req: { user?: AuthenticatedActor; headers?: Record<string, string | string[] | undefined>; ip?: string };
};

/**
 * Where the request came from: as the gateway saw it (the header it sets on every call), or the
 * connection's own address when identity is called directly (in development).
 */
function clientAddressOf(context: RequestContext): string | null {
  const forwarded = context.req.headers?.[CLIENT_ADDRESS_HEADER];
  if (typeof forwarded === 'string' && forwarded !== '') return forwarded;
  return context.req.ip ?? null;
}

@Resolver()
export class SessionResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly limits: SignInRateLimits,
  ) {}

  @Mutation(() => SessionPayload, {
    description: 'Signs in. Any failure gives the same answer, so it never tells whether an account exists.',
  })
  @Public()
  async login(@Args('input') input: LoginInput, @Context() context: RequestContext) {
    const credentials = parseInput(loginSchema, input);
    await this.limits.admitSignIn(clientAddressOf(context), credentials.email);
    return toPayload(await this.sessions.signIn(credentials), context);
  }

  @Mutation(() => SessionPayload, {
    description: 'Trades a refresh token for new tokens. Each refresh token works once.',
  })
  @Public()
  async refreshSession(@Args('input') input: RefreshSessionInput, @Context() context: RequestContext) {
    const { refreshToken } = parseInput(refreshSessionSchema, input);
    await this.limits.admitRefresh(clientAddressOf(context));
    return toPayload(await this.sessions.refresh(refreshToken), context);
  }

  @Mutation(() => Boolean, { description: 'Ends the current session everywhere within seconds.' })
  @AllowedDuringMfaEnrolment()
  async logout(@CurrentActor() actor: AuthenticatedActor) {
    await this.sessions.signOut(actor);
    return true;
  }
}
