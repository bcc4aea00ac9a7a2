import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { userCreatedV1, type Role } from '@passage/schemas';
import { Outbox } from '@passage/shared';
import { PasswordHasher } from '../credentials/index.js';
import { UserAccountEntity } from './entities/user-account.entity.js';

/**
 * Accounts made outside any request, with a known password and their roles at once: the demo seed and
 * tests. No resolver reaches it, so it is not a way around the separation of duties (ADR 024); the demo
 * seed refuses to run in production.
 */
@Injectable()
export class AccountBootstrap {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    private readonly outbox: Outbox,
  ) {}

  async createWithPassword(input: {
    organisationId: string;
    email: string;
    displayName: string;
    roles: Role[];
    password: string;
  }): Promise<UserAccountEntity> {
    const passwordHash = await this.passwords.hash(input.password);
    return this.dataSource.transaction(async (manager) => {
      const id = randomUUID();
      await manager.insert(UserAccountEntity, {
        id,
        organisationId: input.organisationId,
        email: input.email.trim().toLowerCase(),
        displayName: input.displayName,
        passwordHash,
        roles: input.roles,
      });
      await this.outbox.appendEvent(manager, userCreatedV1, {
        aggregateId: id,
        payload: { userId: id, organisationId: input.organisationId, roles: input.roles, createdBy: null },
      });
      return manager.findOneByOrFail(UserAccountEntity, { id });
    });
  }
}
