import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import { userCreatedV1, userDeactivatedV1, userRolesAssignedV1, type Role } from '@passage/schemas';
import {
  Clock,
  CodedError,
  Outbox,
  decodeCursor,
  toConnection,
  type AuthenticatedActor,
} from '@passage/shared';
import { IdentityAccess, SessionEnding } from '../access/index.js';
import { PasswordHasher, checkPasswordPolicy } from '../credentials/index.js';
import { OrganisationEntity } from '../organisations/index.js';
import type { createUserSchema } from './dtos/user.inputs.js';
import { UserAccountEntity } from './entities/user-account.entity.js';
import { rolesNotAllowedFor } from './role-compatibility.js';

/** The people of each organisation: accounts, roles and deactivation. */
@Injectable()
export class UserService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IdentityAccess,
    private readonly passwords: PasswordHasher,
    private readonly sessions: SessionEnding,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /** The signed-in person's own account. */
  async me(actor: AuthenticatedActor): Promise<UserAccountEntity> {
    this.access.authorise(actor, 'self.read', { id: actor.organisationId });
    return this.dataSource.getRepository(UserAccountEntity).findOneByOrFail({ id: actor.userId });
  }

  async list(
    actor: AuthenticatedActor,
    organisationId: string | null | undefined,
    page: { first: number; after?: string | null },
  ) {
    const scope = organisationId ?? actor.organisationId;
    const organisation = await this.organisationOf(scope);
    this.access.authorise(actor, 'user.list', organisation ?? { id: scope });
    const query = this.dataSource
      .getRepository(UserAccountEntity)
      .createQueryBuilder('u')
      .where('u.organisation_id = :scope', { scope });
    const totalCount = await query.getCount();
    if (page.after) {
      const { createdAt, id } = decodeCursor(page.after);
      query.andWhere('(u.created_at, u.id) > (:createdAt, :id)', { createdAt, id });
    }
    const rows = await query
      .orderBy('u.created_at')
      .addOrderBy('u.id')
      .take(page.first + 1)
      .getMany();
    return toConnection(rows, page.first, totalCount, (row) => row);
  }

  async get(actor: AuthenticatedActor, userId: string): Promise<UserAccountEntity> {
    const user = await this.dataSource.getRepository(UserAccountEntity).findOneBy({ id: userId });
    const organisation = user ? await this.organisationOf(user.organisationId) : undefined;
    this.access.authorise(
      actor,
      userId === actor.userId ? 'self.read' : 'user.read',
      organisation ?? { id: '' },
    );
    if (!user) throw new CodedError('NOT_FOUND', 'No user with this id.', { field: 'userId' });
    return user;
  }

  /** `actor` null: the demo seed and operators' bootstrap, which run outside any request. */
  async create(
    actor: AuthenticatedActor | null,
    input: z.output<typeof createUserSchema>,
  ): Promise<UserAccountEntity> {
    const organisation = await this.organisationOf(input.organisationId);
    if (actor) this.access.authorise(actor, 'user.create', organisation ?? { id: input.organisationId });
    if (!organisation || !organisation.active) {
      throw new CodedError('NOT_FOUND', 'input.organisationId: no active organisation with this id', {
        field: 'input.organisationId',
      });
    }
    this.checkRoles(organisation, input.roles, 'input.roles');
    const problems = checkPasswordPolicy(input.initialPassword, {
      email: input.email,
      displayName: input.displayName,
      organisationName: organisation.name,
    });
    if (problems.length > 0) {
      throw new CodedError(
        'BAD_USER_INPUT',
        `input.initialPassword: ${problems.map((problem) => problem.message).join('; ')}`,
        { field: 'input.initialPassword', reason: problems[0].code },
      );
    }
    const passwordHash = await this.passwords.hash(input.initialPassword);
    return this.dataSource.transaction(async (manager) => {
      const email = input.email.trim().toLowerCase();
      if (await manager.existsBy(UserAccountEntity, { email })) {
        throw new CodedError('CONFLICT', 'input.email: an account with this e-mail address exists already', {
          field: 'input.email',
        });
      }
      const id = randomUUID();
      await manager.insert(UserAccountEntity, {
        id,
        organisationId: organisation.id,
        email,
        displayName: input.displayName,
        passwordHash,
        roles: input.roles,
      });
      await this.outbox.appendEvent(manager, userCreatedV1, {
        aggregateId: id,
        payload: {
          userId: id,
          organisationId: organisation.id,
          roles: input.roles,
          createdBy: actor?.userId ?? null,
        },
      });
      return manager.findOneByOrFail(UserAccountEntity, { id });
    });
  }

  async assignRoles(actor: AuthenticatedActor, userId: string, roles: Role[]): Promise<UserAccountEntity> {
    const user = await this.get(actor, userId);
    const organisation = await this.organisationOf(user.organisationId);
    this.access.authorise(actor, 'user.assign-roles', organisation!);
    this.checkRoles(organisation!, roles, 'input.roles');
    return this.dataSource.transaction(async (manager) => {
      await manager.update(UserAccountEntity, { id: userId }, { roles: [...new Set(roles)] });
      await this.outbox.appendEvent(manager, userRolesAssignedV1, {
        aggregateId: userId,
        payload: {
          userId,
          organisationId: user.organisationId,
          roles: [...new Set(roles)],
          assignedBy: actor.userId,
        },
      });
      return manager.findOneByOrFail(UserAccountEntity, { id: userId });
    });
  }

  /** Ends a person's access: their sessions end, and every token issued to them so far is refused. */
  async deactivate(actor: AuthenticatedActor, userId: string): Promise<UserAccountEntity> {
    const user = await this.get(actor, userId);
    this.access.authorise(actor, 'user.deactivate', (await this.organisationOf(user.organisationId))!);
    if (userId === actor.userId) {
      throw new CodedError('CONFLICT', 'You cannot deactivate your own account.', { field: 'input.userId' });
    }
    if (!user.active) return user;
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      await manager.update(UserAccountEntity, { id: userId }, { active: false, deactivatedAt: now });
      await this.sessions.endForDeactivatedPerson(manager, userId, now);
      await this.outbox.appendEvent(manager, userDeactivatedV1, {
        aggregateId: userId,
        payload: {
          userId,
          organisationId: user.organisationId,
          deactivatedAt: now.toISOString(),
          deactivatedBy: actor.userId,
        },
      });
      return manager.findOneByOrFail(UserAccountEntity, { id: userId });
    });
  }

  private organisationOf(id: string): Promise<OrganisationEntity | null> {
    return this.dataSource.getRepository(OrganisationEntity).findOneBy({ id });
  }

  private checkRoles(organisation: OrganisationEntity, roles: readonly Role[], field: string): void {
    const refused = rolesNotAllowedFor(organisation.kind, roles);
    if (refused.length > 0) {
      throw new CodedError(
        'BAD_USER_INPUT',
        `${field}: ${refused.join(', ')} cannot be held in a ${organisation.kind} organisation`,
        {
          field,
        },
      );
    }
  }
}
