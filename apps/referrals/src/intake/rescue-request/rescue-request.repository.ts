import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RescueRequestSubmittedMessage, RescueOutcome, RescueRequestStatus } from '@passage/schemas';
import type {
  RescueLocationRow,
  RescuePersonRow,
  RescueRequestCopy,
  RescueRequestRow,
  RescueStatusChangeRow,
} from './rescue-request.rows.js';

/** The rescue-request tables, with the queries the use cases need and nothing else. */
export class RescueRequestRepository {
  /** Stores one copy of a request with its people, first location and first status. */
  async insertCopy(
    manager: EntityManager,
    copy: RescueRequestCopy,
    request: RescueRequestSubmittedMessage,
    options: { compoundId: string | null; dueAt: Date; changedByUserId: string | null },
  ): Promise<string> {
    const id = randomUUID();
    await manager.query(
      `INSERT INTO rescue_request (id, request_id, copy, reference, requester_org_id, requester_org_name, requester_country,
         reporter_kind, on_behalf_of, reported_via, jurisdiction_country, compound_id, status, others_count, others_names,
         risks, safe_contact, submitted_at, status_changed_at, due_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'SUBMITTED', $13, $14, $15, $16, $17, $17, $18)`,
      [
        id,
        request.requestId,
        copy,
        request.reference,
        request.requester.organisationId,
        request.requester.organisationName,
        request.requester.country,
        request.requester.kind,
        request.onBehalfOf,
        request.reportedVia,
        request.location.country,
        options.compoundId,
        request.othersCount,
        JSON.stringify(request.othersNames),
        request.risks,
        request.safeContact ? JSON.stringify(request.safeContact) : null,
        request.submittedAt,
        options.dueAt,
      ],
    );
    if (request.people.length > 0) {
      const values: unknown[] = [];
      const rows = request.people.map((person, index) => {
        values.push(
          randomUUID(),
          id,
          index,
          person.nameOrAlias,
          person.nationality,
          person.gender,
          person.ageBand,
          person.minor,
          person.pregnant,
          person.languages,
          person.urgentMedicalNeed,
        );
        const base = index * 11;
        return `(${Array.from({ length: 11 }, (_, column) => `$${base + column + 1}`).join(', ')})`;
      });
      await manager.query(
        `INSERT INTO rescue_request_person (id, rescue_request_id, position, name_or_alias, nationality, gender, age_band, minor,
           pregnant, languages, urgent_medical_need) VALUES ${rows.join(', ')}`,
        values,
      );
    }
    const location = request.location;
    await manager.query(
      `INSERT INTO rescue_request_location (id, rescue_request_id, compound_name, landmarks, district, province, country,
         latitude, longitude, inside_sez, reported_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        randomUUID(),
        id,
        location.compoundName,
        location.landmarks,
        location.district,
        location.province,
        location.country,
        location.latitude,
        location.longitude,
        location.insideSpecialEconomicZone,
        location.reportedAt,
      ],
    );
    await this.insertStatusChange(manager, id, {
      from: null,
      to: 'SUBMITTED',
      outcome: null,
      reason: null,
      userId: options.changedByUserId,
      organisationName: request.requester.organisationName,
      at: new Date(request.submittedAt),
    });
    return id;
  }

  async insertStatusChange(
    manager: EntityManager,
    rowId: string,
    change: {
      from: RescueRequestStatus | null;
      to: RescueRequestStatus;
      outcome: RescueOutcome | null;
      reason: string | null;
      userId: string | null;
      organisationName: string;
      at: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO rescue_request_status_change (id, rescue_request_id, from_status, to_status, outcome, reason,
         changed_by_user_id, changed_by_org_name, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        randomUUID(),
        rowId,
        change.from,
        change.to,
        change.outcome,
        change.reason,
        change.userId,
        change.organisationName,
        change.at,
      ],
    );
  }

  async updateStatus(
    manager: EntityManager,
    rowId: string,
    update: {
      status: RescueRequestStatus;
      outcome: RescueOutcome | null;
      at: Date;
      dueAt: Date | null;
      escalated: boolean;
    },
  ): Promise<void> {
    await manager.query(
      `UPDATE rescue_request
          SET status = $2, resolution_outcome = $3, status_changed_at = $4, due_at = $5,
              escalated_at = CASE WHEN $6 THEN coalesce(escalated_at, $4) ELSE NULL END
        WHERE id = $1`,
      [rowId, update.status, update.outcome, update.at, update.dueAt, update.escalated],
    );
  }

  /** The copy of a request, locked for update when `lock` is set. */
  async findCopy(
    manager: EntityManager,
    requestId: string,
    copy: RescueRequestCopy,
    lock = false,
  ): Promise<RescueRequestRow | undefined> {
    const rows = (await manager.query(
      `SELECT * FROM rescue_request WHERE request_id = $1 AND copy = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [requestId, copy],
    )) as RescueRequestRow[];
    return rows[0];
  }

  /** Copies an actor might see, newest first: its own organisation's requests, and those of its countries. */
  async listCandidates(
    manager: EntityManager,
    scope: { organisationId: string; jurisdictionCountry: string | null },
    page: { limit: number; before?: { submittedAt: Date; id: string } },
  ): Promise<RescueRequestRow[]> {
    return (await manager.query(
      `SELECT * FROM rescue_request
        WHERE ((copy = 'REQUESTER' AND requester_org_id = $1) OR (copy = 'JURISDICTION' AND jurisdiction_country = $2))
          AND ($3::timestamptz IS NULL OR (submitted_at, id) < ($3, $4))
        ORDER BY submitted_at DESC, id DESC
        LIMIT $5`,
      [
        scope.organisationId,
        scope.jurisdictionCountry,
        page.before?.submittedAt ?? null,
        page.before?.id ?? null,
        page.limit,
      ],
    )) as RescueRequestRow[];
  }

  async people(manager: EntityManager, rowId: string): Promise<RescuePersonRow[]> {
    return (await manager.query(
      `SELECT * FROM rescue_request_person WHERE rescue_request_id = $1 ORDER BY position`,
      [rowId],
    )) as RescuePersonRow[];
  }

  async locations(manager: EntityManager, rowId: string): Promise<RescueLocationRow[]> {
    return (await manager.query(
      `SELECT * FROM rescue_request_location WHERE rescue_request_id = $1 ORDER BY reported_at`,
      [rowId],
    )) as RescueLocationRow[];
  }

  async statusHistory(manager: EntityManager, rowId: string): Promise<RescueStatusChangeRow[]> {
    return (await manager.query(
      `SELECT * FROM rescue_request_status_change WHERE rescue_request_id = $1 ORDER BY changed_at, id`,
      [rowId],
    )) as RescueStatusChangeRow[];
  }

  /** Gives a named person access to the live data of one copy until `until` (extending an earlier grant). */
  async grantAccess(
    manager: EntityManager,
    rowId: string,
    grant: { userId: string; grantedBy: string; at: Date; until: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO rescue_request_access_grant (rescue_request_id, user_id, granted_by_user_id, granted_at, valid_until)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (rescue_request_id, user_id) DO UPDATE SET valid_until = greatest(rescue_request_access_grant.valid_until, EXCLUDED.valid_until)`,
      [rowId, grant.userId, grant.grantedBy, grant.at, grant.until],
    );
  }

  /** Named people's access to the live data of the given copies. */
  async accessGrants(
    manager: EntityManager,
    rowIds: readonly string[],
  ): Promise<{ rescue_request_id: string; user_id: string; valid_until: Date }[]> {
    if (rowIds.length === 0) return [];
    return (await manager.query(
      `SELECT rescue_request_id, user_id, valid_until FROM rescue_request_access_grant WHERE rescue_request_id = ANY($1::uuid[])`,
      [rowIds],
    )) as { rescue_request_id: string; user_id: string; valid_until: Date }[];
  }

  /** Jurisdiction copies past their due time that nobody has been told about yet. */
  async overdueUnescalated(manager: EntityManager, now: Date, limit: number): Promise<RescueRequestRow[]> {
    return (await manager.query(
      `SELECT * FROM rescue_request
        WHERE copy = 'JURISDICTION' AND escalated_at IS NULL AND status NOT IN ('RESOLVED', 'CLOSED') AND due_at < $1
        ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    )) as RescueRequestRow[];
  }

  /** Next number of this country's references this year. */
  async nextReference(manager: EntityManager, country: string, year: number): Promise<string> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
      `rescue-reference:${country}:${year}`,
    ]);
    const [{ n }] = (await manager.query(
      `SELECT count(*)::int + 1 AS n FROM rescue_request WHERE copy = 'REQUESTER' AND requester_country = $1 AND reference LIKE $2`,
      [country, `RR-${country}-${year}-%`],
    )) as { n: number }[];
    return `RR-${country}-${year}-${String(n).padStart(5, '0')}`;
  }
}
