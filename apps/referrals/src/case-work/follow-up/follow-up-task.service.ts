import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import {
  followUpTaskCompletedV1,
  followUpTaskDeclinedV1,
  followUpTaskReassignedV1,
  type FollowUpTaskAction,
  type FollowUpTaskStatus,
} from '@passage/schemas';
import {
  AccessDeniedError,
  Clock,
  type AllowedDecision,
  type AuthenticatedActor,
  type ResourceContext,
} from '@passage/shared';
import { InvalidTransitionError, ReferralsAccess, UnitOfWork } from '../../platform/index.js';
import { caseWorkErrors, refuseFutureTime } from '../case-work.errors.js';
import { CaseViewReader } from '../case/case-view.reader.js';
import type { CaseModel } from '../case/graphql/case.model.js';
import { LegalRecordAccess } from '../case/legal-record-access.js';
import { DetentionEntity } from '../detention/entities/detention.entity.js';
import { NonPunishmentNoticeEntity } from '../detention/entities/non-punishment-notice.entity.js';
import { whyNotAssignable } from './assignee-eligibility.js';
import type {
  CompleteFollowUpTask,
  DeclineFollowUpTask,
  ReassignFollowUpTask,
} from './dtos/follow-up-task.inputs.js';
import { FollowUpTaskEntryEntity } from './entities/follow-up-task-entry.entity.js';
import { FollowUpTaskEntity } from './entities/follow-up-task.entity.js';
import { followUpTaskStatusAfter } from './follow-up-task-lifecycle.js';
import { listedOrganisation } from './listed-organisations.js';

/** A task the caller may work, with the person's record as the policy saw it. */
interface AuthorisedTask {
  decision: AllowedDecision;
  task: FollowUpTaskEntity;
  personContext: ResourceContext;
  taskContext: ResourceContext;
}

/**
 * Working the follow-up tasks a reasonable-grounds decision opened: completing one with its outcome,
 * declining one with the reason, or handing one to another organisation or person. Only the task's
 * assignee organisation, or the coordinator of its jurisdiction, may do any of it (ADR 020).
 */
@Injectable()
export class FollowUpTaskService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly legalRecords: LegalRecordAccess,
    private readonly access: ReferralsAccess,
    private readonly views: CaseViewReader,
    // Dates in the future are refused before anything is looked up; assignees are checked at this time.
    private readonly clock: Clock,
  ) {}

  async complete(actor: AuthenticatedActor, input: CompleteFollowUpTask): Promise<CaseModel> {
    refuseFutureTime(input.completedAt, this.clock.now(), 'completedAt');
    return this.work.run(actor, {
      action: 'follow-up.work',
      authorise: (manager) => this.authorise(manager, actor, input.taskId),
      execute: async ({ manager, now, emit }, { task }) => {
        const status = this.statusAfter(task, 'COMPLETED');
        await this.checkLinks(manager, task, input);
        await manager.update(
          FollowUpTaskEntity,
          { id: task.id },
          {
            status,
            outcome: input.outcome,
            outcomeAt: input.completedAt,
            detentionId: input.detentionId,
            nonPunishmentNoticeId: input.nonPunishmentNoticeId,
            closedBy: actor.userId,
            closedAt: now,
          },
        );
        await this.addEntry(manager, actor, task, now, {
          action: 'COMPLETED',
          note: input.outcome,
          happenedAt: input.completedAt,
        });
        await emit(followUpTaskCompletedV1, {
          aggregateId: task.caseId,
          payload: {
            ...this.taskFacts(actor, task),
            completedAt: input.completedAt.toISOString(),
            detentionId: input.detentionId,
            nonPunishmentNoticeId: input.nonPunishmentNoticeId,
          },
        });
      },
      audit: ({ task }) => ({
        resourceType: 'case',
        resourceId: task.caseId,
        categories: ['LEGAL'],
        fields: ['followUpTasks.status', 'followUpTasks.outcome', 'followUpTasks.outcomeAt'],
      }),
      view: ({ manager }, { task }) => this.views.read(manager, actor, task.caseId),
    });
  }

  async decline(actor: AuthenticatedActor, input: DeclineFollowUpTask): Promise<CaseModel> {
    refuseFutureTime(input.declinedAt, this.clock.now(), 'declinedAt');
    return this.work.run(actor, {
      action: 'follow-up.work',
      authorise: (manager) => this.authorise(manager, actor, input.taskId),
      execute: async ({ manager, now, emit }, { task }) => {
        const status = this.statusAfter(task, 'DECLINED');
        await manager.update(
          FollowUpTaskEntity,
          { id: task.id },
          {
            status,
            outcome: input.reason,
            outcomeAt: input.declinedAt,
            closedBy: actor.userId,
            closedAt: now,
          },
        );
        await this.addEntry(manager, actor, task, now, {
          action: 'DECLINED',
          note: input.reason,
          happenedAt: input.declinedAt,
        });
        await emit(followUpTaskDeclinedV1, {
          aggregateId: task.caseId,
          payload: { ...this.taskFacts(actor, task), declinedAt: input.declinedAt.toISOString() },
        });
      },
      audit: ({ task }) => ({
        resourceType: 'case',
        resourceId: task.caseId,
        categories: ['LEGAL'],
        fields: ['followUpTasks.status', 'followUpTasks.outcome', 'followUpTasks.outcomeAt'],
      }),
      view: ({ manager }, { task }) => this.views.read(manager, actor, task.caseId),
    });
  }

  async reassign(actor: AuthenticatedActor, input: ReassignFollowUpTask): Promise<CaseModel> {
    refuseFutureTime(input.reassignedAt, this.clock.now(), 'reassignedAt');
    return this.work.run(actor, {
      action: 'follow-up.work',
      authorise: (manager) => this.authorise(manager, actor, input.taskId),
      execute: async ({ manager, now, emit }, { task, taskContext, personContext }) => {
        this.statusAfter(task, 'REASSIGNED');
        if (
          task.assigneeOrganisationId === input.assigneeOrganisationId &&
          task.assigneeUserId === input.assigneeUserId
        ) {
          throw caseWorkErrors.error('ASSIGNEE_UNCHANGED', 'the task is assigned there already', {
            field: 'assigneeOrganisationId',
          });
        }
        const problem = whyNotAssignable(
          await listedOrganisation(manager, input.assigneeOrganisationId),
          taskContext,
          personContext,
          now,
        );
        if (problem) {
          throw caseWorkErrors.error('ASSIGNEE_NOT_ELIGIBLE', problem, { field: 'assigneeOrganisationId' });
        }
        await manager.update(
          FollowUpTaskEntity,
          { id: task.id },
          { assigneeOrganisationId: input.assigneeOrganisationId, assigneeUserId: input.assigneeUserId },
        );
        await this.addEntry(manager, actor, task, now, {
          action: 'REASSIGNED',
          note: input.note,
          happenedAt: input.reassignedAt,
          toOrganisationId: input.assigneeOrganisationId,
          toUserId: input.assigneeUserId,
        });
        await emit(followUpTaskReassignedV1, {
          aggregateId: task.caseId,
          payload: {
            ...this.taskFacts(actor, task),
            fromOrganisationId: task.assigneeOrganisationId,
            toOrganisationId: input.assigneeOrganisationId,
            toUserId: input.assigneeUserId,
            reassignedAt: input.reassignedAt.toISOString(),
          },
        });
      },
      audit: ({ task }) => ({
        resourceType: 'case',
        resourceId: task.caseId,
        categories: ['LEGAL'],
        fields: ['followUpTasks.assigneeOrganisationId', 'followUpTasks.assigneeUserId'],
      }),
      // The caller may have handed on its own task; it still reads the case as before.
      view: ({ manager }, { task }) => this.views.read(manager, actor, task.caseId),
    });
  }

  /**
   * Loads and locks the task, then asks in two steps. Need to know first: a caller who may not see the
   * person's LEGAL data is answered as if the task did not exist (it would tell that the person was
   * identified). Then the task's own rule: a caller who can see the task but is neither its assignee nor
   * the coordinator of its jurisdiction is told so, naming the task.
   */
  private async authorise(
    manager: EntityManager,
    actor: AuthenticatedActor,
    taskId: string,
  ): Promise<AuthorisedTask> {
    const task = await manager.findOne(FollowUpTaskEntity, {
      where: { id: taskId },
      lock: { mode: 'pessimistic_write' },
    });
    const { personContext, record: found } = await this.legalRecords.locate(
      manager,
      actor,
      'follow-up.work',
      task,
      { field: 'taskId', notFound: 'FOLLOW_UP_TASK_NOT_FOUND' },
    );
    const taskContext: ResourceContext = {
      ...personContext,
      jurisdictionCountry: found.jurisdictionCountry,
      addressedToOrganisationId: found.assigneeOrganisationId,
    };
    try {
      return {
        decision: this.access.authorise(actor, 'follow-up.work', taskContext),
        task: found,
        personContext,
        taskContext,
      };
    } catch (error) {
      if (!(error instanceof AccessDeniedError)) throw error;
      throw caseWorkErrors.error(
        'FOLLOW_UP_TASK_NOT_ASSIGNED_TO_CALLER',
        "is assigned to another organisation: only it, or the coordinator of the task's country, may work it",
        { field: 'taskId' },
      );
    }
  }

  private statusAfter(task: FollowUpTaskEntity, action: FollowUpTaskAction): FollowUpTaskStatus {
    try {
      return followUpTaskStatusAfter(task.status, action);
    } catch (error) {
      if (!(error instanceof InvalidTransitionError)) throw error;
      throw caseWorkErrors.error('FOLLOW_UP_TASK_CLOSED', `is ${task.status} already`, { field: 'taskId' });
    }
  }

  /**
   * A release task is done only once the person is out: never while a detention in the task's country
   * is open, and the detention it names must be one of the person's, ended. A notice task may name the
   * notice sent. Each link belongs to its own kind of task.
   */
  private async checkLinks(
    manager: EntityManager,
    task: FollowUpTaskEntity,
    input: CompleteFollowUpTask,
  ): Promise<void> {
    if (input.detentionId !== null && task.kind !== 'RELEASE_FROM_DETENTION') {
      throw caseWorkErrors.error('LINK_NOT_FOR_THIS_TASK', 'only a release task names a detention', {
        field: 'detentionId',
      });
    }
    if (input.nonPunishmentNoticeId !== null && task.kind !== 'NON_PUNISHMENT_NOTICE') {
      throw caseWorkErrors.error('LINK_NOT_FOR_THIS_TASK', 'only a notice task names a notice', {
        field: 'nonPunishmentNoticeId',
      });
    }
    if (task.kind === 'RELEASE_FROM_DETENTION') {
      const stillHeld = await manager.findOne(DetentionEntity, {
        where: { personId: task.personId, country: task.jurisdictionCountry, releasedAt: IsNull() },
      });
      if (stillHeld) {
        throw caseWorkErrors.error(
          'PERSON_STILL_DETAINED',
          'the person is still recorded as detained there: record the release first',
          { field: 'taskId' },
        );
      }
    }
    if (input.detentionId !== null) {
      const detention = await manager.findOne(DetentionEntity, { where: { id: input.detentionId } });
      if (!detention || detention.personId !== task.personId) {
        throw caseWorkErrors.error('LINK_NOT_FOR_THIS_TASK', "is not one of this person's detentions", {
          field: 'detentionId',
        });
      }
      if (detention.releasedAt === null) {
        throw caseWorkErrors.error('DETENTION_NOT_ENDED', 'record the release first', {
          field: 'detentionId',
        });
      }
    }
    if (input.nonPunishmentNoticeId !== null) {
      const notice = await manager.findOne(NonPunishmentNoticeEntity, {
        where: { id: input.nonPunishmentNoticeId },
      });
      if (!notice || notice.personId !== task.personId) {
        throw caseWorkErrors.error('LINK_NOT_FOR_THIS_TASK', "is not one of this person's notices", {
          field: 'nonPunishmentNoticeId',
        });
      }
    }
  }

  private async addEntry(
    manager: EntityManager,
    actor: AuthenticatedActor,
    task: FollowUpTaskEntity,
    now: Date,
    entry: {
      action: FollowUpTaskAction;
      note: string;
      happenedAt: Date;
      toOrganisationId?: string;
      toUserId?: string | null;
    },
  ): Promise<void> {
    await manager.insert(FollowUpTaskEntryEntity, {
      id: randomUUID(),
      taskId: task.id,
      action: entry.action,
      note: entry.note,
      happenedAt: entry.happenedAt,
      fromOrganisationId: task.assigneeOrganisationId,
      toOrganisationId: entry.toOrganisationId ?? null,
      toUserId: entry.toUserId ?? null,
      recordedBy: actor.userId,
      recordedByOrganisationId: actor.organisationId,
      recordedAt: now,
    });
  }

  private taskFacts(actor: AuthenticatedActor, task: FollowUpTaskEntity) {
    return {
      caseId: task.caseId,
      personId: task.personId,
      taskId: task.id,
      kind: task.kind,
      jurisdictionCountry: task.jurisdictionCountry,
      recordedBy: actor.userId,
      recordedByOrganisationId: actor.organisationId,
    };
  }
}
