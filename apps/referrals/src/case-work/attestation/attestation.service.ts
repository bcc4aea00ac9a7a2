import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import { attestationIssuedV1, type AttestationBinding } from '@passage/schemas';
import {
  AttestationHasher,
  AttestationVerifier,
  Clock,
  VerificationRateLimitedError,
  VerificationRateLimiter,
  generateAttestationCode,
  generateHolderPin,
  holderProof,
  parseAttestationCode,
  type AuthenticatedActor,
  type HolderFacts,
  type StoredAttestation,
} from '@passage/shared';
import { CaseAudit, ReferralsAccess, UnitOfWork } from '../../platform/index.js';
import { CaseRecords } from '../case/case-records.js';
import { caseWorkErrors } from '../case-work.errors.js';
import { IdentificationDecisionEntity } from '../identification/entities/identification-decision.entity.js';
import { grantsNonPunishmentProtection } from '../identification/identification-lifecycle.js';
import { bindingsFor } from './attestation-binding.js';
import { AttestationStandingWriter } from './attestation-standing.writer.js';
import { ProtectionAttestationEntity } from './entities/protection-attestation.entity.js';
import type { IssueProtectionAttestation } from './dtos/attestation.inputs.js';
import type {
  AttestationVerificationModel,
  IssueProtectionAttestationPayload,
} from './graphql/attestation.model.js';

/** Injection token of the default validity, in days, of a new attestation. */
export const ATTESTATION_VALIDITY_DAYS = Symbol('ATTESTATION_VALIDITY_DAYS');

const DAY_MS = 24 * 3600 * 1000;

/** The fields of a person an attestation's binding reads, for the audit trail. */
const BINDING_SOURCE: Readonly<Record<AttestationBinding, string | null>> = {
  DOCUMENT: 'people.documentNumber',
  DATE_OF_BIRTH: 'people.dateOfBirth',
  HOLDER_PIN: null,
};

/** What the verifier was given beside the code, for the audit trail (never its value). */
const PROOF_FIELD: Readonly<Record<AttestationBinding, string>> = {
  DOCUMENT: 'holder.documentNumber',
  DATE_OF_BIRTH: 'holder.dateOfBirth',
  HOLDER_PIN: 'holder.holderPin',
};

/**
 * Protection attestations: issued by the jurisdiction's coordinator once a person is protected (reasonable
 * grounds or better), shown once as a code, stored only as keyed hashes, and verifiable by anyone holding
 * the code and what its holder shows or says (the person's document number, date of birth or the holder
 * PIN printed beside the code), immigration included, who learn nothing else.
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
    private readonly standing: AttestationStandingWriter,
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
        // A new code replaces any earlier one: only the latest attestation a person carries verifies.
        const replaced = await manager.find(ProtectionAttestationEntity, {
          where: { personId: person.id, jurisdictionCountry, revokedAt: IsNull() },
          order: { issuedAt: 'ASC', id: 'ASC' },
          lock: { mode: 'pessimistic_write' },
        });
        for (const earlier of replaced) {
          await this.standing.apply(
            manager,
            earlier,
            { change: 'REVOKE', reason: 'REPLACED' },
            { changedBy: actor.userId, at: now, decisionId: null },
          );
        }
        const boundTo = bindingsFor(person);
        const code = generateAttestationCode();
        const holderPin = boundTo.includes('HOLDER_PIN') ? generateHolderPin() : null;
        const digests = this.hasher.digestsForIssue(code, {
          documentNumber: boundTo.includes('DOCUMENT') ? person.documentNumber : null,
          dateOfBirth: boundTo.includes('DATE_OF_BIRTH') ? person.dateOfBirth : null,
          holderPin,
        });
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
          dateOfBirthBinding: digests.dateOfBirthBinding,
          holderPinBinding: digests.holderPinBinding,
          bindingSubject: 'CODE',
          issuedByOrganisationId: actor.organisationId,
          issuedByName: actor.organisationName,
          issuedByUserId: actor.userId,
          issuedAt: now,
          validUntil,
          suspendedAt: null,
          suspensionReason: null,
          revokedAt: null,
          revocationReason: null,
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
            boundTo,
          },
        });
        return {
          attestationId: attestation.id,
          code,
          holderPin,
          boundTo,
          validUntil,
          issuedBy: actor.organisationName,
        };
      },
      audit: (_authorised, issued) => ({
        resourceType: 'case',
        resourceId: input.caseId,
        // The date of birth is read to bind to, never shown; the trail still names it.
        categories: issued.boundTo.includes('DATE_OF_BIRTH') ? ['LEGAL', 'IDENTITY'] : ['LEGAL'],
        fields: [
          ...issued.boundTo.flatMap((binding) => BINDING_SOURCE[binding] ?? []),
          'identificationDecisions.status',
          'attestations.validUntil',
        ],
      }),
    });
  }

  /**
   * Answers status, end of validity and issuer, and nothing else. Malformed codes and proofs are refused
   * before any lookup; each actor and each code has a rate limit; every verification that reaches the
   * lookup is audited, whatever its answer.
   */
  async verify(
    actor: AuthenticatedActor,
    input: { code: string } & HolderFacts,
  ): Promise<AttestationVerificationModel> {
    const decision = this.access.authorise(actor, 'attestation.verify', null);
    const code = parseAttestationCode(input.code);
    const proof = holderProof(input);
    const admitted = await this.limiter.attempt(actor.userId, code);
    if (!admitted.allowed) throw new VerificationRateLimitedError(admitted.retryAfterSeconds);
    return this.dataSource.transaction(async (manager) => {
      let found: string | null = null;
      const verifier = new AttestationVerifier(
        this.hasher,
        async (codeHash, keyId) => {
          const stored = await lookup(manager, codeHash, keyId);
          found = stored?.attestationId ?? found;
          return stored;
        },
        () => this.clock.now(),
      );
      const result = await verifier.verify({ ...input, code });
      await this.audit.recordAudit(manager, actor, {
        action: 'attestation.verify',
        decision,
        resourceType: 'protection-attestation',
        // A wrong document, date or PIN must not tie the attempt to the attestation in the trail either.
        resourceId: result.status === 'NOT_FOUND' ? null : found,
        categories: ['LEGAL'],
        fields: [
          'attestation.status',
          'attestation.validUntil',
          'attestation.issuedBy',
          PROOF_FIELD[proof.binding],
        ],
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
): Promise<StoredAttestation | null> {
  const row = await manager.findOne(ProtectionAttestationEntity, { where: { codeHash, keyId } });
  if (!row) return null;
  return {
    keyId: row.keyId,
    attestationId: row.id,
    bindingSubject: row.bindingSubject,
    documentBinding: row.documentBinding,
    dateOfBirthBinding: row.dateOfBirthBinding,
    holderPinBinding: row.holderPinBinding,
    validUntil: row.validUntil,
    revokedAt: row.revokedAt,
    suspendedAt: row.suspendedAt,
    issuedBy: row.issuedByName,
  };
}
