import { Injectable } from '@nestjs/common';
import { IsNull, MoreThan, type EntityManager } from 'typeorm';
import { attestationReinstatedV1, attestationRevokedV1, attestationSuspendedV1 } from '@passage/schemas';
import { Outbox } from '@passage/shared';
import type { IdentificationDecisionRecorded } from '../identification/identification-decision-hooks.js';
import { standingAfterDecision, type StandingChange } from './attestation-standing.js';
import { ProtectionAttestationEntity } from './entities/protection-attestation.entity.js';

/** Who changed an attestation's standing, when, and the decision that caused it (null: by hand). */
export interface StandingChangeSource {
  changedBy: string;
  at: Date;
  decisionId: string | null;
}

const EVENT = {
  SUSPEND: attestationSuspendedV1,
  REINSTATE: attestationReinstatedV1,
  REVOKE: attestationRevokedV1,
} as const;

/**
 * Suspends, reinstates and revokes attestations with their events, inside the caller's transaction:
 * the coordinator's own changes, a replacement by a new attestation, and what an identification decision
 * does to the person's attestations all go through here, so each change is written and announced alike.
 * The caller has checked that the change applies to the row.
 */
@Injectable()
export class AttestationStandingWriter {
  constructor(private readonly outbox: Outbox) {}

  async apply(
    manager: EntityManager,
    attestation: ProtectionAttestationEntity,
    { change, reason }: StandingChange,
    source: StandingChangeSource,
  ): Promise<ProtectionAttestationEntity> {
    const changed: Partial<ProtectionAttestationEntity> =
      change === 'SUSPEND'
        ? { suspendedAt: source.at, suspensionReason: reason }
        : change === 'REINSTATE'
          ? { suspendedAt: null, suspensionReason: null }
          : { revokedAt: source.at, revocationReason: reason };
    await manager.update(ProtectionAttestationEntity, { id: attestation.id }, changed);
    await this.outbox.appendEvent(manager, EVENT[change], {
      aggregateId: attestation.caseId,
      payload: {
        caseId: attestation.caseId,
        personId: attestation.personId,
        attestationId: attestation.id,
        jurisdictionCountry: attestation.jurisdictionCountry,
        reason,
        decisionId: source.decisionId,
        changedBy: source.changedBy,
        changedAt: source.at.toISOString(),
      },
    });
    return { ...attestation, ...changed };
  }

  /**
   * What a decision just recorded does to the person's unexpired, unrevoked attestations of that
   * jurisdiction (`standingAfterDecision`). A reinstatement lifts only a suspension a decision caused:
   * one the coordinator made by hand stands until the coordinator lifts it.
   */
  async followDecision(manager: EntityManager, decision: IdentificationDecisionRecorded): Promise<void> {
    const change = standingAfterDecision(decision.status, decision.previousStatus);
    if (!change) return;
    const attestations = await manager.find(ProtectionAttestationEntity, {
      where: {
        personId: decision.personId,
        jurisdictionCountry: decision.jurisdictionCountry,
        revokedAt: IsNull(),
        validUntil: MoreThan(decision.at),
      },
      order: { issuedAt: 'ASC', id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const attestation of attestations) {
      const applies =
        change.change === 'SUSPEND'
          ? attestation.suspendedAt === null
          : change.change === 'REINSTATE'
            ? attestation.suspensionReason === 'NEGATIVE_DECISION'
            : true;
      if (!applies) continue;
      await this.apply(manager, attestation, change, {
        changedBy: decision.recordedBy,
        at: decision.at,
        decisionId: decision.decisionId,
      });
    }
  }
}
