import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DataCategory } from '@passage/schemas';
import {
  AuditTrail,
  type AuthenticatedActor,
  type CaseWorkAction,
  type FieldAccess,
  type PolicyReason,
} from '@passage/shared';

/**
 * Writes the audit record of a read or change of personal data, inside the transaction that does it:
 * who, for which purpose, which categories and fields (never their values), under which policy reason.
 */
@Injectable()
export class ReferralsAudit {
  private readonly trail = new AuditTrail();

  async record(
    manager: EntityManager,
    actor: AuthenticatedActor,
    entry: {
      action: CaseWorkAction;
      resourceType: string;
      resourceId: string | null;
      /** The categories the actor was shown or changed; redacted ones are left out. */
      categories: Partial<Record<DataCategory, FieldAccess>> | readonly DataCategory[];
      fields: readonly string[];
      purpose: string;
      reason: PolicyReason;
    },
  ): Promise<void> {
    const categories = Array.isArray(entry.categories)
      ? (entry.categories as DataCategory[])
      : (Object.entries(entry.categories) as [DataCategory, FieldAccess][])
          .filter(([, access]) => access === 'ALLOW')
          .map(([category]) => category);
    await this.trail.record(manager, {
      actor: {
        userId: actor.userId,
        organisationId: actor.organisationId,
        organisationKind: actor.organisationKind,
        nodeId: actor.nodeId,
      },
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      dataCategories: categories,
      fields: entry.fields,
      purpose: entry.purpose,
      decisionReason: entry.reason,
    });
  }
}
