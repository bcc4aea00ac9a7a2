import { In, type EntityManager } from 'typeorm';
import { FollowUpTaskEntryEntity } from './entities/follow-up-task-entry.entity.js';
import { FollowUpTaskEntity } from './entities/follow-up-task.entity.js';
import { isFollowUpTaskOverdue } from './follow-up-task-lifecycle.js';
import type { FollowUpTaskModel } from './graphql/follow-up-task.model.js';

/**
 * The follow-up tasks of a case with their history, for the people `visible` accepts only: a task says
 * that its person was identified and may be detained, which is LEGAL data (issue 12, finding 4).
 */
export async function readFollowUpTasks(
  manager: EntityManager,
  caseId: string,
  visible: (personId: string) => boolean,
  now: Date,
): Promise<FollowUpTaskModel[]> {
  const tasks = (
    await manager.find(FollowUpTaskEntity, { where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } })
  ).filter((task) => visible(task.personId));
  if (tasks.length === 0) return [];
  const entries = await manager.find(FollowUpTaskEntryEntity, {
    where: { taskId: In(tasks.map((task) => task.id)) },
    order: { sequence: 'ASC' },
  });
  return tasks.map((task) => ({
    id: task.id,
    personId: task.personId,
    jurisdictionCountry: task.jurisdictionCountry,
    kind: task.kind,
    status: task.status,
    createdAt: task.createdAt,
    assigneeOrganisationId: task.assigneeOrganisationId,
    assigneeUserId: task.assigneeUserId,
    dueAt: task.dueAt,
    overdue: isFollowUpTaskOverdue(task, now),
    outcome: task.outcome,
    outcomeAt: task.outcomeAt,
    detentionId: task.detentionId,
    nonPunishmentNoticeId: task.nonPunishmentNoticeId,
    history: entries
      .filter((entry) => entry.taskId === task.id)
      .map((entry) => ({
        action: entry.action,
        note: entry.note,
        happenedAt: entry.happenedAt,
        fromOrganisationId: entry.fromOrganisationId,
        toOrganisationId: entry.toOrganisationId,
        toUserId: entry.toUserId,
        recordedBy: entry.recordedBy,
        recordedByOrganisationId: entry.recordedByOrganisationId,
        recordedAt: entry.recordedAt,
      })),
  }));
}
