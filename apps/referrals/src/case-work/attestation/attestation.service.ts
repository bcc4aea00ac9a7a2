import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { attestationIssuedV1 } from '@passage/schemas';
import {
  AttestationHasher,
  AttestationVerifier,
  Clock,
  VerificationRateLimitedError,
  VerificationRateLimiter,
  generateAttestationCode,
  parseAttestationCode,
  type AuthenticatedActor,
  type StoredAttestation,
} from '@passage/shared';
import { CaseAudit, ReferralsAccess, UnitOfWork } from '../../platform/index.js';
import { CaseRecords } from '../case/case-records.js';
import { caseWorkErrors } from '../case-work.errors.js';
import { IdentificationDecisionEntity } from '../identification/entities/identification-decision.entity.js';
import { ProtectionAttestationEntity } from './entities/protection-attestation.entity.js';
import type { IssueProtectionAttestation } from './dtos/attestation.inputs.js';
import type {
  AttestationVerificationModel,
  IssueProtectionAttestationPayload,
} from './graphql/attestation.model.js';
import { grantsNonPunishmentProtection } from '../identification/identification-lifecycle.js';

/** Injection token of the default validity, in days, of a new attestation. */
export const ATTESTATION_VALIDITY_DAYS = Symbol('ATTESTATION_VALIDITY_DAYS');

const DAY_MS = 24 * 3600 * 1000;

/**
 * Protection attestations: issued by the jurisdiction's coordinator once a person is protected (reasonable
 * grounds or better), shown once as a code, stored only as keyed hashes, and verifiable by anyone holding
 * the code and the person's document number, immigration included, who learn nothing else.
 */
@Injectable()
export class AttestationService {
  constructor(
    private readonly work: UnitOfWork,
    // Verification is a read: it runs its own transaction and writes its audit entry itself.
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly records: CaseRecords,
    private readonly access: ReferralsAccess,
    private readonly audit: CaseAudit,
    private readonly clock: Clock,
    private readonly hasher: AttestationHasher,
    private readonly limiter: VerificationRateLimiter,
    @Inject(ATTESTATION_VALIDITY_DAYS) private readonly defaultValidityDays: number,
  ) {}

  issue(
    actor: AuthenticatedActor,
    input: IssueProtectionAttestation,
  ): Promise<IssueProtectionAttestationPayload> {
    return this.work.run(actor, {
      action: 'attestation.issue',
      authorise: (manager) =>
        this.records.authorisePerson(
          manager,
          actor,
          'attestation.issue',
          input.caseId,
          input.personId,
          'personId',
          { lock: true },
        ),
      execute: async ({ manager, now, emit }, { person, record }) => {
        const jurisdictionCountry = record.jurisdictionCountry;
        const current = await manager.findOne(IdentificationDecisionEntity, {
          where: { personId: person.id, jurisdictionCountry },
          order: { recordedAt: 'DESC', id: 'DESC' },
        });
        if (!current || !grantsNonPunishmentProtection(current.status)) {
          throw caseWorkErrors.error(
            'PROTECTION_NOT_DECIDED',
            'an attestation needs a reasonable-grounds (or better) decision in this jurisdiction',
            { field: 'personId' },
          );
        }
        if (!person.documentNumber) {
          throw caseWorkErrors.error('DOCUMENT_NUMBER_MISSING', "record the person's document number first", {
            field: 'personId',
          });
        }
        // A new code replaces any earlier one: only the latest attestation a person carries verifies.
        await manager.update(
          ProtectionAttestationEntity,
          { personId: person.id, jurisdictionCountry, revokedAt: IsNull() },
          { revokedAt: now },
        );
        const code = generateAttestationCode();
        const digests = this.hasher.digestsForIssue(code, person.documentNumber);
        const validDays = input.validForDays ?? this.defaultValidityDays;
        const validUntil = new Date(now.getTime() + validDays * DAY_MS);
        const attestation: ProtectionAttestationEntity = {
          id: randomUUID(),
          caseId: input.caseId,
          personId: person.id,
          decisionId: current.id,
          jurisdictionCountry,
          keyId: digests.keyId,
          codeHash: digests.codeHash,
          documentBinding: digests.documentBinding,
          issuedByOrganisationId: actor.organisationId,
          issuedByName: actor.organisationName,
          issuedByUserId: actor.userId,
          issuedAt: now,
          validUntil,
          revokedAt: null,
        };
        await manager.insert(ProtectionAttestationEntity, attestation);
        await emit(attestationIssuedV1, {
          aggregateId: input.caseId,
          payload: {
            caseId: input.caseId,
            personId: person.id,
            attestationId: attestation.id,
            decisionId: current.id,
            jurisdictionCountry,
            issuedByOrganisationId: actor.organisationId,
            issuedBy: actor.userId,
            issuedAt: now.toISOString(),
            validUntil: validUntil.toISOString(),
          },
        });
        return { attestationId: attestation.id, code, validUntil, issuedBy: actor.organisationName };
      },
      audit: () => ({
        resourceType: 'case',
        resourceId: input.caseId,
        categories: ['LEGAL'],
        fields: ['people.documentNumber', 'identificationDecisions.status', 'attestations.validUntil'],
      }),
    });
  }

  /**
   * Answers status, end of validity and issuer, and nothing else. Malformed codes are refused before any
   * lookup; each actor and each code has a rate limit; every verification that reaches the lookup is
   * audited, whatever its answer.
   */
  async verify(
    actor: AuthenticatedActor,
    input: { code: string; documentNumber: string },
  ): Promise<AttestationVerificationModel> {
    const decision = this.access.authorise(actor, 'attestation.verify', null);
    const code = parseAttestationCode(input.code);
    const admitted = this.limiter.attempt(actor.userId, code);
    if (!admitted.allowed) throw new VerificationRateLimitedError(admitted.retryAfterSeconds);
    return this.dataSource.transaction(async (manager) => {
      let found: string | null = null;
      const verifier = new AttestationVerifier(
        this.hasher,
        async (codeHash, keyId) => {
          const stored = await lookup(manager, codeHash, keyId);
          found = stored?.id ?? found;
          return stored;
        },
        () => this.clock.now(),
      );
      const result = await verifier.verify({ code, documentNumber: input.documentNumber });
      await this.audit.recordAudit(manager, actor, {
        action: 'attestation.verify',
        decision,
        resourceType: 'protection-attestation',
        // A wrong document number must not tie the attempt to the attestation in the trail either.
        resourceId: result.status === 'NOT_FOUND' ? null : found,
        categories: ['LEGAL'],
        fields: ['attestation.status', 'attestation.validUntil', 'attestation.issuedBy'],
        purpose: 'ATTESTATION_VERIFICATION',
      });
      return {
        status: result.status,
        validUntil: 'validUntil' in result ? result.validUntil : null,
        issuedBy: 'issuedBy' in result ? result.issuedBy : null,
      };
    });
  }
}

async function lookup(
  manager: EntityManager,
  codeHash: string,
  keyId: string,
): Promise<(StoredAttestation & { id: string }) | null> {
  const row = await manager.findOne(ProtectionAttestationEntity, { where: { codeHash, keyId } });
  if (!row) return null;
  return {
    id: row.id,
    keyId: row.keyId,
    documentBinding: row.documentBinding,
    validUntil: row.validUntil,
    revokedAt: row.revokedAt,
    issuedBy: row.issuedByName,
  };
}
