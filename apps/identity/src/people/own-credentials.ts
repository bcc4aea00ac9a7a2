import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock, type AuthenticatedActor } from '@passage/shared';
import { IdentityAccess, SessionEnding } from '../access/index.js';
import { PasswordHasher } from '../credentials/index.js';
import { UserAccountEntity } from './entities/user-account.entity.js';
import { assertAcceptablePassword } from './password-rules.js';
import { peopleErrors } from './people.errors.js';

/** A person looking after their own password. */
@Injectable()
export class OwnCredentials {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IdentityAccess,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionEnding,
    private readonly clock: Clock,
  ) {}

  /**
   * Changes the password after re-authentication with the current one, and ends every other session of
   * the person: if the password was changed because someone else knew it, their sessions go too.
   * Returns how many sessions ended.
   */
  async changePassword(
    actor: AuthenticatedActor,
    currentPassword: string,
    newPassword: string,
  ): Promise<number> {
    this.access.authorise(actor, 'self.manage-credentials', { id: actor.organisationId });
    const user = await this.dataSource.getRepository(UserAccountEntity).findOneByOrFail({ id: actor.userId });
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw peopleErrors.wrongCurrentPassword();
    }
    assertAcceptablePassword(newPassword, user, 'input.newPassword');
    const passwordHash = await this.passwords.hash(newPassword);
    return this.dataSource.transaction(async (manager) => {
      await manager.update(UserAccountEntity, { id: user.id }, { passwordHash });
      return this.sessions.endSessionsOfPerson(
        manager,
        user.id,
        actor.sessionId,
        'PASSWORD_CHANGED',
        this.clock.now(),
      );
    });
  }
}
