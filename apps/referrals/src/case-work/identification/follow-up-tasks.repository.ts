import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';

/** The follow-up tasks a decision opens: one per person, jurisdiction and kind, however often decided. */
export class FollowUpTasks {
  /** Opens the task unless the person already has one of that kind there; answers the new task's id. */
  async openOnce(
    manager: EntityManager,
    task: {
      caseId: string;
      personId: string;
      jurisdictionCountry: string;
      kind: string;
      decisionId: string;
      at: Date;
    },
  ): Promise<string | null> {
    const [inserted] = (await manager.query(
      `INSERT INTO case_follow_up_task (id, case_id, person_id, jurisdiction_country, kind, status, decision_id, created_at)
       VALUES ($1, $2, $3, $4, $5, 'OPEN', $6, $7)
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
      ],
    )) as { id: string }[];
    return inserted?.id ?? null;
  }
}
