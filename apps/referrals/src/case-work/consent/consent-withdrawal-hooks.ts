import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ConsentPurpose } from '@passage/schemas';

/** Something that must act, in the same transaction, when a survivor withdraws a consent. */
export type ConsentWithdrawalHook = (
  manager: EntityManager,
  withdrawal: { personId: string; purpose: ConsentPurpose; at: Date },
) => Promise<void>;

/**
 * Where other contexts register what a withdrawal means for them (a handoff erasing the copies that
 * crossed a border, say), so consent does not depend on every context that relies on it.
 */
@Injectable()
export class ConsentWithdrawalHooks {
  private readonly hooks: ConsentWithdrawalHook[] = [];

  register(hook: ConsentWithdrawalHook): void {
    this.hooks.push(hook);
  }

  async run(
    manager: EntityManager,
    withdrawal: { personId: string; purpose: ConsentPurpose; at: Date },
  ): Promise<void> {
    for (const hook of this.hooks) await hook(manager, withdrawal);
  }
}
