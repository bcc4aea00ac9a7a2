import type { EntityManager } from 'typeorm';
import type { RepatriationPace, RepatriationPlanShare } from '@passage/schemas';

type SharedPlan = RepatriationPlanShare;
type SharedStep = SharedPlan['steps'][number];

/** This node's copy of a plan held on another node, in which one of its organisations owns a step. */
export interface AssignmentRow {
  plan_id: string;
  revision: number;
  case_reference: string;
  jurisdiction_country: string;
  return_country: string;
  owner_organisation_id: string;
  status: SharedPlan['status'];
  pace: RepatriationPace;
  approved_at: Date | null;
  arrived_at: Date | null;
  created_at: Date;
  steps: SharedStep[];
  follow_ups: SharedPlan['followUps'];
  refusal: SharedPlan['refusal'];
}

/** A follow-up's notes, kept on the node of the organisation that recorded them. */
export interface FollowUpNoteRow {
  follow_up_id: string;
  notes: string;
  recorded_by_org_id: string;
}

/**
 * The plans of other nodes this node holds a copy of (`repatriation_assignment`) and the follow-up notes
 * its organisations keep beside them, by what the step owner's side asks of them.
 */
export class AssignedPlans {
  /**
   * Keeps the newest share of a plan; an older one arriving late changes nothing. A share of version 1
   * has no pace: it is a standard plan.
   */
  async keepNewest(manager: EntityManager, message: SharedPlan, receivedAt: Date): Promise<void> {
    const owners = [...new Set(message.steps.map((step) => step.ownerOrganisationId))];
    await manager.query(
      `INSERT INTO repatriation_assignment (plan_id, revision, case_reference, jurisdiction_country, return_country,
         owner_organisation_id, owner_organisation_ids, status, approved_at, arrived_at, created_at, steps, follow_ups,
         refusal, shared_at, received_at, pace)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (plan_id) DO UPDATE SET revision = EXCLUDED.revision, status = EXCLUDED.status,
         owner_organisation_ids = EXCLUDED.owner_organisation_ids, approved_at = EXCLUDED.approved_at,
         arrived_at = EXCLUDED.arrived_at, steps = EXCLUDED.steps, follow_ups = EXCLUDED.follow_ups,
         refusal = EXCLUDED.refusal, shared_at = EXCLUDED.shared_at, received_at = EXCLUDED.received_at
       WHERE repatriation_assignment.revision < EXCLUDED.revision`,
      [
        message.planId,
        message.revision,
        message.caseReference,
        message.jurisdictionCountry,
        message.returnCountry,
        message.ownerOrganisationId,
        owners,
        message.status,
        message.approvedAt,
        message.arrivedAt,
        message.createdAt,
        JSON.stringify(message.steps),
        JSON.stringify(message.followUps),
        message.refusal ? JSON.stringify(message.refusal) : null,
        message.sharedAt,
        receivedAt,
        message.pace ?? 'STANDARD',
      ],
    );
  }

  /** The country whose plan a held copy is (locked until the transaction ends), or null when none is held. */
  async jurisdictionOf(manager: EntityManager, planId: string): Promise<string | null> {
    const [row] = (await manager.query(
      `SELECT jurisdiction_country FROM repatriation_assignment WHERE plan_id = $1 FOR UPDATE`,
      [planId],
    )) as { jurisdiction_country: string }[];
    return row?.jurisdiction_country ?? null;
  }

  async exists(manager: EntityManager, planId: string): Promise<boolean> {
    const rows = (await manager.query(`SELECT 1 FROM repatriation_assignment WHERE plan_id = $1`, [
      planId,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** The copy of a plan, locked for the change about to be made to it. */
  async findForUpdate(manager: EntityManager, planId: string): Promise<AssignmentRow | null> {
    const [row] = (await manager.query(
      `SELECT * FROM repatriation_assignment WHERE plan_id = $1 FOR UPDATE`,
      [planId],
    )) as AssignmentRow[];
    return row ?? null;
  }

  /** Copies in which an organisation owns a step, the 200 most recently shared first. */
  async stepOwnedBy(manager: EntityManager, organisationId: string): Promise<AssignmentRow[]> {
    return (await manager.query(
      `SELECT * FROM repatriation_assignment WHERE $1 = ANY(owner_organisation_ids)
          ORDER BY shared_at DESC LIMIT 200`,
      [organisationId],
    )) as AssignmentRow[];
  }

  /** The plan held elsewhere that a follow-up belongs to (its id is known here only from a share). */
  async planOfFollowUp(manager: EntityManager, followUpId: string): Promise<string | null> {
    const [row] = (await manager.query(
      `SELECT plan_id FROM repatriation_assignment WHERE follow_ups @> $1::jsonb`,
      [JSON.stringify([{ followUpId }])],
    )) as { plan_id: string }[];
    return row?.plan_id ?? null;
  }

  /** The change shows at once; the plan's node's next share (same revision counter) replaces it. */
  async keepLocally(manager: EntityManager, row: AssignmentRow): Promise<void> {
    await manager.query(
      `UPDATE repatriation_assignment SET status = $2, arrived_at = $3, steps = $4, follow_ups = $5, refusal = NULL
        WHERE plan_id = $1`,
      [row.plan_id, row.status, row.arrived_at, JSON.stringify(row.steps), JSON.stringify(row.follow_ups)],
    );
    row.refusal = null;
  }

  async hasNote(manager: EntityManager, followUpId: string): Promise<boolean> {
    const [noted] = (await manager.query(
      `SELECT 1 FROM repatriation_follow_up_note WHERE follow_up_id = $1`,
      [followUpId],
    )) as unknown[];
    return Boolean(noted);
  }

  async insertNote(
    manager: EntityManager,
    note: {
      followUpId: string;
      planId: string;
      notes: string;
      recordedBy: string;
      recordedByOrganisationId: string;
      recordedAt: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO repatriation_follow_up_note (follow_up_id, plan_id, notes, recorded_by, recorded_by_org_id, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        note.followUpId,
        note.planId,
        note.notes,
        note.recordedBy,
        note.recordedByOrganisationId,
        note.recordedAt,
      ],
    );
  }

  async notesOf(manager: EntityManager, planId: string): Promise<FollowUpNoteRow[]> {
    return (await manager.query(
      `SELECT follow_up_id, notes, recorded_by_org_id FROM repatriation_follow_up_note WHERE plan_id = $1`,
      [planId],
    )) as FollowUpNoteRow[];
  }
}
