import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { caseClosedV1, caseReopenedV1 } from '@passage/schemas';
import type { AuthenticatedActor } from '@passage/shared';
import { UnitOfWork } from '../../platform/index.js';
import { caseWorkErrors } from '../case-work.errors.js';
import { FollowUpTaskEntity } from '../follow-up/entities/follow-up-task.entity.js';
import { CaseRecords } from './case-records.js';
import { CaseViewReader } from './case-view.reader.js';
import type { CloseCaseValue, ReopenCaseValue } from './dtos/case.inputs.js';
import { CaseStatusChangeEntity } from './entities/case-status-change.entity.js';
import { CaseEntity } from './entities/case.entity.js';
import type { CaseModel } from './graphql/case.model.js';

/**
 * Closing a case with an outcome and reopening it with a reason. Each is one status change kept in the
 * case's history, an audit entry and an event. A case does not close while protection follow-up is open.
 */
@Injectable()
export class CaseClosureService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly records: CaseRecords,
    private readonly views: CaseViewReader,
  ) {}

  closeCase(actor: AuthenticatedActor, input: CloseCaseValue): Promise<CaseModel> {
    return this.work.run(actor, {
      action: 'case.close',
      authorise: (manager) =>
        this.records.authorise(manager, actor, 'case.close', input.caseId, { lock: true }),
      execute: async ({ manager, now, emit }, { record }) => {
        if (record.status === 'CLOSED') {
          throw caseWorkErrors.error('CASE_ALREADY_CLOSED', 'the case is already closed', {
            field: 'caseId',
          });
        }
        // Release from detention, legal aid and the non-punishment notice must not be dropped by closing.
        const open = await manager.count(FollowUpTaskEntity, {
          where: { caseId: record.id, status: 'OPEN' },
        });
        if (open > 0) {
          throw caseWorkErrors.error(
            'FOLLOW_UP_TASKS_OPEN',
            `${open} follow-up task(s) must be completed or declined before the case closes`,
            { field: 'caseId' },
          );
        }
        await manager.update(
          CaseEntity,
          { id: record.id },
          { status: 'CLOSED', outcome: input.outcome, closedAt: now },
        );
        await manager.insert(CaseStatusChangeEntity, {
          id: randomUUID(),
          caseId: record.id,
          status: 'CLOSED',
          outcome: input.outcome,
          reopenReason: null,
          changedBy: actor.userId,
          changedByOrganisationId: actor.organisationId,
          changedAt: now,
        });
        await emit(caseClosedV1, {
          aggregateId: record.id,
          payload: {
            caseId: record.id,
            outcome: input.outcome,
            closedBy: actor.userId,
            closedByOrganisationId: actor.organisationId,
            closedAt: now.toISOString(),
          },
        });
      },
      audit: () => ({
        resourceType: 'case',
        resourceId: input.caseId,
        categories: ['OPERATIONAL'],
        fields: ['status', 'outcome'],
      }),
      view: ({ manager }) => this.views.read(manager, actor, input.caseId),
    });
  }

  reopenCase(actor: AuthenticatedActor, input: ReopenCaseValue): Promise<CaseModel> {
    return this.work.run(actor, {
      action: 'case.reopen',
      authorise: (manager) =>
        this.records.authorise(manager, actor, 'case.reopen', input.caseId, { lock: true }),
      execute: async ({ manager, now, emit }, { record }) => {
        if (record.status !== 'CLOSED' || record.outcome === null) {
          throw caseWorkErrors.error('CASE_NOT_CLOSED', 'only a closed case can be reopened', {
            field: 'caseId',
          });
        }
        await manager.update(
          CaseEntity,
          { id: record.id },
          { status: 'OPEN', outcome: null, closedAt: null },
        );
        await manager.insert(CaseStatusChangeEntity, {
          id: randomUUID(),
          caseId: record.id,
          status: 'OPEN',
          outcome: null,
          reopenReason: input.reason,
          changedBy: actor.userId,
          changedByOrganisationId: actor.organisationId,
          changedAt: now,
        });
        await emit(caseReopenedV1, {
          aggregateId: record.id,
          payload: {
            caseId: record.id,
            reason: input.reason,
            previousOutcome: record.outcome,
            reopenedBy: actor.userId,
            reopenedByOrganisationId: actor.organisationId,
            reopenedAt: now.toISOString(),
          },
        });
      },
      audit: () => ({
        resourceType: 'case',
        resourceId: input.caseId,
        categories: ['OPERATIONAL'],
        fields: ['status', 'reopenReason'],
      }),
      view: ({ manager }) => this.views.read(manager, actor, input.caseId),
    });
  }
}
