import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { sessionRevokedV1 } from '@passage/schemas';
import { Clock, Outbox, type AuthenticatedActor } from '@passage/shared';
import { SessionEnding } from '../access/index.js';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/index.js';
import {
  LoginThrottle,
  PasswordHasher,
  generateOpaqueToken,
  hashOpaqueToken,
  parseOpaqueToken,
} from '../credentials/index.js';
import { OrganisationEntity } from '../organisations/index.js';
import { UserAccountEntity, requiresSecondFactor } from '../people/index.js';
import { SecondFactor } from '../second-factor/index.js';
import { AccessTokenIssuer } from '../signing-keys/index.js';
import { RefreshTokenEntity } from './entities/refresh-token.entity.js';
import { SessionEntity } from './entities/session.entity.js';
import { AttemptLedger } from './attempt-ledger.js';
import { FailedLoginTracker } from './failed-login-tracker.js';
import {
  AccountLockedError,
  InvalidCredentialsError,
  InvalidRefreshTokenError,
  SecondFactorLockedError,
  SecondFactorRequiredError,
} from './session.errors.js';

export interface SignInResult {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  mfaEnrolmentRequired: boolean;
  user: UserAccountEntity;
  organisation: OrganisationEntity;
  sessionId: string;
}

export interface Credentials {
  email: string;
  password: string;
  totpCode?: string | null;
  recoveryCode?: string | null;
}

type SessionRevocationReason =
  | 'LOGOUT'
  | 'REFRESH_TOKEN_REUSE'
  | 'USER_DEACTIVATED'
  | 'ORGANISATION_DEACTIVATED'
  | 'PASSWORD_CHANGED'
  | 'CREDENTIALS_RESET';

/**
 * Signing in, refreshing and ending sessions. A session has an absolute end; within it, each refresh
 * token works once and is replaced, and presenting a replaced one again ends the whole session (someone
 * else has a copy).
 */
@Injectable()
export class SessionService implements SessionEnding {
  private readonly throttle = new LoginThrottle();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly passwords: PasswordHasher,
    private readonly secondFactor: SecondFactor,
    private readonly tokens: AccessTokenIssuer,
    private readonly unknownAddresses: FailedLoginTracker,
    private readonly attempts: AttemptLedger,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async signIn(credentials: Credentials): Promise<SignInResult> {
    const now = this.clock.now();
    const email = credentials.email.trim().toLowerCase();
    const found = await this.findAccount(email);
    if (!found) return this.refuseUnknownAddress(email, credentials.password, now);
    const { user, organisation } = found;

    const reserved = await this.attempts.reserve('PASSWORD', user.id, now);
    if (!reserved.allowed) throw new AccountLockedError(reserved.retryAfterSeconds);
    const passwordMatches = await this.passwords.verify(user.passwordHash, credentials.password);
    // A wrong password keeps its reservation: it was counted as a failure before the check.
    if (!passwordMatches || !user.active || !organisation.active) throw new InvalidCredentialsError();
    if (user.totpConfirmedAt) await this.checkSecondFactor(user, credentials, now);
    return this.dataSource.transaction(async (manager) => {
      await this.attempts.clear(user.id, ['PASSWORD', 'SECOND_FACTOR'], manager);
      await manager.update(UserAccountEntity, { id: user.id }, { lastLoginAt: now });
      const session = manager.create(SessionEntity, {
        id: randomUUID(),
        userId: user.id,
        createdAt: now,
        lastUsedAt: now,
        expiresAt: new Date(now.getTime() + this.config.SESSION_MAX_AGE_MS),
        revokedAt: null,
        revokeReason: null,
      });
      await manager.insert(SessionEntity, session);
      return this.issueTokens(manager, user, organisation, session, now);
    });
  }

  /**
   * After the right password: without a code the password's reservation is released (the person is
   * fetching their code); with one, a second-factor attempt is reserved too, so wrong codes count on
   * their own, stricter lock as well as on the password's.
   */
  private async checkSecondFactor(
    user: UserAccountEntity,
    credentials: Credentials,
    now: Date,
  ): Promise<void> {
    if (!credentials.totpCode && !credentials.recoveryCode) {
      await this.attempts.clear(user.id, ['PASSWORD']);
      throw new SecondFactorRequiredError(false);
    }
    const reserved = await this.attempts.reserve('SECOND_FACTOR', user.id, now);
    if (!reserved.allowed) throw new SecondFactorLockedError(reserved.retryAfterSeconds);
    const accepted = await this.secondFactor.verifyAtSignIn(user, credentials, now);
    if (accepted !== 'ok') throw new SecondFactorRequiredError(accepted === 'wrong');
  }

  async refresh(presented: string): Promise<SignInResult> {
    const now = this.clock.now();
    let hash: string;
    try {
      hash = hashOpaqueToken(parseOpaqueToken(presented));
    } catch {
      throw new InvalidRefreshTokenError();
    }
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await manager.findOne(RefreshTokenEntity, {
        where: { tokenHash: hash },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token) return 'unknown' as const;
      const session = await manager.findOneOrFail(SessionEntity, {
        where: { id: token.sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (session.revokedAt) return 'ended' as const;
      if (token.rotatedAt) {
        // A replaced token came back: whoever holds it is not (only) the person the session belongs to.
        await this.revoke(manager, session, 'REFRESH_TOKEN_REUSE', now);
        return 'reused' as const;
      }
      if (token.expiresAt <= now || session.expiresAt <= now) return 'ended' as const;
      const account = await this.findAccount(undefined, session.userId, manager);
      if (!account || !account.user.active || !account.organisation.active) return 'ended' as const;
      await manager.update(RefreshTokenEntity, { tokenHash: hash }, { rotatedAt: now });
      await manager.update(SessionEntity, { id: session.id }, { lastUsedAt: now });
      return this.issueTokens(manager, account.user, account.organisation, session, now);
    });
    if (typeof outcome === 'string') throw new InvalidRefreshTokenError();
    return outcome;
  }

  /** Ends the caller's own session. */
  async signOut(actor: AuthenticatedActor): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      const session = await manager.findOne(SessionEntity, {
        where: { id: actor.sessionId },
        lock: { mode: 'pessimistic_write' },
      });
      if (session && !session.revokedAt) await this.revoke(manager, session, 'LOGOUT', now);
    });
  }

  async endForDeactivatedPerson(manager: EntityManager, userId: string, at: Date): Promise<void> {
    await this.revokeAllOf(manager, [userId], 'USER_DEACTIVATED', at);
  }

  async endSessionsOfPerson(
    manager: EntityManager,
    userId: string,
    keepSessionId: string | null,
    reason: 'PASSWORD_CHANGED' | 'CREDENTIALS_RESET',
    at: Date,
  ): Promise<number> {
    const open = await manager.find(SessionEntity, {
      where: { userId, revokedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    const ending = open.filter((session) => session.id !== keepSessionId);
    for (const session of ending) await this.revoke(manager, session, reason, at);
    return ending.length;
  }

  async endForDeactivatedOrganisation(
    manager: EntityManager,
    organisationId: string,
    at: Date,
  ): Promise<void> {
    const people = await manager.find(UserAccountEntity, { where: { organisationId }, select: { id: true } });
    await this.revokeAllOf(
      manager,
      people.map((person) => person.id),
      'ORGANISATION_DEACTIVATED',
      at,
    );
  }

  /** Ends every open session of the given people; their tokens are refused by the deactivation event. */
  private async revokeAllOf(
    manager: EntityManager,
    userIds: readonly string[],
    reason: SessionRevocationReason,
    now: Date,
  ): Promise<void> {
    if (userIds.length === 0) return;
    await manager
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: now, revokeReason: reason })
      .where('user_id IN (:...userIds) AND revoked_at IS NULL', { userIds })
      .execute();
  }

  private async revoke(
    manager: EntityManager,
    session: SessionEntity,
    reason: SessionRevocationReason,
    now: Date,
  ): Promise<void> {
    await manager.update(SessionEntity, { id: session.id }, { revokedAt: now, revokeReason: reason });
    await this.outbox.appendEvent(manager, sessionRevokedV1, {
      aggregateId: session.userId,
      payload: {
        sessionId: session.id,
        userId: session.userId,
        reason,
        revokedAt: now.toISOString(),
        accessTokensValidUntil: new Date(
          now.getTime() + this.config.ACCESS_TOKEN_TTL_MS + 60_000,
        ).toISOString(),
      },
    });
  }

  private async issueTokens(
    manager: EntityManager,
    user: UserAccountEntity,
    organisation: OrganisationEntity,
    session: SessionEntity,
    now: Date,
  ): Promise<SignInResult> {
    const refresh = generateOpaqueToken();
    const refreshTokenExpiresAt = new Date(
      Math.min(now.getTime() + this.config.REFRESH_TOKEN_TTL_MS, session.expiresAt.getTime()),
    );
    await manager.insert(RefreshTokenEntity, {
      tokenHash: refresh.hash,
      sessionId: session.id,
      issuedAt: now,
      expiresAt: refreshTokenExpiresAt,
      rotatedAt: null,
    });
    // Case, decision and verifier roles need a second factor whatever the organisation chose (ADR 024).
    const mfaEnrolmentRequired =
      (organisation.requireMfa || requiresSecondFactor(user.roles)) && !user.totpConfirmedAt;
    const access = await this.tokens.issue(user, organisation, session.id, {
      mfaEnrolmentPending: mfaEnrolmentRequired,
      notAfter: session.expiresAt,
    });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: refresh.token,
      refreshTokenExpiresAt,
      mfaEnrolmentRequired,
      user,
      organisation,
      sessionId: session.id,
    };
  }

  private async refuseUnknownAddress(email: string, password: string, now: Date): Promise<never> {
    const state = this.unknownAddresses.state(email);
    const decision = this.throttle.check(state, now);
    if (!decision.allowed) throw new AccountLockedError(decision.retryAfterSeconds);
    // Counted before the slow check, with nothing awaited in between, so parallel guesses see each other.
    this.unknownAddresses.record(email, this.throttle.recordFailure(state, now).state);
    // Spend the time a real verification takes, so timing does not tell unknown addresses apart.
    await this.passwords.dummyVerify(password);
    throw new InvalidCredentialsError();
  }

  private async findAccount(
    email: string | undefined,
    userId?: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ user: UserAccountEntity; organisation: OrganisationEntity } | undefined> {
    const user = await manager.findOne(UserAccountEntity, { where: email ? { email } : { id: userId } });
    if (!user) return undefined;
    const organisation = await manager.findOneOrFail(OrganisationEntity, {
      where: { id: user.organisationId },
    });
    return { user, organisation };
  }
}
