import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import { tokenAudience, type AccessTokenClaims } from '@passage/shared';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/identity.config.js';
import type { OrganisationEntity } from '../organisation/entities/organisation.entity.js';
import type { UserAccountEntity } from '../user/entities/user-account.entity.js';
import { SigningKeyStore } from './signing-key.store.js';

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
  ) {}

  async issue(
    user: UserAccountEntity,
    organisation: OrganisationEntity,
    sessionId: string,
    options: { mfaEnrolmentPending: boolean; notAfter: Date },
  ): Promise<IssuedAccessToken> {
    const { kid, privateKey } = this.keys.signingKey();
    const issuedAt = Math.floor(Date.now() / 1000);
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
