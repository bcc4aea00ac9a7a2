import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { workingCalendarFor, type FollowUpTaskKind, type WorkingCalendarConfig } from '@passage/schemas';
import { followUpTaskDueAt } from './follow-up-task-lifecycle.js';

/** The follow-up tasks a decision opens: one per person, jurisdiction and kind, however often decided. */
export class FollowUpTasks {
  constructor(
    /** The node's working calendars per country (`WORKING_CALENDARS`), for the tasks' due times. */
    private readonly calendars: Readonly<Record<string, Omit<WorkingCalendarConfig, 'countryCode'>>> = {},
  ) {}

  /**
   * Opens the task unless the person already has one of that kind there; answers the new task's id. The
   * task is due after its kind's working time in the jurisdiction, and assigned to `assigneeOrganisationId`
   * (the deciding organisation, which answers for what its decision opened until it hands a task on).
   */
  async openOnce(
    manager: EntityManager,
    task: {
      caseId: string;
      personId: string;
      jurisdictionCountry: string;
      kind: FollowUpTaskKind;
      decisionId: string;
      assigneeOrganisationId: string;
      at: Date;
    },
  ): Promise<string | null> {
    const calendar = workingCalendarFor(
      task.jurisdictionCountry,
      this.calendars[task.jurisdictionCountry] ?? {},
    );
    const [inserted] = (await manager.query(
      `INSERT INTO case_follow_up_task
         (id, case_id, person_id, jurisdiction_country, kind, status, decision_id, created_at,
          assignee_organisation_id, due_at)
       VALUES ($1, $2, $3, $4, $5, 'OPEN', $6, $7, $8, $9)
       ON CONFLICT (person_id, jurisdiction_country, kind) DO NOTHING
       RETURNING id`,
      [
        randomUUID(),
        task.caseId,
        task.personId,
        task.jurisdictionCountry,
        task.kind,
        task.decisionId,
        task.at,
        task.assigneeOrganisationId,
        followUpTaskDueAt(task.kind, task.at, calendar),
      ],
    )) as { id: string }[];
    return inserted?.id ?? null;
  }
}
