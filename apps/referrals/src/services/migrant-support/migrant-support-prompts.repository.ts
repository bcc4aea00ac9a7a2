import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { MigrantSupportPromptSettlement } from '@passage/schemas';

/** The states of a prompt: OPEN until a referral, a later screening or the person's refusal settles it. */
export type MigrantSupportPromptStatus = 'OPEN' | MigrantSupportPromptSettlement;

/** A row of `migrant_support_prompt`, with the case's reference and owner joined in. */
export interface MigrantSupportPromptRow {
  id: string;
  case_id: string;
  case_reference: string;
  case_owner_organisation_id: string;
  case_owner_country: string;
  case_jurisdiction_country: string;
  person_id: string;
  screening_id: string;
  status: MigrantSupportPromptStatus;
  referral_id: string | null;
  note: string | null;
  prompted_at: Date;
  settled_at: Date | null;
}

/** How a prompt was settled, by whom and when. */
export interface Settlement {
  status: MigrantSupportPromptSettlement;
  referralId: string | null;
  note: string | null;
  by: { userId: string; organisationId: string };
  at: Date;
}

const SELECT = `SELECT m.*, c.reference AS case_reference, c.owner_organisation_id AS case_owner_organisation_id,
    c.owner_country AS case_owner_country, c.jurisdiction_country AS case_jurisdiction_country
  FROM migrant_support_prompt m JOIN case_file c ON c.id = m.case_id`;

/** Prompts to refer a person screened NOT_INDICATED to services for vulnerable migrants, by what is asked of them. */
export class MigrantSupportPrompts {
  /** Opens a prompt unless the person has one open already; answers the new prompt's id. */
  async openOnce(
    manager: EntityManager,
    prompt: { caseId: string; personId: string; screeningId: string; at: Date },
  ): Promise<string | null> {
    const [inserted] = (await manager.query(
      `INSERT INTO migrant_support_prompt (id, case_id, person_id, screening_id, status, prompted_at)
       VALUES ($1, $2, $3, $4, 'OPEN', $5)
       ON CONFLICT (person_id) WHERE status = 'OPEN' DO NOTHING
       RETURNING id`,
      [randomUUID(), prompt.caseId, prompt.personId, prompt.screeningId, prompt.at],
    )) as { id: string }[];
    return inserted?.id ?? null;
  }

  /** Settles the person's open prompt, if any; answers it as it was before. */
  async settleOpen(
    manager: EntityManager,
    personId: string,
    settlement: Settlement,
  ): Promise<{ id: string; case_id: string } | null> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
    const [settled] = (await manager.query(
      `UPDATE migrant_support_prompt SET status = $2, referral_id = $3, note = $4, settled_by = $5,
         settled_by_organisation_id = $6, settled_at = $7
        WHERE person_id = $1 AND status = 'OPEN'
        RETURNING id, case_id`,
      [
        personId,
        settlement.status,
        settlement.referralId,
        settlement.note,
        settlement.by.userId,
        settlement.by.organisationId,
        settlement.at,
      ],
    )) as [{ id: string; case_id: string }[], number];
    return settled[0] ?? null;
  }

  async findForUpdate(manager: EntityManager, id: string): Promise<MigrantSupportPromptRow | null> {
    const [row] = (await manager.query(`${SELECT} WHERE m.id = $1 FOR UPDATE OF m`, [
      id,
    ])) as MigrantSupportPromptRow[];
    return row ?? null;
  }

  async findById(manager: EntityManager, id: string): Promise<MigrantSupportPromptRow> {
    const [row] = (await manager.query(`${SELECT} WHERE m.id = $1`, [id])) as MigrantSupportPromptRow[];
    return row;
  }

  /** Open prompts on cases an organisation owns, oldest first: the longest waiting are referred first. */
  async openForOwner(
    manager: EntityManager,
    organisationId: string,
    limit: number,
  ): Promise<MigrantSupportPromptRow[]> {
    return (await manager.query(
      `${SELECT} WHERE m.status = 'OPEN' AND c.owner_organisation_id = $1 ORDER BY m.prompted_at, m.id LIMIT $2`,
      [organisationId, limit],
    )) as MigrantSupportPromptRow[];
  }
}
