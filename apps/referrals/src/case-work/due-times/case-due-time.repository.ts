import type { EntityManager } from 'typeorm';
import type { CaseDueStep } from './case-due-time-rules.js';

/** One step's due time of one case, as stored. */
export interface CaseDueTimeRow {
  case_id: string;
  step: CaseDueStep;
  counted_from: Date;
  due_at: Date;
  met_at: Date | null;
  escalated_at: Date | null;
}

/** An overdue step found by the sweep, with what its event says about the case. */
export interface OverdueCaseStepRow extends CaseDueTimeRow {
  owner_organisation_id: string;
  jurisdiction_country: string;
}

/**
 * Whether every person of case `$1` has done a step: screened at least once; and for identification, a
 * decision other than PENDING in the case's own jurisdiction (another country's decision is its own line).
 */
const SCREENING_DONE = `NOT EXISTS (
  SELECT 1 FROM case_person p WHERE p.case_id = $1
     AND NOT EXISTS (SELECT 1 FROM case_screening s WHERE s.person_id = p.id))`;
const IDENTIFICATION_DONE = `NOT EXISTS (
  SELECT 1 FROM case_person p JOIN case_file c ON c.id = p.case_id WHERE p.case_id = $1
     AND NOT EXISTS (SELECT 1 FROM identification_decision d
                      WHERE d.person_id = p.id AND d.jurisdiction_country = c.jurisdiction_country
                        AND d.status <> 'PENDING'))`;

/** The due times of cases: set at opening, met by screenings and decisions, swept when overdue. */
export class CaseDueTimeRepository {
  /** One statement whatever the number of rows: each column is one array parameter. */
  async insert(
    manager: EntityManager,
    rows: readonly { caseId: string; step: CaseDueStep; countedFrom: Date; dueAt: Date }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO case_due_time (case_id, step, counted_from, due_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[])`,
      [
        rows.map((row) => row.caseId),
        rows.map((row) => row.step),
        rows.map((row) => row.countedFrom),
        rows.map((row) => row.dueAt),
      ],
    );
  }

  /**
   * When the people of a rescue request were out: the time its jurisdiction's copy was resolved (a case
   * opens only from a request resolved as released, escaped or ransomed); null when there is no such copy.
   */
  async rescuedAt(
    manager: EntityManager,
    rescueRequestId: string,
    jurisdictionCountry: string,
  ): Promise<Date | null> {
    const [row] = (await manager.query(
      `SELECT status_changed_at FROM rescue_request
        WHERE request_id = $1 AND copy = 'JURISDICTION' AND status = 'RESOLVED' AND jurisdiction_country = $2`,
      [rescueRequestId, jurisdictionCountry],
    )) as { status_changed_at: Date }[];
    return row?.status_changed_at ?? null;
  }

  /**
   * Marks each step of the case met at `at` once every person has done it, keeping the first time it was
   * met; a step some person has not done (a person added later) is open again.
   */
  async refreshMet(manager: EntityManager, caseId: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE case_due_time t
          SET met_at = CASE WHEN (CASE t.step WHEN 'SCREENING' THEN ${SCREENING_DONE} ELSE ${IDENTIFICATION_DONE} END)
                            THEN coalesce(t.met_at, $2) ELSE NULL END
        WHERE t.case_id = $1`,
      [caseId, at],
    );
  }

  async ofCase(manager: EntityManager, caseId: string): Promise<CaseDueTimeRow[]> {
    return (await manager.query(`SELECT * FROM case_due_time WHERE case_id = $1`, [
      caseId,
    ])) as CaseDueTimeRow[];
  }

  /** Steps of open cases past their due time, not met and not announced yet, locked for the sweep. */
  async overdueUnescalated(manager: EntityManager, now: Date, limit: number): Promise<OverdueCaseStepRow[]> {
    return (await manager.query(
      `SELECT t.*, c.owner_organisation_id, c.jurisdiction_country
         FROM case_due_time t JOIN case_file c ON c.id = t.case_id
        WHERE t.met_at IS NULL AND t.escalated_at IS NULL AND t.due_at < $1 AND c.status = 'OPEN'
        ORDER BY t.due_at, t.case_id, t.step
        LIMIT $2
          FOR UPDATE OF t SKIP LOCKED`,
      [now, limit],
    )) as OverdueCaseStepRow[];
  }

  async markEscalated(
    manager: EntityManager,
    steps: readonly { caseId: string; step: CaseDueStep }[],
    at: Date,
  ): Promise<void> {
    if (steps.length === 0) return;
    await manager.query(
      `UPDATE case_due_time t SET escalated_at = $3
         FROM unnest($1::uuid[], $2::text[]) AS s(case_id, step)
        WHERE t.case_id = s.case_id AND t.step = s.step`,
      [steps.map((step) => step.caseId), steps.map((step) => step.step), at],
    );
  }
}

/**
 * The condition "the case aliased `alias` is open and some step of it is past due and not met", for a
 * list's query builder; `:dueTimesNow` is the parameter to bind the current time to.
 */
export function overdueCaseCondition(alias: string): string {
  return (
    `(${alias}.status = 'OPEN' AND EXISTS (SELECT 1 FROM case_due_time t ` +
    `WHERE t.case_id = ${alias}.id AND t.met_at IS NULL AND t.due_at < :dueTimesNow))`
  );
}
