import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DataCategory } from '@passage/schemas';
import type {
  AllowedDecision,
  AuthenticatedActor,
  CaseWorkAction,
  FieldAccess,
  PolicyReason,
} from '@passage/shared';

/** An audit entry as the shared audit trail takes it: names and codes, never values. */
export interface CaseAuditEntry {
  actor: {
    userId: string;
    organisationId: string;
    organisationKind: AuthenticatedActor['organisationKind'];
    nodeId: string;
  };
  action: CaseWorkAction;
  resourceType: string;
  resourceId: string | null;
  dataCategories: readonly DataCategory[];
  fields: readonly string[];
  purpose: string;
  decisionReason: PolicyReason;
}

/** Where audit entries go: the node's hash-chained audit trail (`AuditTrail` of `@passage/shared`). */
export interface AuditSink {
  record(manager: EntityManager, entry: CaseAuditEntry): Promise<unknown>;
}

/** Injection token of the {@link AuditSink}. */
export const AUDIT_SINK = Symbol('AUDIT_SINK');

/** Why personal data is touched, as an upper-case code: `CASE_WORK`, `ATTESTATION_VERIFICATION`, `RESCUE`… */
export type AuditPurpose = string;

/** What one audited read or change touched. */
export interface AuditedAccess {
  action: CaseWorkAction;
  decision: Pick<AllowedDecision, 'reason'>;
  /** The kind of record, lower-case and dashed: `case`, `rescue-request`, `handoff`, `repatriation-plan`. */
  resourceType: string;
  resourceId: string | null;
  categories: Iterable<DataCategory>;
  fields: Iterable<string>;
  purpose?: AuditPurpose;
}

/**
 * Writes one audit record for a read or change of personal data, inside the transaction that performs
 * it, so the record and the access commit or roll back together.
 */
@Injectable()
export class CaseAudit {
  constructor(@Inject(AUDIT_SINK) private readonly sink: AuditSink) {}

  async recordAudit(manager: EntityManager, actor: AuthenticatedActor, access: AuditedAccess): Promise<void> {
    await this.sink.record(manager, {
      actor: {
        userId: actor.userId,
        organisationId: actor.organisationId,
        organisationKind: actor.organisationKind,
        nodeId: actor.nodeId,
      },
      action: access.action,
      resourceType: access.resourceType,
      resourceId: access.resourceId,
      dataCategories: [...new Set(access.categories)],
      fields: [...new Set(access.fields)],
      purpose: access.purpose ?? 'CASE_WORK',
      decisionReason: access.decision.reason,
    });
  }
}

/** A per-category decision keeps only the categories the actor was allowed; a plain list is kept whole. */
export function recordedCategories(
  categories: Iterable<DataCategory> | Partial<Record<DataCategory, FieldAccess>>,
): DataCategory[] {
  if (Symbol.iterator in categories) return [...(categories as Iterable<DataCategory>)];
  return (Object.entries(categories) as [DataCategory, FieldAccess][])
    .filter(([, access]) => access === 'ALLOW')
    .map(([category]) => category);
}
