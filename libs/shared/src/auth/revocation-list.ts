import type { AccessTokenClaims } from './authenticated-actor.js';

/**
 * Access tokens are verified without calling the identity service, so a logout, a detected refresh-token
 * reuse or a deactivation has to reach every verifier another way: identity announces them on Kafka and
 * each process keeps this list. A token is refused when its session was revoked, or when it was issued
 * before its user or organisation was deactivated.
 */
export class RevocationList {
  private readonly sessions = new Map<string, number>();
  private readonly users = new Map<string, number>();
  private readonly organisations = new Map<string, number>();

  /** `until` is when the session's last access token expires; the entry is useless after that. */
  revokeSession(sessionId: string, until: Date): void {
    this.sessions.set(sessionId, Math.max(until.getTime(), this.sessions.get(sessionId) ?? 0));
  }

  revokeUser(userId: string, at: Date): void {
    this.users.set(userId, Math.max(at.getTime(), this.users.get(userId) ?? 0));
  }

  revokeOrganisation(organisationId: string, at: Date): void {
    this.organisations.set(
      organisationId,
      Math.max(at.getTime(), this.organisations.get(organisationId) ?? 0),
    );
  }

  isRevoked(claims: Pick<AccessTokenClaims, 'sid' | 'sub' | 'org' | 'iat'>): boolean {
    if (this.sessions.has(claims.sid)) return true;
    // iat has one-second resolution: a token from the same second as the deactivation is refused too.
    const issuedAt = claims.iat * 1000;
    const userCutoff = this.users.get(claims.sub);
    if (userCutoff !== undefined && issuedAt <= userCutoff) return true;
    const organisationCutoff = this.organisations.get(claims.org);
    return organisationCutoff !== undefined && issuedAt <= organisationCutoff;
  }

  /** Drops session entries whose tokens have all expired (user and organisation cut-offs are kept). */
  prune(now: Date): void {
    for (const [sessionId, until] of this.sessions)
      if (until < now.getTime()) this.sessions.delete(sessionId);
  }
}
