import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AttestationCoordinatorReason } from '@passage/schemas';
import type { AuthenticatedActor } from '@passage/shared';
import { ReferralsAccess, UnitOfWork } from '../../platform/index.js';
import { CaseRecords } from '../case/case-records.js';
import { caseWorkErrors } from '../case-work.errors.js';
import { IdentificationDecisionEntity } from '../identification/entities/identification-decision.entity.js';
import { grantsNonPunishmentProtection } from '../identification/identification-lifecycle.js';
import { standingOf, type StandingChange } from './attestation-standing.js';
import { AttestationStandingWriter } from './attestation-standing.writer.js';
import { ProtectionAttestationEntity } from './entities/protection-attestation.entity.js';
import type { ProtectionAttestationStandingModel } from './graphql/attestation.model.js';

/** Which standing field a change writes, for the audit trail. */
const CHANGED_FIELDS: Readonly<Record<StandingChange['change'], readonly string[]>> = {
  SUSPEND: ['attestations.suspendedAt', 'attestations.suspensionReason'],
  REINSTATE: ['attestations.suspendedAt', 'attestations.suspensionReason'],
  REVOKE: ['attestations.revokedAt', 'attestations.revocationReason'],
};

/**
 * The coordinator's hand on an issued attestation: suspend it (fraud suspected, say), lift that
 * suspension, or revoke it for good. Decisions suspend, reinstate and revoke attestations on their own
 * (`AttestationStandingWriter.followDecision`); these are for what no decision records.
 */
@Injectable()
export class AttestationStandingService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly records: CaseRecords,
    private readonly access: ReferralsAccess,
    private readonly writer: AttestationStandingWriter,
  ) {}

  suspend(
    actor: AuthenticatedActor,
    input: { attestationId: string; reason: AttestationCoordinatorReason },
  ): Promise<ProtectionAttestationStandingModel> {
    return this.change(actor, input.attestationId, { change: 'SUSPEND', reason: input.reason });
  }

  /** Lifts a suspension, as long as the person's decision line still grants protection. */
  reinstate(
    actor: AuthenticatedActor,
    input: { attestationId: string },
  ): Promise<ProtectionAttestationStandingModel> {
    return this.change(actor, input.attestationId, { change: 'REINSTATE', reason: 'SUSPENSION_LIFTED' });
  }

  revoke(
    actor: AuthenticatedActor,
    input: { attestationId: string; reason: AttestationCoordinatorReason },
  ): Promise<ProtectionAttestationStandingModel> {
    return this.change(actor, input.attestationId, { change: 'REVOKE', reason: input.reason });
  }

  private change(
    actor: AuthenticatedActor,
    attestationId: string,
    change: StandingChange,
  ): Promise<ProtectionAttestationStandingModel> {
    return this.work.run(actor, {
      action: 'attestation.revoke',
      authorise: async (manager) => {
        const found = await manager.findOne(ProtectionAttestationEntity, { where: { id: attestationId } });
        if (!found) {
          // Refused exactly like an attestation the actor may not touch, when the policy refuses at all.
          this.access.authorise(actor, 'attestation.revoke', null);
          throw caseWorkErrors.error('ATTESTATION_NOT_FOUND', 'No such attestation.', {
            field: 'attestationId',
          });
        }
        // The case first (as issuing and decisions lock it), then the attestation itself.
        const { decision } = await this.records.authorisePerson(
          manager,
          actor,
          'attestation.revoke',
          found.caseId,
          found.personId,
          'attestationId',
          { lock: true },
        );
        const attestation = await manager.findOneOrFail(ProtectionAttestationEntity, {
          where: { id: attestationId },
          lock: { mode: 'pessimistic_write' },
        });
        return { decision, attestation };
      },
      execute: async ({ manager, now }, { attestation }) => {
        await this.check(manager, attestation, change);
        const changed = await this.writer.apply(manager, attestation, change, {
          changedBy: actor.userId,
          at: now,
          decisionId: null,
        });
        return {
          attestationId: changed.id,
          standing: standingOf(changed, now),
          validUntil: changed.validUntil,
          suspendedAt: changed.suspendedAt,
          revokedAt: changed.revokedAt,
        };
      },
      audit: ({ attestation }) => ({
        resourceType: 'case',
        resourceId: attestation.caseId,
        categories: ['LEGAL'],
        fields: CHANGED_FIELDS[change.change],
      }),
    });
  }

  /** Refuses a change that does not apply to the attestation as it stands. */
  private async check(
    manager: EntityManager,
    attestation: ProtectionAttestationEntity,
    { change }: StandingChange,
  ): Promise<void> {
    if (attestation.revokedAt !== null) {
      throw caseWorkErrors.error('ATTESTATION_REVOKED', 'the attestation is revoked for good', {
        field: 'attestationId',
      });
    }
    if (change === 'SUSPEND' && attestation.suspendedAt !== null) {
      throw caseWorkErrors.error('ATTESTATION_ALREADY_SUSPENDED', 'the attestation is suspended already', {
        field: 'attestationId',
      });
    }
    if (change !== 'REINSTATE') return;
    if (attestation.suspendedAt === null) {
      throw caseWorkErrors.error('ATTESTATION_NOT_SUSPENDED', 'the attestation is not suspended', {
        field: 'attestationId',
      });
    }
    const current = await manager.findOne(IdentificationDecisionEntity, {
      where: { personId: attestation.personId, jurisdictionCountry: attestation.jurisdictionCountry },
      order: { recordedAt: 'DESC', id: 'DESC' },
    });
    if (!current || !grantsNonPunishmentProtection(current.status)) {
      throw caseWorkErrors.error(
        'PROTECTION_NOT_DECIDED',
        'the decision in this jurisdiction no longer grants protection: appeal it, or leave it suspended',
        { field: 'attestationId' },
      );
    }
  }
}
