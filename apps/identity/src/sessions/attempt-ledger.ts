import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { LoginThrottle, type LoginAttemptDecision } from '../credentials/index.js';

/** The two things an account counts wrong guesses of, each with its own lock. */
export type AttemptKind = 'PASSWORD' | 'SECOND_FACTOR';

const COLUMNS: Record<AttemptKind, { count: string; lockedUntil: string }> = {
  PASSWORD: { count: 'failed_logins', lockedUntil: 'locked_until' },
  SECOND_FACTOR: { count: 'failed_second_factor', lockedUntil: 'second_factor_locked_until' },
};

/**
 * Second-factor codes are six digits: once the password is known they are the only barrier, so fewer
 * wrong codes are free and the lock grows to an hour rather than the password's fifteen minutes.
 */
const THROTTLES: Record<AttemptKind, LoginThrottle> = {
  PASSWORD: new LoginThrottle(),
  SECOND_FACTOR: new LoginThrottle({ freeAttempts: 2, baseLockSeconds: 60, maxLockSeconds: 3600 }),
};

/**
 * Counts an attempt in the database BEFORE the slow check it pays for, so parallel guesses cannot all
 * read the same unlocked row: each reservation takes the account row's lock for a moment, sees the
 * reservations before it, and counts itself as a failure (locking the account if it is one too many).
 * A successful sign-in clears the counts. ADR 023.
 */
@Injectable()
export class AttemptLedger {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Reserves one attempt of `kind` for the account, or says how long it is locked. */
  async reserve(kind: AttemptKind, userId: string, now: Date): Promise<LoginAttemptDecision> {
    const { count, lockedUntil } = COLUMNS[kind];
    const throttle = THROTTLES[kind];
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `SELECT ${count} AS failed, ${lockedUntil} AS locked_until FROM user_account WHERE id = $1 FOR UPDATE`,
        [userId],
      )) as { failed: number; locked_until: Date | null }[];
      const state = { failedAttempts: row.failed, lockedUntil: row.locked_until };
      const decision = throttle.check(state, now);
      if (!decision.allowed) return decision;
      const reserved = throttle.recordFailure(state, now).state;
      await manager.query(`UPDATE user_account SET ${count} = $2, ${lockedUntil} = $3 WHERE id = $1`, [
        userId,
        reserved.failedAttempts,
        reserved.lockedUntil,
      ]);
      return decision;
    });
  }

  /** Clears the count and lock of each kind given: the guess it was counting turned out right. */
  async clear(
    userId: string,
    kinds: readonly AttemptKind[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const assignments = kinds.flatMap((kind) => [
      `${COLUMNS[kind].count} = 0`,
      `${COLUMNS[kind].lockedUntil} = NULL`,
    ]);
    await manager.query(`UPDATE user_account SET ${assignments.join(', ')} WHERE id = $1`, [userId]);
  }
}
