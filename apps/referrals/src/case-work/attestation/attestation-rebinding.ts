import { Injectable } from '@nestjs/common';
import { IsNull, MoreThan, type EntityManager } from 'typeorm';
import { attestationReboundV1 } from '@passage/schemas';
import { AttestationHasher, Outbox, boundTo } from '@passage/shared';
import type { PersonDocumentRecorded } from '../person/person-document-hooks.js';
import { ProtectionAttestationEntity } from './entities/protection-attestation.entity.js';

/**
 * Re-binds a person's attestations to a document recorded later (an emergency travel document, say),
 * under the same code, inside the transaction that records the document. The document replaces what the
 * attestation was bound to before (a date of birth and PIN, or an earlier document): from then on the
 * holder verifies with the document, and exit clearance can rest on it (docs/adr/019).
 */
@Injectable()
export class AttestationRebinding {
  constructor(
    private readonly hasher: AttestationHasher,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Every unrevoked, unexpired attestation of the person, in any jurisdiction, suspended ones included
   * (a reinstated attestation must verify with the document the person now holds).
   */
  async rebind(manager: EntityManager, recorded: PersonDocumentRecorded): Promise<void> {
    const attestations = await manager.find(ProtectionAttestationEntity, {
      where: { personId: recorded.personId, revokedAt: IsNull(), validUntil: MoreThan(recorded.at) },
      order: { issuedAt: 'ASC', id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const attestation of attestations) {
      // Made over the attestation's id, under the key its code hash was made with: the code is not kept.
      const bindings = this.hasher.bindingsForRebinding(attestation.id, attestation.keyId, {
        documentNumber: recorded.documentNumber,
      });
      const rebound = { ...bindings, bindingSubject: 'ATTESTATION' as const };
      await manager.update(ProtectionAttestationEntity, { id: attestation.id }, rebound);
      await this.outbox.appendEvent(manager, attestationReboundV1, {
        aggregateId: attestation.caseId,
        payload: {
          caseId: attestation.caseId,
          personId: attestation.personId,
          attestationId: attestation.id,
          jurisdictionCountry: attestation.jurisdictionCountry,
          boundTo: boundTo(bindings),
          replacedBindings: boundTo(attestation),
          reboundBy: recorded.recordedBy,
          reboundAt: recorded.at.toISOString(),
        },
      });
    }
  }
}
