import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type {
  DataCategory,
  ReferralDeclineReason,
  ReferralOutcome,
  ReferralStatus,
  ServiceType,
} from '@passage/schemas';
import type { AgeBand, Gender, ImmediateNeed } from '../../case-work/index.js';

/** A row of `referral`, with the listed service's name joined in. */
export interface ReferralRow {
  id: string;
  case_id: string;
  person_id: string;
  service_id: string;
  service_name: string;
  service_type: ServiceType;
  jurisdiction_country: string;
  from_organisation_id: string;
  from_organisation_name: string;
  to_organisation_id: string;
  to_organisation_name: string;
  shared_categories: DataCategory[];
  gender: Gender;
  age_band: AgeBand;
  languages: string[];
  needs: ImmediateNeed[];
  urgent_medical_need: boolean;
  status: ReferralStatus;
  decline_reason: ReferralDeclineReason | null;
  decline_note: string | null;
  outcome: ReferralOutcome | null;
  outcome_note: string | null;
  created_by: string;
  created_at: Date;
  status_changed_at: Date;
  due_at: Date | null;
  escalated_at: Date | null;
}

/** A row of `referral_status_change`. */
export interface ReferralStatusChangeRow {
  referral_id: string;
  from_status: ReferralStatus | null;
  to_status: ReferralStatus;
  reason: string | null;
  changed_by_org_id: string | null;
  changed_at: Date;
}

export type NewReferral = Omit<
  ReferralRow,
  | 'service_name'
  | 'status'
  | 'decline_reason'
  | 'decline_note'
  | 'outcome'
  | 'outcome_note'
  | 'status_changed_at'
  | 'escalated_at'
>;

/** Which referrals a list is about: those the organisation sent, received, or all of a country. */
export type ReferralScope =
  { role: 'SENT' | 'RECEIVED'; organisationId: string } | { role: 'JURISDICTION'; country: string };

const SELECT = `SELECT r.*, s.name AS service_name FROM referral r JOIN directory_service s ON s.id = r.service_id`;

/** The referral tables, with the queries the use cases need. */
export class ReferralRepository {
  async insert(manager: EntityManager, referral: NewReferral): Promise<void> {
    await manager.query(
      `INSERT INTO referral (id, case_id, person_id, service_id, service_type, jurisdiction_country,
         from_organisation_id, from_organisation_name, to_organisation_id, to_organisation_name, shared_categories,
         gender, age_band, languages, needs, urgent_medical_need, status, created_by, created_at, status_changed_at,
         due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'PENDING', $17, $18, $18, $19)`,
      [
        referral.id,
        referral.case_id,
        referral.person_id,
        referral.service_id,
        referral.service_type,
        referral.jurisdiction_country,
        referral.from_organisation_id,
        referral.from_organisation_name,
        referral.to_organisation_id,
        referral.to_organisation_name,
        referral.shared_categories,
        referral.gender,
        referral.age_band,
        referral.languages,
        referral.needs,
        referral.urgent_medical_need,
        referral.created_by,
        referral.created_at,
        referral.due_at,
      ],
    );
  }

  async findById(
    manager: EntityManager,
    id: string,
    options: { lock?: boolean } = {},
  ): Promise<ReferralRow | null> {
    const rows = (await manager.query(`${SELECT} WHERE r.id = $1${options.lock ? ' FOR UPDATE OF r' : ''}`, [
      id,
    ])) as ReferralRow[];
    return rows[0] ?? null;
  }

  /** True while the person has a referral to this service that is still pending or running. */
  /** Whether the person's consent to be referred to services stands (read fresh, as the policy does). */
  async referralConsentStands(manager: EntityManager, personId: string): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT 1 FROM case_consent WHERE person_id = $1 AND purpose = 'SERVICES_REFERRAL' AND withdrawn_at IS NULL`,
      [personId],
    )) as unknown[];
    return rows.length > 0;
  }

  async hasOpenReferral(manager: EntityManager, personId: string, serviceId: string): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT 1 FROM referral WHERE person_id = $1 AND service_id = $2
         AND status IN ('PENDING', 'ACCEPTED', 'IN_PROGRESS') LIMIT 1`,
      [personId, serviceId],
    )) as unknown[];
    return rows.length > 0;
  }

  async updateStatus(
    manager: EntityManager,
    id: string,
    update: {
      status: ReferralStatus;
      at: Date;
      dueAt: Date | null;
      declineReason?: ReferralDeclineReason | null;
      declineNote?: string | null;
      outcome?: ReferralOutcome | null;
      outcomeNote?: string | null;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE referral SET status = $2, status_changed_at = $3, due_at = $4, escalated_at = NULL,
         decline_reason = $5, decline_note = $6, outcome = $7, outcome_note = $8
       WHERE id = $1`,
      [
        id,
        update.status,
        update.at,
        update.dueAt,
        update.declineReason ?? null,
        update.declineNote ?? null,
        update.outcome ?? null,
        update.outcomeNote ?? null,
      ],
    );
  }

  async insertStatusChange(
    manager: EntityManager,
    change: {
      referralId: string;
      from: ReferralStatus | null;
      to: ReferralStatus;
      reason: string | null;
      userId: string | null;
      organisationId: string | null;
      at: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO referral_status_change (id, referral_id, from_status, to_status, reason, changed_by_user_id,
         changed_by_org_id, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        randomUUID(),
        change.referralId,
        change.from,
        change.to,
        change.reason,
        change.userId,
        change.organisationId,
        change.at,
      ],
    );
  }

  async history(manager: EntityManager, referralIds: string[]): Promise<ReferralStatusChangeRow[]> {
    if (referralIds.length === 0) return [];
    return (await manager.query(
      `SELECT referral_id, from_status, to_status, reason, changed_by_org_id, changed_at
         FROM referral_status_change WHERE referral_id = ANY($1) ORDER BY sequence`,
      [referralIds],
    )) as ReferralStatusChangeRow[];
  }

  /** One page of a list, newest first, fetching one row more than asked to tell whether more follow. */
  async list(
    manager: EntityManager,
    scope: ReferralScope,
    filter: { status: ReferralStatus | null; before: { createdAt: Date; id: string } | null; limit: number },
  ): Promise<{ rows: ReferralRow[]; totalCount: number }> {
    const column =
      scope.role === 'SENT'
        ? 'r.from_organisation_id'
        : scope.role === 'RECEIVED'
          ? 'r.to_organisation_id'
          : 'r.jurisdiction_country';
    const params: unknown[] = [
      scope.role === 'JURISDICTION' ? scope.country : scope.organisationId,
      filter.status,
    ];
    const where = `${column} = $1 AND ($2::text IS NULL OR r.status = $2)`;
    const [{ n }] = (await manager.query(
      `SELECT count(*)::int AS n FROM referral r WHERE ${where}`,
      params,
    )) as {
      n: number;
    }[];
    const page = filter.before
      ? {
          clause: ' AND (r.created_at, r.id) < ($3, $4)',
          params: [filter.before.createdAt, filter.before.id],
        }
      : { clause: '', params: [] };
    const values = [...params, ...page.params, filter.limit + 1];
    const rows = (await manager.query(
      `${SELECT} WHERE ${where}${page.clause} ORDER BY r.created_at DESC, r.id DESC LIMIT $${values.length}`,
      values,
    )) as ReferralRow[];
    return { rows, totalCount: n };
  }

  /** Open referrals past their due time that nobody was told about yet, locked for this escalation run. */
  async overdueUnescalated(manager: EntityManager, now: Date, limit: number): Promise<ReferralRow[]> {
    return (await manager.query(
      `${SELECT} WHERE r.escalated_at IS NULL AND r.due_at IS NOT NULL AND r.due_at < $1
         AND r.status IN ('PENDING', 'ACCEPTED', 'IN_PROGRESS')
       ORDER BY r.due_at LIMIT $2 FOR UPDATE OF r SKIP LOCKED`,
      [now, limit],
    )) as ReferralRow[];
  }

  async markEscalated(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(`UPDATE referral SET escalated_at = $2 WHERE id = $1`, [id, at]);
  }
}
