import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { organisationCreatedV1, organisationDeactivatedV1, organisationListedV1 } from '@passage/schemas';
import {
  Clock,
  CodedError,
  Outbox,
  decodeCursor,
  toConnection,
  type AuthenticatedActor,
} from '@passage/shared';
import { IdentityAccess, SessionEnding } from '../access/index.js';
import { IDENTITY_CONFIG, type IdentityConfig } from '../config/index.js';
import type { createOrganisationSchema, organisationFilterSchema } from './dtos/organisation.inputs.js';
import { OrganisationEntity } from './entities/organisation.entity.js';
import type { z } from 'zod';

/** The organisations of this node: the directory of who takes part, and their life cycle. */
@Injectable()
export class OrganisationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
    private readonly access: IdentityAccess,
    private readonly sessions: SessionEnding,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async list(
    actor: AuthenticatedActor,
    filter: z.output<typeof organisationFilterSchema>,
    page: { first: number; after?: string | null },
  ) {
    this.access.authorise(actor, 'organisation.list', null);
    const query = this.dataSource.getRepository(OrganisationEntity).createQueryBuilder('o');
    if (filter?.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter?.country) query.andWhere('o.country = :country', { country: filter.country });
    if (filter?.activeOnly ?? true) query.andWhere('o.active');
    const totalCount = await query.getCount();
    if (page.after) {
      const { createdAt, id } = decodeCursor(page.after);
      query.andWhere('(o.created_at, o.id) > (:createdAt, :id)', { createdAt, id });
    }
    const rows = await query
      .orderBy('o.created_at')
      .addOrderBy('o.id')
      .take(page.first + 1)
      .getMany();
    return toConnection(rows, page.first, totalCount, (row) => row);
  }

  async get(actor: AuthenticatedActor, id: string): Promise<OrganisationEntity> {
    const organisation = await this.dataSource.getRepository(OrganisationEntity).findOneBy({ id });
    // One's own organisation is part of oneself (even for an immigration officer); any other is read under
    // the policy, and someone who may not read it learns nothing, not even whether it exists.
    this.access.authorise(
      actor,
      id === actor.organisationId ? 'self.read' : 'organisation.read',
      organisation ?? { id },
    );
    if (!organisation) throw new CodedError('NOT_FOUND', 'No organisation with this id.', { field: 'id' });
    return organisation;
  }

  async create(
    actor: AuthenticatedActor | null,
    input: z.output<typeof createOrganisationSchema>,
  ): Promise<OrganisationEntity> {
    if (actor) {
      this.access.authorise(actor, 'organisation.create', null);
      this.assertHostedHere(input);
    }
    return this.dataSource.transaction(async (manager) => {
      await this.assertOnlyOneOfItsKind(manager, input);
      const duplicate = await manager
        .getRepository(OrganisationEntity)
        .createQueryBuilder('o')
        .where('lower(o.name) = lower(:name)', { name: input.name })
        .getExists();
      if (duplicate) {
        throw new CodedError('CONFLICT', 'input.name: an organisation with this name exists already', {
          field: 'input.name',
        });
      }
      const organisation = manager.create(OrganisationEntity, {
        id: randomUUID(),
        name: input.name,
        kind: input.kind,
        country: input.country ?? null,
        stationedIn: input.stationedIn ?? null,
        nodeId: this.config.NODE_ID,
        requireMfa: input.requireMfa ?? false,
        active: true,
        deactivatedAt: null,
        listedInDirectory: false,
      });
      await manager.insert(OrganisationEntity, organisation);
      await this.outbox.appendEvent(manager, organisationCreatedV1, {
        aggregateId: organisation.id,
        payload: {
          organisationId: organisation.id,
          kind: organisation.kind,
          country: organisation.country,
          stationedIn: organisation.stationedIn,
          createdBy: actor?.userId ?? null,
        },
      });
      await this.publishDirectoryEntry(manager, organisation, this.clock.now());
      return manager.findOneByOrFail(OrganisationEntity, { id: organisation.id });
    });
  }

  /**
   * The operator sets up organisations of the countries this node hosts only (ADR 024); the platform
   * operator itself exists once per node and is made by the bootstrap, never through the API.
   */
  private assertHostedHere(input: z.output<typeof createOrganisationSchema>): void {
    if (input.kind === 'PLATFORM_OPERATOR' || !input.country) {
      throw new CodedError('FORBIDDEN', 'input.kind: the platform operator is not created through the API', {
        field: 'input.kind',
        reason: 'OPERATOR_NOT_CREATABLE',
      });
    }
    if (!this.config.HOSTED_COUNTRIES.includes(input.country)) {
      throw new CodedError(
        'FORBIDDEN',
        `input.country: this node hosts ${this.config.HOSTED_COUNTRIES.join(', ')}; organisations of ${input.country} are set up on its own node`,
        { field: 'input.country', reason: 'COUNTRY_NOT_HOSTED' },
      );
    }
  }

  /**
   * One national coordinator and one oversight body per country: a second would see the country's cases
   * (or its audit trail) with nobody in the country having agreed to it.
   */
  private async assertOnlyOneOfItsKind(
    manager: EntityManager,
    input: z.output<typeof createOrganisationSchema>,
  ): Promise<void> {
    if (input.kind !== 'NRM_COORDINATOR' && input.kind !== 'OVERSIGHT') return;
    const taken = await manager.existsBy(OrganisationEntity, {
      kind: input.kind,
      country: input.country!,
      active: true,
    });
    if (taken) {
      throw new CodedError(
        'CONFLICT',
        `input.kind: ${input.country} has an active ${input.kind} organisation already; there is one per country`,
        {
          field: 'input.kind',
          reason: input.kind === 'NRM_COORDINATOR' ? 'COORDINATOR_EXISTS' : 'OVERSIGHT_EXISTS',
        },
      );
    }
  }

  /** Ends the organisation's access: its people's sessions end and their tokens are refused everywhere. */
  async deactivate(actor: AuthenticatedActor, organisationId: string): Promise<OrganisationEntity> {
    const organisation = await this.get(actor, organisationId);
    this.access.authorise(actor, 'organisation.deactivate', organisation);
    if (organisation.id === actor.organisationId) {
      throw new CodedError('CONFLICT', 'You cannot deactivate your own organisation.', {
        field: 'input.organisationId',
      });
    }
    if (!organisation.active) return organisation;
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      await manager.update(OrganisationEntity, { id: organisationId }, { active: false, deactivatedAt: now });
      await this.sessions.endForDeactivatedOrganisation(manager, organisationId, now);
      await this.outbox.appendEvent(manager, organisationDeactivatedV1, {
        aggregateId: organisationId,
        payload: { organisationId, deactivatedAt: now.toISOString(), deactivatedBy: actor.userId },
      });
      await this.publishDirectoryEntry(manager, { ...organisation, active: false }, now);
      return manager.findOneByOrFail(OrganisationEntity, { id: organisationId });
    });
  }

  /**
   * Publishes the entry of every organisation not yet in the directory (those created before it existed);
   * run once at start-up, it is a no-op afterwards.
   */
  async publishUnlistedDirectoryEntries(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const unlisted = await manager.find(OrganisationEntity, {
        where: { listedInDirectory: false },
        lock: { mode: 'pessimistic_write' },
      });
      for (const organisation of unlisted)
        await this.publishDirectoryEntry(manager, organisation, this.clock.now());
      return unlisted.length;
    });
  }

  /** The organisation's directory entry, for the referral services of this node and, through them, the region. */
  private async publishDirectoryEntry(
    manager: EntityManager,
    organisation: OrganisationEntity,
    at: Date,
  ): Promise<void> {
    await this.outbox.appendEvent(manager, organisationListedV1, {
      aggregateId: organisation.id,
      payload: {
        organisationId: organisation.id,
        name: organisation.name,
        kind: organisation.kind,
        country: organisation.country,
        stationedIn: organisation.stationedIn,
        active: organisation.active,
        listedAt: at.toISOString(),
      },
    });
    await manager.update(OrganisationEntity, { id: organisation.id }, { listedInDirectory: true });
  }
}
