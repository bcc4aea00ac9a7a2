import { errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import {
  accessTokenClaimsSchema,
  actorFromClaims,
  tokenAudience,
  type AuthenticatedActor,
} from './authenticated-actor.js';
import { UnauthenticatedError } from './auth.errors.js';
import type { RevocationList } from './revocation-list.js';

/** Only EdDSA: `alg: none`, HMAC with a public key as secret and every other confusion are refused. */
const ACCEPTED_ALGORITHMS = ['EdDSA'];

/**
 * Verifies a Passage access token: signature against the identity service's published keys, algorithm,
 * issuer and audience of this node, expiry, claim shape, and the revocation list. Any failure is the same
 * UNAUTHENTICATED error for the caller; the precise cause is only for the log.
 */
export class AccessTokenVerifier {
  constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly revocations: RevocationList,
    private readonly nodeId: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async verify(token: string): Promise<AuthenticatedActor> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        ...tokenAudience(this.nodeId),
        algorithms: ACCEPTED_ALGORITHMS,
        currentDate: this.now(),
        clockTolerance: 5,
        requiredClaims: ['sub', 'sid', 'iat', 'exp', 'jti'],
      }));
    } catch (error) {
      throw new UnauthenticatedError(
        error instanceof joseErrors.JWTExpired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID',
      );
    }
    const claims = accessTokenClaimsSchema.safeParse(payload);
    if (!claims.success) throw new UnauthenticatedError('TOKEN_INVALID');
    if (this.revocations.isRevoked(claims.data)) throw new UnauthenticatedError('TOKEN_REVOKED');
    return actorFromClaims(claims.data);
  }
}
