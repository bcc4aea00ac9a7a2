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
import { OrganisationEntity } from '../organisations/index.js';
import type { createUserSchema } from './dtos/user.inputs.js';
import type { RoleGrantEntity } from './entities/role-grant.entity.js';
import { UserAccountEntity } from './entities/user-account.entity.js';
import { EnrolmentLinks, type IssuedEnrolmentLink } from './enrolment-links.js';
import { peopleErrors } from './people.errors.js';
import { rolesNotAllowedFor } from './role-compatibility.js';
import { splitRoleChange } from './role-duties.js';
import { RoleGrants } from './role-grants.js';

/** A created person, their one-time enrolment link, and the roles still waiting for a second party. */
export interface NewPerson {
  user: UserAccountEntity;
  enrolmentLink: IssuedEnrolmentLink;
  pendingRoleGrant: RoleGrantEntity | null;
}

/** The people of each organisation: accounts, roles and deactivation. */
@Injectable()
export class UserService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IdentityAccess,
    private readonly sessions: SessionEnding,
    private readonly enrolmentLinks: EnrolmentLinks,
    private readonly grants: RoleGrants,
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

  /**
   * A new person, without a password: they get a one-time enrolment link (returned here, shown once) and
   * set their own. Roles that need a second party wait in a role grant (ADR 024). The platform operator
   * creates only the first administrator of an organisation that has nobody yet.
   */
  async create(actor: AuthenticatedActor, input: z.output<typeof createUserSchema>): Promise<NewPerson> {
    const organisation = await this.organisationOf(input.organisationId);
    this.access.authorise(actor, 'user.create', organisation ?? { id: input.organisationId });
    if (!organisation || !organisation.active) {
      throw new CodedError('NOT_FOUND', 'input.organisationId: no active organisation with this id', {
        field: 'input.organisationId',
      });
    }
    this.checkRoles(organisation, input.roles, 'input.roles');
    const bootstrap =
      actor.organisationKind === 'PLATFORM_OPERATOR' && organisation.id !== actor.organisationId;
    if (bootstrap) await this.assertFirstAdministrator(organisation, input.roles);
    // The operator's first administrator, and the operator's own people, hold their roles at once.
    const immediate = bootstrap || organisation.kind === 'PLATFORM_OPERATOR';
    const { effectiveNow, awaitingApproval } = immediate
      ? { effectiveNow: [...new Set(input.roles)], awaitingApproval: [] }
      : splitRoleChange([], input.roles);
    const passwordHash = await this.enrolmentLinks.unusablePasswordHash();
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
        roles: effectiveNow,
      });
      await this.outbox.appendEvent(manager, userCreatedV1, {
        aggregateId: id,
        payload: {
          userId: id,
          organisationId: organisation.id,
          roles: effectiveNow,
          createdBy: actor.userId,
        },
      });
      const user = { id, organisationId: organisation.id };
      const pendingRoleGrant = await this.grants.request(manager, actor.userId, user, awaitingApproval);
      const enrolmentLink = await this.enrolmentLinks.issue(manager, user, actor.userId);
      return {
        user: await manager.findOneByOrFail(UserAccountEntity, { id }),
        enrolmentLink,
        pendingRoleGrant,
      };
    });
  }

  /**
   * Replaces a person's roles. Removals take effect at once; added roles that need a second party wait
   * in a role grant for another administrator's approval. Nobody changes their own roles.
   */
  async assignRoles(
    actor: AuthenticatedActor,
    userId: string,
    roles: Role[],
  ): Promise<{ user: UserAccountEntity; pendingRoleGrant: RoleGrantEntity | null }> {
    const user = await this.get(actor, userId);
    const organisation = await this.organisationOf(user.organisationId);
    this.access.authorise(actor, 'user.assign-roles', organisation!);
    if (userId === actor.userId) throw peopleErrors.ownRoles();
    this.checkRoles(organisation!, roles, 'input.roles');
    const { effectiveNow, awaitingApproval } =
      organisation!.kind === 'PLATFORM_OPERATOR'
        ? { effectiveNow: [...new Set(roles)], awaitingApproval: [] }
        : splitRoleChange(user.roles, roles);
    return this.dataSource.transaction(async (manager) => {
      const changed =
        effectiveNow.length !== user.roles.length || effectiveNow.some((role) => !user.roles.includes(role));
      if (changed) {
        await manager.update(UserAccountEntity, { id: userId }, { roles: effectiveNow });
        await this.outbox.appendEvent(manager, userRolesAssignedV1, {
          aggregateId: userId,
          payload: {
            userId,
            organisationId: user.organisationId,
            roles: effectiveNow,
            assignedBy: actor.userId,
          },
        });
      }
      const pendingRoleGrant = await this.grants.request(manager, actor.userId, user, awaitingApproval);
      return { user: await manager.findOneByOrFail(UserAccountEntity, { id: userId }), pendingRoleGrant };
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

  /** The operator's one way into an organisation: its first administrator, when it has nobody yet. */
  private async assertFirstAdministrator(
    organisation: OrganisationEntity,
    roles: readonly Role[],
  ): Promise<void> {
    if (roles.length !== 1 || roles[0] !== 'ORGANISATION_ADMIN') {
      throw peopleErrors.operatorCreatesFirstAdministratorOnly();
    }
    const hasPeople = await this.dataSource
      .getRepository(UserAccountEntity)
      .existsBy({ organisationId: organisation.id });
    if (hasPeople) throw peopleErrors.organisationHasPeople();
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
