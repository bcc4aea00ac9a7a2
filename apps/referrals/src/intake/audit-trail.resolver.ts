import { Args, Field, GraphQLISODateTime, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  AuditTrail,
  CurrentActor,
  parseInput,
  type AuditRecord,
  type AuthenticatedActor,
  type ResourceContext,
} from '@passage/shared';
import { ReferralsAccess } from '../platform/index.js';
import { RescueRequestRepository } from './rescue-request/rescue-request.repository.js';
import { resourceOf } from './rescue-request/rescue-request.service.js';

@ObjectType('AuditRecord', {
  description:
    'Who read or changed personal data, for which purpose, and which kinds of data (never the values).',
})
export class AuditRecordModel {
  @Field(() => Int)
  sequence: number;

  @Field(() => GraphQLISODateTime)
  occurredAt: Date;

  @Field(() => ID)
  actorUserId: string;

  @Field(() => ID)
  actorOrganisationId: string;

  @Field()
  actorOrganisationKind: string;

  @Field()
  action: string;

  @Field()
  resourceType: string;

  @Field(() => ID, { nullable: true })
  resourceId: string | null;

  @Field(() => [String])
  dataCategories: string[];

  @Field(() => [String])
  fields: string[];

  @Field()
  purpose: string;

  @Field({ description: 'Why the access policy let it happen.' })
  decisionReason: string;

  @Field({ description: 'Hash linking this record to the one before it; any rewrite breaks the chain.' })
  recordHash: string;
}

@ObjectType('AuditRecordConnection')
export class AuditRecordConnection {
  @Field(() => [AuditRecordModel])
  records: AuditRecordModel[];

  @Field(() => Int)
  totalCount: number;

  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

const argumentsSchema = z.object({
  resourceType: z.enum(['rescue-request']),
  resourceId: z.uuid('must be a record id'),
  first: z.number().int().min(1).max(200),
  after: z.string().max(200).nullish(),
});

/**
 * The audit trail of one record, for the people accountable for it: its owner's supervisors and data
 * protection officers, and the oversight body of its country ("who saw my data").
 */
@Resolver()
export class AuditTrailResolver {
  constructor(
    private readonly trail: AuditTrail,
    private readonly access: ReferralsAccess,
    private readonly rescueRequests: RescueRequestRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Query(() => AuditRecordConnection)
  async auditTrail(
    @CurrentActor() actor: AuthenticatedActor,
    @Args('resourceType') resourceType: string,
    @Args('resourceId', { type: () => ID }) resourceId: string,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AuditRecordConnection> {
    const input = parseInput(argumentsSchema, { resourceType, resourceId, first, after }, 'args');
    this.access.authorise(
      actor,
      'audit.read',
      await this.resourceFor(input.resourceType, input.resourceId, actor),
    );
    const page = await this.trail.query(
      this.dataSource,
      { resourceType: input.resourceType, resourceId: input.resourceId },
      {
        first: input.first,
        after: input.after ?? undefined,
      },
    );
    return {
      records: page.records.map(toModel),
      totalCount: page.totalCount,
      hasNextPage: page.hasNextPage,
      endCursor: page.endCursor,
    };
  }

  /** The record the trail is about, as the policy sees it; other record types join as their issues land. */
  private async resourceFor(
    _type: 'rescue-request',
    id: string,
    actor: AuthenticatedActor,
  ): Promise<ResourceContext | null> {
    const manager = this.dataSource.manager;
    const requester = await this.rescueRequests.findCopy(manager, id, 'REQUESTER');
    const row =
      requester && requester.requester_org_id === actor.organisationId
        ? requester
        : await this.rescueRequests.findCopy(manager, id, 'JURISDICTION');
    return row ? resourceOf(row) : null;
  }
}

function toModel(record: AuditRecord): AuditRecordModel {
  return {
    sequence: record.sequence,
    occurredAt: record.occurredAt,
    actorUserId: record.actor.userId,
    actorOrganisationId: record.actor.organisationId,
    actorOrganisationKind: record.actor.organisationKind,
    action: record.action,
    resourceType: record.resourceType,
    resourceId: record.resourceId,
    dataCategories: [...record.dataCategories],
    fields: [...record.fields],
    purpose: record.purpose,
    decisionReason: record.decisionReason,
    recordHash: record.recordHash,
  };
}
