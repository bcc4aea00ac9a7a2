import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DataCategory } from '@passage/schemas';
import type { AllowedDecision, AuthenticatedActor, CaseWorkAction, FieldAccess } from '@passage/shared';
import { CaseAudit, recordedCategories } from './case-audit.js';

/**
 * The audit door of the contexts that name a policy reason and, for reads, pass the categories the policy
 * decided on: it keeps only those shown and writes through {@link CaseAudit}, the one writer of the
 * node's audit trail.
 */
@Injectable()
export class ReferralsAudit {
  constructor(private readonly audit: CaseAudit) {}

  record(
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
      reason: AllowedDecision['reason'];
    },
  ): Promise<void> {
    return this.audit.recordAudit(manager, actor, {
      action: entry.action,
      decision: { reason: entry.reason },
      resourceType: entry.resourceType,
      resourceId: entry.resourceId,
      categories: recordedCategories(entry.categories),
      fields: entry.fields,
      purpose: entry.purpose,
    });
  }
}
