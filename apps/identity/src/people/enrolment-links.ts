import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { enrolmentLinkIssuedV1 } from '@passage/schemas';
import { Clock, CodedError, Outbox, type AuthenticatedActor } from '@passage/shared';
import { IdentityAccess, SessionEnding } from '../access/index.js';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/index.js';
import {
  PasswordHasher,
  generateOpaqueToken,
  hashOpaqueToken,
  parseOpaqueToken,
} from '../credentials/index.js';
import { OrganisationEntity } from '../organisations/index.js';
import { EnrolmentLinkEntity } from './entities/enrolment-link.entity.js';
import { UserAccountEntity } from './entities/user-account.entity.js';
import { assertAcceptablePassword } from './password-rules.js';
import { peopleErrors } from './people.errors.js';

/** A link's token, shown once to whoever issued it; only its hash is stored. */
export interface IssuedEnrolmentLink {
  token: string;
  expiresAt: Date;
}

/**
 * One-time enrolment links: nobody but the person chooses their password. A new account and a reset by an
 * administrator both issue one; the person redeems it with `enrol`. A reset leaves the second factor in
 * place, so whoever issued the link cannot sign in as the person with it alone.
 */
@Injectable()
export class EnrolmentLinks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly access: IdentityAccess,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionEnding,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /** A hash no password matches: the account cannot be signed in to until its link is redeemed. */
  unusablePasswordHash(): Promise<string> {
    return this.passwords.hash(randomBytes(32).toString('base64url'));
  }

  /** Issues a link in the caller's transaction; any earlier unused link of the person stops working. */
  async issue(
    manager: EntityManager,
    user: Pick<UserAccountEntity, 'id' | 'organisationId'>,
    issuedBy: string,
  ): Promise<IssuedEnrolmentLink> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.ENROLMENT_LINK_TTL_MS);
    await manager.update(EnrolmentLinkEntity, { userId: user.id, usedAt: IsNull() }, { usedAt: now });
    const { token, hash } = generateOpaqueToken();
    await manager.insert(EnrolmentLinkEntity, {
      tokenHash: hash,
      userId: user.id,
      issuedBy,
      issuedAt: now,
      expiresAt,
      usedAt: null,
    });
    await this.outbox.appendEvent(manager, enrolmentLinkIssuedV1, {
      aggregateId: user.id,
      payload: {
        userId: user.id,
        organisationId: user.organisationId,
        issuedBy,
        expiresAt: expiresAt.toISOString(),
      },
    });
    return { token, expiresAt };
  }

  /**
   * An administrator's reset: the password stops working, the person's sessions end, and a new link is
   * issued. The platform operator resets only administrators (the first administrator of an organisation
   * who lost their password); everyone else is reset by their own organisation.
   */
  async reset(actor: AuthenticatedActor, userId: string): Promise<IssuedEnrolmentLink> {
    const user = await this.dataSource.getRepository(UserAccountEntity).findOneBy({ id: userId });
    this.access.authorise(actor, 'user.issue-enrolment-link', { id: user?.organisationId ?? '' });
    if (!user) throw new CodedError('NOT_FOUND', 'No user with this id.', { field: 'input.userId' });
    if (user.id === actor.userId) throw peopleErrors.ownAccountReset();
    const operatorOnOtherOrganisation =
      actor.organisationKind === 'PLATFORM_OPERATOR' && user.organisationId !== actor.organisationId;
    const administratorOnly =
      user.roles.length > 0 && user.roles.every((role) => role === 'ORGANISATION_ADMIN');
    if (operatorOnOtherOrganisation && !administratorOnly) {
      throw peopleErrors.operatorResetsAdministratorsOnly();
    }
    const passwordHash = await this.unusablePasswordHash();
    return this.dataSource.transaction(async (manager) => {
      await manager.update(UserAccountEntity, { id: user.id }, { passwordHash });
      await this.sessions.endSessionsOfPerson(manager, user.id, null, 'CREDENTIALS_RESET', this.clock.now());
      return this.issue(manager, user, actor.userId);
    });
  }

  /** The person sets their own password with the link; it works once, before it expires. */
  async redeem(token: string, password: string): Promise<UserAccountEntity> {
    let hash: string;
    try {
      hash = hashOpaqueToken(parseOpaqueToken(token));
    } catch {
      throw peopleErrors.enrolmentLinkInvalid();
    }
    const now = this.clock.now();
    const link = await this.dataSource.getRepository(EnrolmentLinkEntity).findOneBy({ tokenHash: hash });
    const user = link
      ? await this.dataSource.getRepository(UserAccountEntity).findOneBy({ id: link.userId })
      : null;
    const organisation = user
      ? await this.dataSource.getRepository(OrganisationEntity).findOneBy({ id: user.organisationId })
      : null;
    if (!link || !user || link.usedAt || link.expiresAt <= now || !user.active || !organisation?.active) {
      throw peopleErrors.enrolmentLinkInvalid();
    }
    assertAcceptablePassword(password, user, 'input.password');
    const passwordHash = await this.passwords.hash(password);
    return this.dataSource.transaction(async (manager) => {
      // Claiming the link and setting the password are one step: two redemptions racing, one wins.
      const claimed = await manager.update(
        EnrolmentLinkEntity,
        { tokenHash: hash, usedAt: IsNull() },
        { usedAt: now },
      );
      if (claimed.affected !== 1) throw peopleErrors.enrolmentLinkInvalid();
      await manager.update(UserAccountEntity, { id: user.id }, { passwordHash });
      return manager.findOneByOrFail(UserAccountEntity, { id: user.id });
    });
  }
}
