import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import {
  detentionCorrectedV1,
  detentionRecordedV1,
  nonPunishmentNoticeAnsweredV1,
  nonPunishmentNoticeSentV1,
  penaltyRecordedV1,
  penaltyStatusChangedV1,
  releasedFromDetentionV1,
} from '@passage/schemas';
import { Clock, type AuthenticatedActor } from '@passage/shared';
import { InvalidTransitionError, ReferralsAccess, UnitOfWork } from '../../platform/index.js';
import { caseWorkErrors, refuseFutureTime } from '../case-work.errors.js';
import { CaseViewReader } from '../case/case-view.reader.js';
import type { CaseModel } from '../case/graphql/case.model.js';
import { LegalRecordAccess } from '../case/legal-record-access.js';
import type {
  ChangePenaltyStatus,
  CorrectDetention,
  RecordDetention,
  RecordNonPunishmentNotice,
  RecordNonPunishmentNoticeEffect,
  RecordPenalty,
  ReleaseFromDetention,
} from './dtos/detention.inputs.js';
import { DetentionEntity } from './entities/detention.entity.js';
import { NonPunishmentNoticeEntity } from './entities/non-punishment-notice.entity.js';
import { PenaltyEntity } from './entities/penalty.entity.js';
import { assertPenaltyTransition, initialPenaltyStatus } from './penalty-lifecycle.js';

type PersonRecord = { caseId: string; personId: string };

/**
 * A person's record of detention and punishment: detentions and releases, fines, entry bans,
 * blacklisting and charges, and the non-punishment notices sent on their behalf with what came of them.
 * All of it is LEGAL data, recorded by whoever works with the person on the case (ADR 020).
 */
@Injectable()
export class DetentionService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly legalRecords: LegalRecordAccess,
    private readonly access: ReferralsAccess,
    private readonly views: CaseViewReader,
    // A date in the future is refused before anything is looked up.
    private readonly clock: Clock,
  ) {}

  async recordDetention(actor: AuthenticatedActor, input: RecordDetention): Promise<CaseModel> {
    refuseFutureTime(input.detainedSince, this.clock.now(), 'detainedSince');
    return this.work.run(actor, {
      action: 'detention.record',
      authorise: (manager) =>
        this.legalRecords.authorisePerson(manager, actor, 'detention.record', input.caseId, input.personId),
      execute: async ({ manager, now, emit }, { record }) => {
        const open = await manager.findOne(DetentionEntity, {
          where: { personId: input.personId, releasedAt: IsNull() },
        });
        if (open) {
          throw caseWorkErrors.error(
            'DETENTION_ALREADY_OPEN',
            'the person is recorded as detained already: record the release (or correct that detention) first',
            { field: 'personId' },
          );
        }
        const detention: DetentionEntity = {
          id: randomUUID(),
          caseId: input.caseId,
          personId: input.personId,
          country: input.country ?? record.jurisdictionCountry,
          facility: input.facility,
          place: input.place,
          authority: input.authority,
          detainedSince: input.detainedSince,
          releasedAt: null,
          releaseBasis: null,
          releaseNoticeId: null,
          recordedBy: actor.userId,
          recordedByOrganisationId: actor.organisationId,
          recordedAt: now,
          updatedAt: now,
        };
        await manager.insert(DetentionEntity, detention);
        await emit(detentionRecordedV1, {
          aggregateId: input.caseId,
          payload: {
            ...this.recordedBy(actor, detention),
            detentionId: detention.id,
            country: detention.country,
            detainedSince: detention.detainedSince.toISOString(),
          },
        });
      },
      audit: () => this.audited(input.caseId, 'detentions'),
      view: ({ manager }) => this.views.read(manager, actor, input.caseId),
    });
  }

  async correctDetention(actor: AuthenticatedActor, input: CorrectDetention): Promise<CaseModel> {
    refuseFutureTime(input.detainedSince, this.clock.now(), 'detainedSince');
    return this.work.run(actor, {
      action: 'detention.record',
      authorise: async (manager) =>
        this.authoriseRecord(manager, actor, await this.lock(manager, DetentionEntity, input.detentionId), {
          field: 'detentionId',
          notFound: 'DETENTION_NOT_FOUND',
        }),
      execute: async ({ manager, now, emit }, { record: detention }) => {
        if (detention.releasedAt !== null && input.detainedSince > detention.releasedAt) {
          throw caseWorkErrors.error('DATE_OUT_OF_ORDER', 'must not be after the release', {
            field: 'detainedSince',
          });
        }
        const corrected = {
          country: input.country,
          facility: input.facility,
          place: input.place,
          authority: input.authority,
          detainedSince: input.detainedSince,
          updatedAt: now,
        };
        await manager.update(DetentionEntity, { id: detention.id }, corrected);
        await emit(detentionCorrectedV1, {
          aggregateId: detention.caseId,
          payload: {
            ...this.recordedBy(actor, detention),
            detentionId: detention.id,
            country: corrected.country,
            detainedSince: corrected.detainedSince.toISOString(),
          },
        });
      },
      audit: ({ record }) => this.audited(record.caseId, 'detentions'),
      view: ({ manager }, { record }) => this.views.read(manager, actor, record.caseId),
    });
  }

  /** Ends a detention: "released from detention" becomes a fact with a date (and a basis). */
  async releaseFromDetention(actor: AuthenticatedActor, input: ReleaseFromDetention): Promise<CaseModel> {
    refuseFutureTime(input.releasedAt, this.clock.now(), 'releasedAt');
    return this.work.run(actor, {
      action: 'detention.record',
      authorise: async (manager) =>
        this.authoriseRecord(manager, actor, await this.lock(manager, DetentionEntity, input.detentionId), {
          field: 'detentionId',
          notFound: 'DETENTION_NOT_FOUND',
        }),
      execute: async ({ manager, now, emit }, { record: detention }) => {
        if (detention.releasedAt !== null) {
          throw caseWorkErrors.error('DETENTION_ALREADY_ENDED', 'the release is recorded already', {
            field: 'detentionId',
          });
        }
        if (input.releasedAt < detention.detainedSince) {
          throw caseWorkErrors.error('DATE_OUT_OF_ORDER', 'must not be before the detention began', {
            field: 'releasedAt',
          });
        }
        await this.assertNoticeOf(manager, detention, input.nonPunishmentNoticeId);
        await manager.update(
          DetentionEntity,
          { id: detention.id },
          {
            releasedAt: input.releasedAt,
            releaseBasis: input.releaseBasis,
            releaseNoticeId: input.nonPunishmentNoticeId,
            updatedAt: now,
          },
        );
        await emit(releasedFromDetentionV1, {
          aggregateId: detention.caseId,
          payload: {
            ...this.recordedBy(actor, detention),
            detentionId: detention.id,
            country: detention.country,
            detainedSince: detention.detainedSince.toISOString(),
            releasedAt: input.releasedAt.toISOString(),
            releaseBasis: input.releaseBasis,
            nonPunishmentNoticeId: input.nonPunishmentNoticeId,
          },
        });
      },
      audit: ({ record }) => this.audited(record.caseId, 'detentions'),
      view: ({ manager }, { record }) => this.views.read(manager, actor, record.caseId),
    });
  }

  async recordPenalty(actor: AuthenticatedActor, input: RecordPenalty): Promise<CaseModel> {
    refuseFutureTime(input.imposedAt, this.clock.now(), 'imposedAt');
    return this.work.run(actor, {
      action: 'detention.record',
      authorise: (manager) =>
        this.legalRecords.authorisePerson(manager, actor, 'detention.record', input.caseId, input.personId),
      execute: async ({ manager, now, emit }, { record }) => {
        const penalty: PenaltyEntity = {
          id: randomUUID(),
          caseId: input.caseId,
          personId: input.personId,
          kind: input.kind,
          country: input.country ?? record.jurisdictionCountry,
          authority: input.authority,
          description: input.description,
          imposedAt: input.imposedAt,
          status: input.status ?? initialPenaltyStatus(input.kind),
          statusChangedAt: null,
          amount: input.amount,
          currency: input.currency,
          until: input.until,
          nonPunishmentNoticeId: null,
          recordedBy: actor.userId,
          recordedByOrganisationId: actor.organisationId,
          recordedAt: now,
          updatedAt: now,
        };
        await manager.insert(PenaltyEntity, penalty);
        await emit(penaltyRecordedV1, {
          aggregateId: input.caseId,
          payload: {
            ...this.recordedBy(actor, penalty),
            penaltyId: penalty.id,
            kind: penalty.kind,
            country: penalty.country,
            status: penalty.status,
            imposedAt: penalty.imposedAt.toISOString(),
          },
        });
      },
      audit: () => this.audited(input.caseId, 'penalties'),
      view: ({ manager }) => this.views.read(manager, actor, input.caseId),
    });
  }

  async changePenaltyStatus(actor: AuthenticatedActor, input: ChangePenaltyStatus): Promise<CaseModel> {
    refuseFutureTime(input.changedAt, this.clock.now(), 'changedAt');
    return this.work.run(actor, {
      action: 'detention.record',
      authorise: async (manager) =>
        this.authoriseRecord(manager, actor, await this.lock(manager, PenaltyEntity, input.penaltyId), {
          field: 'penaltyId',
          notFound: 'PENALTY_NOT_FOUND',
        }),
      execute: async ({ manager, now, emit }, { record: penalty }) => {
        try {
          assertPenaltyTransition(penalty.kind, penalty.status, input.status);
        } catch (error) {
          if (!(error instanceof InvalidTransitionError)) throw error;
          throw caseWorkErrors.error(
            'PENALTY_STATUS_NOT_ALLOWED',
            error.reason === 'OUTCOME_NOT_ALLOWED'
              ? `is not a status of a ${penalty.kind}`
              : `a ${penalty.kind} cannot move from ${penalty.status} to ${input.status}`,
            { field: 'status', reason: error.reason },
          );
        }
        if (input.changedAt < penalty.imposedAt) {
          throw caseWorkErrors.error('DATE_OUT_OF_ORDER', 'must not be before the penalty was imposed', {
            field: 'changedAt',
          });
        }
        await this.assertNoticeOf(manager, penalty, input.nonPunishmentNoticeId);
        await manager.update(
          PenaltyEntity,
          { id: penalty.id },
          {
            status: input.status,
            statusChangedAt: input.changedAt,
            nonPunishmentNoticeId: input.nonPunishmentNoticeId,
            updatedAt: now,
          },
        );
        await emit(penaltyStatusChangedV1, {
          aggregateId: penalty.caseId,
          payload: {
            ...this.recordedBy(actor, penalty),
            penaltyId: penalty.id,
            kind: penalty.kind,
            status: input.status,
            previousStatus: penalty.status,
            changedAt: input.changedAt.toISOString(),
            nonPunishmentNoticeId: input.nonPunishmentNoticeId,
          },
        });
      },
      audit: ({ record }) => this.audited(record.caseId, 'penalties'),
      view: ({ manager }, { record }) => this.views.read(manager, actor, record.caseId),
    });
  }

  async recordNonPunishmentNotice(
    actor: AuthenticatedActor,
    input: RecordNonPunishmentNotice,
  ): Promise<CaseModel> {
    refuseFutureTime(input.sentAt, this.clock.now(), 'sentAt');
    return this.work.run(actor, {
      action: 'detention.record',
      authorise: (manager) =>
        this.legalRecords.authorisePerson(manager, actor, 'detention.record', input.caseId, input.personId),
      execute: async ({ manager, now, emit }, { record }) => {
        const notice: NonPunishmentNoticeEntity = {
          id: randomUUID(),
          caseId: input.caseId,
          personId: input.personId,
          country: input.country ?? record.jurisdictionCountry,
          toAuthority: input.toAuthority,
          sentAt: input.sentAt,
          effect: 'PENDING',
          effectNote: null,
          effectAt: null,
          recordedBy: actor.userId,
          recordedByOrganisationId: actor.organisationId,
          recordedAt: now,
          updatedAt: now,
        };
        await manager.insert(NonPunishmentNoticeEntity, notice);
        await emit(nonPunishmentNoticeSentV1, {
          aggregateId: input.caseId,
          payload: {
            ...this.recordedBy(actor, notice),
            noticeId: notice.id,
            country: notice.country,
            sentAt: notice.sentAt.toISOString(),
          },
        });
      },
      audit: () => this.audited(input.caseId, 'nonPunishmentNotices'),
      view: ({ manager }) => this.views.read(manager, actor, input.caseId),
    });
  }

  async recordNonPunishmentNoticeEffect(
    actor: AuthenticatedActor,
    input: RecordNonPunishmentNoticeEffect,
  ): Promise<CaseModel> {
    refuseFutureTime(input.effectAt, this.clock.now(), 'effectAt');
    return this.work.run(actor, {
      action: 'detention.record',
      authorise: async (manager) =>
        this.authoriseRecord(
          manager,
          actor,
          await this.lock(manager, NonPunishmentNoticeEntity, input.nonPunishmentNoticeId),
          { field: 'nonPunishmentNoticeId', notFound: 'NON_PUNISHMENT_NOTICE_NOT_FOUND' },
        ),
      execute: async ({ manager, now, emit }, { record: notice }) => {
        if (input.effectAt < notice.sentAt) {
          throw caseWorkErrors.error('DATE_OUT_OF_ORDER', 'must not be before the notice was sent', {
            field: 'effectAt',
          });
        }
        await manager.update(
          NonPunishmentNoticeEntity,
          { id: notice.id },
          { effect: input.effect, effectNote: input.note, effectAt: input.effectAt, updatedAt: now },
        );
        await emit(nonPunishmentNoticeAnsweredV1, {
          aggregateId: notice.caseId,
          payload: {
            ...this.recordedBy(actor, notice),
            noticeId: notice.id,
            effect: input.effect,
            previousEffect: notice.effect,
            effectAt: input.effectAt.toISOString(),
          },
        });
      },
      audit: ({ record }) => this.audited(record.caseId, 'nonPunishmentNotices'),
      view: ({ manager }, { record }) => this.views.read(manager, actor, record.caseId),
    });
  }

  /** Loads a record of this context by id, locked for the change. */
  private lock<TEntity extends PersonRecord & { id: string }>(
    manager: EntityManager,
    entity: new () => TEntity,
    id: string,
  ): Promise<TEntity | null> {
    return manager.findOne(entity, {
      where: { id } as never,
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** A record named by id: hidden unless its person's LEGAL data is visible, then the rule of the action. */
  private async authoriseRecord<TRecord extends PersonRecord>(
    manager: EntityManager,
    actor: AuthenticatedActor,
    record: TRecord | null,
    refusal: Parameters<LegalRecordAccess['locate']>[4],
  ) {
    const located = await this.legalRecords.locate(manager, actor, 'detention.record', record, refusal);
    return {
      ...located,
      decision: this.access.authorise(actor, 'detention.record', located.personContext),
    };
  }

  /** A notice a release or a penalty cites must be one of the same person's. */
  private async assertNoticeOf(
    manager: EntityManager,
    subject: PersonRecord,
    noticeId: string | null,
  ): Promise<void> {
    if (noticeId === null) return;
    const notice = await manager.findOne(NonPunishmentNoticeEntity, { where: { id: noticeId } });
    if (!notice || notice.personId !== subject.personId) {
      throw caseWorkErrors.error('NON_PUNISHMENT_NOTICE_NOT_FOUND', "is not one of this person's notices", {
        field: 'nonPunishmentNoticeId',
      });
    }
  }

  private recordedBy(actor: AuthenticatedActor, subject: PersonRecord) {
    return {
      caseId: subject.caseId,
      personId: subject.personId,
      recordedBy: actor.userId,
      recordedByOrganisationId: actor.organisationId,
    };
  }

  private audited(caseId: string, part: 'detentions' | 'penalties' | 'nonPunishmentNotices') {
    return {
      resourceType: 'case',
      resourceId: caseId,
      categories: ['LEGAL'] as const,
      fields: [`detentionRecords.${part}`],
    };
  }
}
