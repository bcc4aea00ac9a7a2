import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource } from 'typeorm';
import { Clock, CodedError } from '@passage/shared';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/index.js';
import {
  PasswordHasher,
  SecretBox,
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  matchRecoveryCode,
  otpauthUri,
  verifyTotp,
} from '../credentials/index.js';
import { UserAccountEntity } from '../people/index.js';
import { RecoveryCodeEntity } from './entities/recovery-code.entity.js';

export interface TotpEnrolment {
  secret: string;
  otpauthUri: string;
}

/**
 * Time-based one-time codes as a second factor: enrolment (a secret the person adds to an authenticator
 * app, confirmed by a first code), checking a code at sign-in (each time step accepted once), and
 * single-use recovery codes for a lost device. Secrets are sealed at rest, bound to their user.
 */
@Injectable()
export class SecondFactor {
  private readonly box: SecretBox;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(IDENTITY_CONFIG) config: IdentityConfig,
    private readonly clock: Clock,
    private readonly passwords: PasswordHasher,
  ) {
    this.box = new SecretBox(config.IDENTITY_SECRET_KEY);
  }

  /**
   * Starts (or restarts, while unconfirmed) an enrolment; a confirmed factor cannot be replaced this way.
   * The person gives their password again: a session alone (a borrowed laptop, a stolen token) must not
   * be enough to bind someone else's authenticator to the account.
   */
  async enrol(userId: string, currentPassword: string | null | undefined): Promise<TotpEnrolment> {
    const user = await this.dataSource.getRepository(UserAccountEntity).findOneByOrFail({ id: userId });
    if (!currentPassword) {
      throw new CodedError(
        'BAD_USER_INPUT',
        'input.currentPassword: give your password to set up an authenticator',
        {
          field: 'input.currentPassword',
          reason: 'REAUTHENTICATION_REQUIRED',
        },
      );
    }
    if (!(await this.passwords.verify(user.passwordHash, currentPassword))) {
      throw new CodedError('BAD_USER_INPUT', 'input.currentPassword: this is not your current password', {
        field: 'input.currentPassword',
        reason: 'WRONG_PASSWORD',
      });
    }
    if (user.totpConfirmedAt) {
      throw new CodedError('CONFLICT', 'An authenticator is already set up for this account.', {
        reason: 'MFA_ALREADY_ENROLLED',
      });
    }
    const secret = generateTotpSecret();
    await this.dataSource
      .getRepository(UserAccountEntity)
      .update({ id: userId }, { totpSecret: this.box.seal(secret, userId), totpLastStep: null });
    return { secret, otpauthUri: otpauthUri({ secret, accountName: user.email, issuer: 'Passage' }) };
  }

  /** Confirms the enrolment with a first code and returns the recovery codes (shown once, stored hashed). */
  async confirm(userId: string, code: string): Promise<string[]> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.findOneOrFail(UserAccountEntity, {
        where: { id: userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (user.totpConfirmedAt) {
        throw new CodedError('CONFLICT', 'An authenticator is already set up for this account.', {
          reason: 'MFA_ALREADY_ENROLLED',
        });
      }
      if (!user.totpSecret) {
        throw new CodedError('CONFLICT', 'Start the enrolment first.', { reason: 'MFA_NOT_ENROLLING' });
      }
      const step = verifyTotp(this.box.open(user.totpSecret, userId), code, now);
      if (step === null)
        throw new CodedError('BAD_USER_INPUT', 'input.code: the code is not right', { field: 'input.code' });
      await manager.update(
        UserAccountEntity,
        { id: userId },
        { totpConfirmedAt: now, totpLastStep: String(step) },
      );
      const codes = generateRecoveryCodes();
      await manager.delete(RecoveryCodeEntity, { userId });
      await manager.insert(
        RecoveryCodeEntity,
        codes.map((recovery) => ({
          id: randomUUID(),
          userId,
          codeHash: hashRecoveryCode(recovery),
          usedAt: null,
        })),
      );
      return codes;
    });
  }

  /** At sign-in, after the password matched: a fresh authenticator code, or an unused recovery code. */
  async verifyAtSignIn(
    user: UserAccountEntity,
    given: { totpCode?: string | null; recoveryCode?: string | null },
    now: Date,
  ): Promise<'ok' | 'missing' | 'wrong'> {
    if (given.totpCode && user.totpSecret) {
      const step = verifyTotp(this.box.open(user.totpSecret, user.id), given.totpCode, now, {
        ...(user.totpLastStep === null ? {} : { afterStep: Number(user.totpLastStep) }),
      });
      if (step === null) return 'wrong';
      const claimed = await this.dataSource
        .createQueryBuilder()
        .update(UserAccountEntity)
        .set({ totpLastStep: String(step) })
        .where('id = :id AND (totp_last_step IS NULL OR totp_last_step < :step)', { id: user.id, step })
        .execute();
      // Two sign-ins racing with the same code: only one wins the step.
      return claimed.affected === 1 ? 'ok' : 'wrong';
    }
    if (given.recoveryCode) {
      const unused = await this.dataSource
        .getRepository(RecoveryCodeEntity)
        .findBy({ userId: user.id, usedAt: IsNull() });
      const index = matchRecoveryCode(
        given.recoveryCode,
        unused.map((row) => row.codeHash),
      );
      if (index < 0) return 'wrong';
      const used = await this.dataSource
        .getRepository(RecoveryCodeEntity)
        .update({ id: unused[index].id, usedAt: IsNull() }, { usedAt: now });
      return used.affected === 1 ? 'ok' : 'wrong';
    }
    return 'missing';
  }
}
