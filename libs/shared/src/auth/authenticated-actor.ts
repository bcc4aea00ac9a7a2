import { z } from 'zod';
import { ORGANISATION_KINDS, ROLES, type OrganisationKind, type Role } from '@passage/schemas';

/**
 * Who is calling, as the access token says: the person, their organisation and its kind, country and
 * node, their roles, and the session the token belongs to. Every service builds the same actor from the
 * same verified token; nothing about the caller is taken from the request body.
 */
export interface AuthenticatedActor {
  userId: string;
  sessionId: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  /** How the organisation is called, for what others are shown (who acknowledged a request, say). */
  organisationName: string;
  /** The organisation's country; for an embassy, the country it represents. */
  country: string | null;
  /** For an embassy: the country where it is stationed. */
  stationedIn: string | null;
  nodeId: string;
  roles: readonly Role[];
  /** True while the person must enrol a second factor before doing anything else. */
  mfaEnrolmentPending: boolean;
}

/** The claims Passage access tokens carry besides the registered ones (iss, aud, sub, iat, exp, jti). */
export const accessTokenClaimsSchema = z.object({
  sub: z.uuid(),
  sid: z.uuid(),
  jti: z.string().min(8).max(64),
  iat: z.number().int().positive(),
  exp: z.number().int().positive(),
  org: z.uuid(),
  okd: z.enum(ORGANISATION_KINDS),
  onm: z.string().min(1).max(200),
  cty: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  stn: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  nod: z.string().min(1).max(31),
  rol: z.array(z.enum(ROLES)).max(ROLES.length),
  mfa: z.enum(['ok', 'enrol']),
});

export type AccessTokenClaims = z.infer<typeof accessTokenClaimsSchema>;

/** The actor an access token's (already verified) claims describe. */
export function actorFromClaims(claims: AccessTokenClaims): AuthenticatedActor {
  return {
    userId: claims.sub,
    sessionId: claims.sid,
    organisationId: claims.org,
    organisationKind: claims.okd,
    organisationName: claims.onm,
    country: claims.cty,
    stationedIn: claims.stn,
    nodeId: claims.nod,
    roles: claims.rol as Role[],
    mfaEnrolmentPending: claims.mfa === 'enrol',
  };
}

/** The access-token audience and issuer of one node; tokens of another node are not accepted here. */
export function tokenAudience(nodeId: string): { issuer: string; audience: string } {
  return { issuer: `passage-identity:${nodeId}`, audience: `passage:${nodeId}` };
}
