import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { OrganisationKind, Role } from '@passage/schemas';
import type { AuthenticatedActor, ManualClock } from '@passage/shared';
import { AttestationService } from '../src/case-work/attestation/attestation.service.js';
import { CaseWorkModule } from '../src/case-work/index.js';
import { CaseService } from '../src/case-work/case/case.service.js';
import { ConsentService } from '../src/case-work/consent/consent.service.js';
import { IdentificationService } from '../src/case-work/identification/identification.service.js';
import { InterviewService } from '../src/case-work/interview/interview.service.js';
import { ScreeningService } from '../src/case-work/screening/screening.service.js';
import { openReferralsContexts } from './referrals-testing-module.js';

/** The case-work context as the service wires it, on a fresh migrated database, with the test's clock. */
export async function openCaseWork(clock: ManualClock) {
  const opened = await openReferralsContexts({ contexts: [CaseWorkModule], clock });
  const { app } = opened;
  return {
    ...opened,
    services: {
      cases: app.get(CaseService),
      consents: app.get(ConsentService),
      interviews: app.get(InterviewService),
      screenings: app.get(ScreeningService),
      identification: app.get(IdentificationService),
      attestations: app.get(AttestationService),
    },
  };
}

export type CaseWorkServices = Awaited<ReturnType<typeof openCaseWork>>['services'];

/** An actor as the access token would describe them. */
export function actor(
  kind: OrganisationKind,
  country: string,
  roles: Role[],
  options: { stationedIn?: string; organisationId?: string } = {},
): AuthenticatedActor {
  return {
    userId: randomUUID(),
    sessionId: randomUUID(),
    organisationId: options.organisationId ?? randomUUID(),
    organisationName: `${kind} ${country}`,
    organisationKind: kind,
    country,
    stationedIn: options.stationedIn ?? null,
    nodeId: 'local',
    roles,
    mfaEnrolmentPending: false,
  };
}

/** One copy of a rescue request in the real table, with just what opening a case looks at set. */
export async function insertRescueRequestCopy(
  dataSource: DataSource,
  copy: {
    requestId: string;
    jurisdiction: string;
    status: string;
    side: 'JURISDICTION' | 'REQUESTER';
    outcome: string | null;
  },
): Promise<void> {
  await dataSource.query(
    `INSERT INTO rescue_request (id, request_id, copy, reference, requester_org_id, requester_org_name, requester_country,
       reporter_kind, on_behalf_of, jurisdiction_country, status, resolution_outcome, submitted_at, status_changed_at)
     VALUES ($1, $2, $3, 'RR-ID-2026-00001', $4, 'Embassy (test)', 'ID', 'EMBASSY', 'RELATIVE', $5, $6, $7, now(), now())`,
    [randomUUID(), copy.requestId, copy.side, randomUUID(), copy.jurisdiction, copy.status, copy.outcome],
  );
}

export async function count(dataSource: DataSource, table: string, where = 'true'): Promise<number> {
  const [row] = (await dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`)) as {
    n: number;
  }[];
  return row.n;
}

/** Puts an actor's organisation in the organisation directory, as identity (or another node) would. */
export async function listInDirectory(dataSource: DataSource, member: AuthenticatedActor): Promise<void> {
  await dataSource.query(
    `INSERT INTO organisation_directory (organisation_id, name, kind, country, stationed_in, active, hosted_here, listed_at)
     VALUES ($1, $2, $3, $4, $5, true, true, now()) ON CONFLICT (organisation_id) DO NOTHING`,
    [
      member.organisationId,
      member.organisationName,
      member.organisationKind,
      member.country,
      member.stationedIn,
    ],
  );
}
