import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import type { OrganisationKind, Role } from '@passage/schemas';
import { Clock, tokenAudience, type AccessTokenClaims } from '@passage/shared';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/index.js';
import { SigningKeyStore } from './signing-key.store.js';

/** What of the person a token carries. */
export interface TokenHolder {
  id: string;
  roles: Role[];
}

/** What of the person's organisation a token carries. */
export interface TokenOrganisation {
  id: string;
  kind: OrganisationKind;
  name: string;
  country: string | null;
  stationedIn: string | null;
}

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

/** Signs short-lived access tokens describing the person, their organisation and their session. */
@Injectable()
export class AccessTokenIssuer {
  constructor(
    private readonly keys: SigningKeyStore,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly clock: Clock,
  ) {}

  async issue(
    user: TokenHolder,
    organisation: TokenOrganisation,
    sessionId: string,
    options: { mfaEnrolmentPending: boolean; notAfter: Date },
  ): Promise<IssuedAccessToken> {
    const { kid, privateKey } = this.keys.signingKey();
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    // Never outlive the session itself.
    const expiresAt = Math.min(
      issuedAt + Math.floor(this.config.ACCESS_TOKEN_TTL_MS / 1000),
      Math.floor(options.notAfter.getTime() / 1000),
    );
    const claims: Omit<AccessTokenClaims, 'sub' | 'jti' | 'iat' | 'exp'> = {
      sid: sessionId,
      org: organisation.id,
      okd: organisation.kind,
      onm: organisation.name,
      cty: organisation.country,
      stn: organisation.stationedIn,
      nod: this.config.NODE_ID,
      rol: user.roles,
      mfa: options.mfaEnrolmentPending ? 'enrol' : 'ok',
    };
    const { issuer, audience } = tokenAudience(this.config.NODE_ID);
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'at+jwt' })
      .setSubject(user.id)
      .setJti(randomUUID())
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(privateKey);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }
}
