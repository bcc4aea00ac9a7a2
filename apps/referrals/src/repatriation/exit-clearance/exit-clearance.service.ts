import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  exitClearanceAnsweredV1,
  exitClearanceRequestedV1,
  type ExitClearanceStatus,
} from '@passage/schemas';
import {
  AttestationHasher,
  Clock,
  decodeCursor,
  decide,
  parseAttestationCode,
  toConnection,
  type AuthenticatedActor,
  type ResourceContext,
} from '@passage/shared';
import {
  ReferralsAccess,
  ReferralsAudit,
  UnitOfWork,
  policyActor,
  type ChangeScope,
} from '../../platform/index.js';
import { ConsentWithdrawalHooks } from '../../case-work/index.js';
import { RepatriationPlanEntity } from '../entities/repatriation-plan.entity.js';
import { RepatriationStepEntity } from '../entities/repatriation-step.entity.js';
import { RepatriationPlanSharing } from '../repatriation-plan-sharing.js';
import { repatriationErrors } from '../repatriation.errors.js';
import { RepatriationStepWriter } from '../repatriation-step.writer.js';
import { AttestationCodeSealer } from './attestation-code-sealer.js';
import { EXIT_CLEARANCE_ANSWERED_RETENTION_MS } from './exit-clearance-retention-period.js';
import type { ExitClearanceListValue, RespondToExitClearanceValue } from './dtos/exit-clearance.inputs.js';
import { ExitClearanceRequestEntity } from './entities/exit-clearance-request.entity.js';
import { ExitClearanceRequests } from './exit-clearance-requests.repository.js';
import type { ExitClearanceRequestModel } from './graphql/exit-clearance.model.js';
import type { ExitClearanceRequestValue } from '../dtos/repatriation.inputs.js';

/** The only fields of a request its addressee reads, for the audit trail. */
const ADDRESSEE_FIELDS = [
  'exitClearance.travelDocumentNumber',
  'exitClearance.nameOnTravelDocument',
  'exitClearance.attestationCode',
  'exitClearance.requestedDepartureDate',
] as const;

/**
 * Exit-clearance requests: opened when a plan's EXIT_CLEARANCE step starts, listed to and answered by the
 * immigration authority they are addressed to, which sees four fields and never the case behind them.
 */
@Injectable()
export class ExitClearanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly work: UnitOfWork,
    private readonly access: ReferralsAccess,
    private readonly audit: ReferralsAudit,
    private readonly clock: Clock,
    private readonly hasher: AttestationHasher,
    private readonly sealer: AttestationCodeSealer,
    private readonly steps: RepatriationStepWriter,
    private readonly sharing: RepatriationPlanSharing,
    private readonly requests: ExitClearanceRequests,
    @Inject(EXIT_CLEARANCE_ANSWERED_RETENTION_MS) private readonly answeredRetentionMs: number,
    withdrawalHooks: ConsentWithdrawalHooks,
  ) {
    // Without RETURN consent there is no return to clear: immigration keeps nothing of the person.
    withdrawalHooks.register(async (manager, { personId, purpose, at }) => {
      if (purpose === 'RETURN') await this.requests.withdrawAndEraseForPerson(manager, personId, at);
    });
  }

  /**
   * Addresses a new request to `addressedToOrganisationId`, inside the plan change's unit of work. The
   * attestation code must belong to a standing attestation of the plan's person bound to the travel
   * document, so that the immigration authority's own verification will succeed; one issued without a
   * document is bound to it once the document is recorded in the case. A pending request the new one
   * replaces is withdrawn and its code erased.
   */
  async open(
    { manager, actor, now, emit }: ChangeScope,
    plan: RepatriationPlanEntity,
    addressedToOrganisationId: string,
    input: ExitClearanceRequestValue,
  ): Promise<ExitClearanceRequestEntity> {
    const code = parseAttestationCode(input.attestationCode);
    const attestation = await this.attestationFor(
      manager,
      plan.personId,
      code,
      input.travelDocumentNumber,
      now,
    );
    if (attestation === 'NOT_BOUND_TO_A_DOCUMENT') {
      throw repatriationErrors.error(
        'TRAVEL_DOCUMENT_NOT_RECORDED',
        "the attestation is bound to the person's date of birth or PIN: record the travel document in the case first (the attestation is then re-bound to it)",
        { field: 'exitClearance.travelDocumentNumber' },
      );
    }
    if (attestation !== 'MATCHES') {
      throw repatriationErrors.error(
        'ATTESTATION_NOT_VALID',
        'not a valid attestation of this person for this travel document (issue one for it first)',
        { field: 'exitClearance.attestationCode' },
      );
    }
    const superseded = await manager.findOne(ExitClearanceRequestEntity, {
      where: { planId: plan.id, status: 'PENDING' },
    });
    if (superseded) await this.requests.withdrawAndErase(manager, superseded.id, now);
    const id = randomUUID();
    const sealed = this.sealer.seal(code, id);
    const request: ExitClearanceRequestEntity = {
      id,
      planId: plan.id,
      addressedToOrganisationId,
      travelDocumentNumber: input.travelDocumentNumber,
      nameOnTravelDocument: input.nameOnTravelDocument,
      attestationCodeSealed: sealed.sealed,
      attestationCodeKeyId: sealed.keyId,
      requestedDepartureOn: input.requestedDepartureDate,
      status: 'PENDING',
      fineWaived: null,
      responseReference: null,
      respondedBy: null,
      respondedAt: null,
      requestedBy: actor.userId,
      requestedAt: now,
      personalDataErasedAt: null,
    };
    await manager.insert(ExitClearanceRequestEntity, request);
    await emit(exitClearanceRequestedV1, {
      aggregateId: plan.caseId,
      payload: {
        caseId: plan.caseId,
        planId: plan.id,
        requestId: id,
        addressedToOrganisationId,
        supersedesRequestId: superseded?.id ?? null,
        requestedBy: actor.userId,
        requestedAt: now.toISOString(),
      },
    });
    return request;
  }

  /**
   * Requests addressed to the caller's organisation in one status, oldest first, as far as immigration
   * still needs them: pending ones, and answered ones for the retention period after the answer.
   * Withdrawn and erased requests are never listed. Each row is still put to the policy one by one; a
   * refused row is left out, never reported.
   */
  async list(actor: AuthenticatedActor, input: ExitClearanceListValue) {
    // Immigration has no record of its own to be checked against; every other kind must at least be
    // one that could ever read a request (the platform operator and oversight cannot).
    if (actor.organisationKind !== 'IMMIGRATION') this.access.authoriseAny(actor, 'exit-clearance.read');
    const after = input.after ? decodeCursor(input.after) : null;
    return this.dataSource.transaction(async (manager) => {
      const query = manager
        .getRepository(ExitClearanceRequestEntity)
        .createQueryBuilder('r')
        .where('r.addressed_to_organisation_id = :organisationId AND r.status = :status', {
          organisationId: actor.organisationId,
          status: input.status,
        })
        .andWhere('r.personal_data_erased_at IS NULL')
        .andWhere(`r.status <> 'WITHDRAWN'`)
        .andWhere('(r.responded_at IS NULL OR r.responded_at > :answeredAfter)', {
          answeredAfter: new Date(this.clock.now().getTime() - this.answeredRetentionMs),
        });
      const totalCount = await query.clone().getCount();
      if (after) {
        query.andWhere('(r.requested_at, r.id) > (:at, :id)', { at: after.createdAt, id: after.id });
      }
      const rows = await query
        .orderBy('r.requested_at', 'ASC')
        .addOrderBy('r.id', 'ASC')
        .take(input.first + 1)
        .getMany();
      const contexts = await this.contexts(manager, rows);
      const visible: ExitClearanceRequestEntity[] = [];
      for (const row of rows) {
        const context = contexts.get(row.id);
        const decision = context
          ? decide(policyActor(actor), 'exit-clearance.read', context, this.clock.now())
          : null;
        if (!decision?.allowed) continue;
        visible.push(row);
        if (visible.length <= input.first) {
          await this.audit.record(manager, actor, {
            action: 'exit-clearance.read',
            resourceType: 'exit-clearance-request',
            resourceId: row.id,
            categories: ['OPERATIONAL'],
            fields: ADDRESSEE_FIELDS,
            purpose: 'EXIT_CLEARANCE',
            reason: decision.reason,
          });
        }
      }
      return toConnection(
        visible.map((row) => ({ ...row, createdAt: row.requestedAt })),
        input.first,
        totalCount,
        (row) => this.toModel(row),
      );
    });
  }

  /** The addressee's answer: GRANTED completes the EXIT_CLEARANCE step, REFUSED blocks it. */
  respond(
    actor: AuthenticatedActor,
    input: RespondToExitClearanceValue,
  ): Promise<{ request: ExitClearanceRequestModel }> {
    return this.work.run(actor, {
      action: 'exit-clearance.respond',
      authorise: async (manager) => {
        const request = await manager.findOne(ExitClearanceRequestEntity, {
          where: { id: input.requestId },
          lock: { mode: 'pessimistic_write' },
        });
        const context = request ? (await this.contexts(manager, [request])).get(request.id) : undefined;
        const decision = this.access.authorise(actor, 'exit-clearance.respond', context ?? null);
        if (!request)
          throw repatriationErrors.error('EXIT_CLEARANCE_REQUEST_NOT_FOUND', 'No such request.', {
            field: 'requestId',
          });
        return { request, decision };
      },
      execute: async ({ manager, now, emit }, { request }) => {
        if (request.status !== 'PENDING') {
          throw repatriationErrors.error(
            'EXIT_CLEARANCE_ALREADY_ANSWERED',
            `the request is ${request.status}, not PENDING`,
            { field: 'requestId' },
          );
        }
        const plan = await manager.findOneOrFail(RepatriationPlanEntity, {
          where: { id: request.planId },
          lock: { mode: 'pessimistic_write' },
        });
        const step = await manager.findOneOrFail(RepatriationStepEntity, {
          where: { planId: plan.id, kind: 'EXIT_CLEARANCE' },
        });
        const to = input.decision === 'GRANTED' ? 'DONE' : 'BLOCKED';
        // A refusal of a step already marked blocked leaves it blocked; anything else is a real move.
        if (step.status !== to) {
          await this.steps.change(manager, actor, plan, step, to, 'IMMIGRATION_ANSWER', now, 'decision');
        }
        await this.sharing.share(manager, plan);
        const answered: Partial<ExitClearanceRequestEntity> = {
          status: input.decision,
          fineWaived: input.fineWaived,
          responseReference: input.reference,
          respondedBy: actor.userId,
          respondedAt: now,
          // The code was needed to decide; once decided nobody needs it here any more.
          attestationCodeSealed: null,
          attestationCodeKeyId: null,
        };
        await manager.update(ExitClearanceRequestEntity, { id: request.id }, answered);
        await emit(exitClearanceAnsweredV1, {
          aggregateId: plan.caseId,
          payload: {
            caseId: plan.caseId,
            planId: plan.id,
            requestId: request.id,
            decision: input.decision,
            fineWaived: input.fineWaived,
            answeredByOrganisationId: actor.organisationId,
            answeredBy: actor.userId,
            answeredAt: now.toISOString(),
          },
        });
        return { request: this.toModel({ ...request, ...answered }) };
      },
      audit: ({ request }) => ({
        resourceType: 'exit-clearance-request',
        resourceId: request.id,
        categories: ['OPERATIONAL'],
        fields: ['exitClearance.status', 'exitClearance.fineWaived', 'exitClearance.responseReference'],
        purpose: 'EXIT_CLEARANCE',
      }),
    });
  }

  /**
   * Erases the personal fields of requests answered longer ago than the retention period; run on a
   * schedule, and answers how many it erased.
   */
  eraseAnsweredPastRetention(): Promise<number> {
    const now = this.clock.now();
    return this.dataSource.transaction((manager) =>
      this.requests.eraseAnsweredBy(manager, new Date(now.getTime() - this.answeredRetentionMs), now),
    );
  }

  /** The policy's view of each request: the plan's owner and jurisdiction, and its addressee. */
  private async contexts(
    manager: EntityManager,
    rows: readonly ExitClearanceRequestEntity[],
  ): Promise<Map<string, ResourceContext>> {
    if (rows.length === 0) return new Map();
    const facts = await this.requests.policyFacts(
      manager,
      rows.map((row) => row.id),
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return new Map(
      facts.map((fact) => [
        fact.id,
        {
          ownerOrganisationId: fact.owner_organisation_id,
          ownerCountry: fact.owner_country,
          jurisdictionCountry: fact.jurisdiction_country,
          team: [],
          consents: [],
          addressedToOrganisationId: byId.get(fact.id)?.addressedToOrganisationId ?? null,
        },
      ]),
    );
  }

  /**
   * Whether the code is a standing attestation of the person bound to this travel document; if not,
   * whether it is one still bound to the date of birth or PIN only (no document recorded since issue).
   */
  private async attestationFor(
    manager: EntityManager,
    personId: string,
    code: ReturnType<typeof parseAttestationCode>,
    travelDocumentNumber: string,
    now: Date,
  ): Promise<'MATCHES' | 'NOT_BOUND_TO_A_DOCUMENT' | 'NONE'> {
    let withoutDocument = false;
    for (const { keyId, codeHash } of this.hasher.codeHashes(code)) {
      const attestations = await this.requests.standingAttestationBindings(manager, {
        keyId,
        codeHash,
        personId,
        now,
      });
      const document = { binding: 'DOCUMENT', value: travelDocumentNumber } as const;
      if (attestations.some((stored) => this.hasher.holderMatches(code, stored, document))) return 'MATCHES';
      withoutDocument ||= attestations.some((stored) => stored.documentBinding === null);
    }
    return withoutDocument ? 'NOT_BOUND_TO_A_DOCUMENT' : 'NONE';
  }

  private toModel(row: ExitClearanceRequestEntity): ExitClearanceRequestModel {
    const status: ExitClearanceStatus = row.status;
    if (row.travelDocumentNumber === null || row.nameOnTravelDocument === null) {
      // Erased requests are filtered out before they get here: reaching this is a bug, not a null field.
      throw new Error(`exit-clearance request ${row.id} was erased and cannot be shown`);
    }
    return {
      id: row.id,
      travelDocumentNumber: row.travelDocumentNumber,
      nameOnTravelDocument: row.nameOnTravelDocument,
      attestationCode:
        status === 'PENDING' && row.attestationCodeSealed && row.attestationCodeKeyId
          ? this.sealer.open({ sealed: row.attestationCodeSealed, keyId: row.attestationCodeKeyId }, row.id)
          : null,
      requestedDepartureDate: row.requestedDepartureOn,
      status,
      fineWaived: row.fineWaived,
      responseReference: row.responseReference,
      respondedAt: row.respondedAt,
    };
  }
}
