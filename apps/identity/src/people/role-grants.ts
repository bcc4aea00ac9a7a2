import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { roleGrantDecidedV1, roleGrantRequestedV1, userRolesAssignedV1, type Role } from '@passage/schemas';
import { Clock, Outbox, type AuthenticatedActor } from '@passage/shared';
import { IdentityAccess } from '../access/index.js';
import { RoleGrantEntity, type RoleGrantStatus } from './entities/role-grant.entity.js';
import { UserAccountEntity } from './entities/user-account.entity.js';
import { peopleErrors } from './people.errors.js';

/**
 * Roles that need a second party (ADR 024): one administrator asks, another approves. The second party is
 * another active administrator of the same organisation; only for the administrator role of an
 * organisation that has a single administrator may the platform operator approve instead, so that a new
 * organisation can get its second administrator. Case roles are never approved by the operator.
 */
@Injectable()
export class RoleGrants {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IdentityAccess,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a request in the caller's transaction; a pending request for the same person is withdrawn,
   * because the newer one says what is wanted now. `roles` empty: only the withdrawal.
   */
  async request(
    manager: EntityManager,
    requestedBy: string,
    user: Pick<UserAccountEntity, 'id' | 'organisationId'>,
    roles: readonly Role[],
  ): Promise<RoleGrantEntity | null> {
    const now = this.clock.now();
    const pending = await manager.find(RoleGrantEntity, {
      where: { userId: user.id, status: 'PENDING' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const grant of pending) await this.decide(manager, grant, 'WITHDRAWN', requestedBy, now);
    if (roles.length === 0) return null;
    const grant: RoleGrantEntity = {
      id: randomUUID(),
      userId: user.id,
      organisationId: user.organisationId,
      roles: [...roles],
      status: 'PENDING',
      requestedBy,
      requestedAt: now,
      decidedBy: null,
      decidedAt: null,
    };
    await manager.insert(RoleGrantEntity, grant);
    await this.outbox.appendEvent(manager, roleGrantRequestedV1, {
      aggregateId: user.id,
      payload: {
        grantId: grant.id,
        userId: user.id,
        organisationId: user.organisationId,
        roles: grant.roles,
        requestedBy,
      },
    });
    return grant;
  }

  /** The second party's approval: the roles are added to the person's, from their next token on. */
  async approve(actor: AuthenticatedActor, grantId: string): Promise<RoleGrantEntity> {
    return this.dataSource.transaction(async (manager) => {
      const grant = await this.pendingGrant(manager, actor, grantId);
      await this.assertSecondParty(manager, actor, grant);
      const user = await manager.findOne(UserAccountEntity, {
        where: { id: grant.userId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!user?.active) throw peopleErrors.grantNotFound();
      const roles = [...new Set([...user.roles, ...grant.roles])];
      await manager.update(UserAccountEntity, { id: user.id }, { roles });
      await this.outbox.appendEvent(manager, userRolesAssignedV1, {
        aggregateId: user.id,
        payload: { userId: user.id, organisationId: user.organisationId, roles, assignedBy: actor.userId },
      });
      return this.decide(manager, grant, 'APPROVED', actor.userId, this.clock.now());
    });
  }

  /** Any administrator who could approve may decline, the one who asked included (a withdrawal). */
  async decline(actor: AuthenticatedActor, grantId: string): Promise<RoleGrantEntity> {
    return this.dataSource.transaction(async (manager) => {
      const grant = await this.pendingGrant(manager, actor, grantId);
      return this.decide(manager, grant, 'DECLINED', actor.userId, this.clock.now());
    });
  }

  /** The role grants of an organisation (the caller's own when none is given), newest first. */
  async list(
    actor: AuthenticatedActor,
    organisationId: string | null | undefined,
    pendingOnly: boolean,
  ): Promise<RoleGrantEntity[]> {
    const scope = organisationId ?? actor.organisationId;
    this.access.authorise(actor, 'user.list', { id: scope });
    return this.dataSource.getRepository(RoleGrantEntity).find({
      where: { organisationId: scope, ...(pendingOnly ? { status: 'PENDING' as const } : {}) },
      order: { requestedAt: 'DESC', id: 'ASC' },
      take: 200,
    });
  }

  private async pendingGrant(
    manager: EntityManager,
    actor: AuthenticatedActor,
    grantId: string,
  ): Promise<RoleGrantEntity> {
    const grant = await manager.findOne(RoleGrantEntity, {
      where: { id: grantId },
      lock: { mode: 'pessimistic_write' },
    });
    // Authorised against the grant's organisation before anything is said about the grant itself.
    this.access.authorise(actor, 'user.approve-roles', { id: grant?.organisationId ?? '' });
    if (!grant || grant.status !== 'PENDING') throw peopleErrors.grantNotFound();
    return grant;
  }

  private async assertSecondParty(
    manager: EntityManager,
    actor: AuthenticatedActor,
    grant: RoleGrantEntity,
  ): Promise<void> {
    if (actor.userId === grant.requestedBy || actor.userId === grant.userId) {
      throw peopleErrors.secondPartyRequired();
    }
    if (actor.organisationId !== grant.organisationId) {
      // The policy lets only the platform operator this far from another organisation.
      const otherAdministrators = await this.activeAdministrators(
        manager,
        grant.organisationId,
        grant.userId,
      );
      const onlyAdministratorRole = grant.roles.every((role) => role === 'ORGANISATION_ADMIN');
      if (!onlyAdministratorRole || otherAdministrators > 1) {
        throw peopleErrors.operatorApprovesAdministratorsOnly();
      }
      return;
    }
    // The token may be up to its lifetime old: the approver must be an administrator now.
    const approver = await manager.findOneBy(UserAccountEntity, { id: actor.userId });
    if (!approver?.active || !approver.roles.includes('ORGANISATION_ADMIN')) {
      throw peopleErrors.secondPartyRequired();
    }
  }

  /** Active administrators of the organisation, not counting `except` (the person the grant is for). */
  private activeAdministrators(
    manager: EntityManager,
    organisationId: string,
    except: string,
  ): Promise<number> {
    return manager
      .getRepository(UserAccountEntity)
      .createQueryBuilder('u')
      .where('u.organisation_id = :organisationId AND u.active AND u.id <> :except', {
        organisationId,
        except,
      })
      .andWhere(`'ORGANISATION_ADMIN' = ANY (u.roles)`)
      .getCount();
  }

  private async decide(
    manager: EntityManager,
    grant: RoleGrantEntity,
    outcome: Exclude<RoleGrantStatus, 'PENDING'>,
    decidedBy: string,
    at: Date,
  ): Promise<RoleGrantEntity> {
    await manager.update(RoleGrantEntity, { id: grant.id }, { status: outcome, decidedBy, decidedAt: at });
    await this.outbox.appendEvent(manager, roleGrantDecidedV1, {
      aggregateId: grant.userId,
      payload: {
        grantId: grant.id,
        userId: grant.userId,
        organisationId: grant.organisationId,
        roles: grant.roles,
        outcome,
        requestedBy: grant.requestedBy,
        decidedBy,
      },
    });
    return { ...grant, status: outcome, decidedBy, decidedAt: at };
  }
}
