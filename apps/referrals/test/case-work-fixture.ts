import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { OrganisationKind, Role } from '@passage/schemas';
import {
  AttestationHasher,
  AuditTrail,
  ExchangeSender,
  ManualClock,
  Outbox,
  VerificationRateLimiter,
  type AuthenticatedActor,
} from '@passage/shared';
import { createTestDatabase } from '@passage/shared/testing';
import { REFERRALS_MIGRATIONS } from '../src/database/migrations/index.js';
import { CASE_WORK_ENTITIES } from '../src/case-work/case/case-work-entities.js';
import { ReferralsAccess } from '../src/platform/access/referrals-access.js';
import { AttestationService } from '../src/case-work/attestation/attestation.service.js';
import { CaseAudit } from '../src/platform/audit/case-audit.js';
import { UnitOfWork } from '../src/platform/unit-of-work/unit-of-work.js';
import { CaseRecords } from '../src/case-work/case/case-records.js';
import { CaseViewReader } from '../src/case-work/case/case-view.reader.js';
import { CaseService } from '../src/case-work/case/case.service.js';
import { ConsentWithdrawalHooks } from '../src/case-work/consent/consent-withdrawal-hooks.js';
import { ConsentService } from '../src/case-work/consent/consent.service.js';
import { IdentificationService } from '../src/case-work/identification/identification.service.js';
import { InterviewService } from '../src/case-work/interview/interview.service.js';
import { ScreeningService } from '../src/case-work/screening/screening.service.js';

/**
 * A fresh referrals test database migrated with the real migrations, opened with the case-work entities
 * (the shared helper opens one without entities, which TypeORM's entity manager needs).
 */
export async function openCaseWorkDatabase(): Promise<{ dataSource: DataSource; close(): Promise<void> }> {
  const database = await createTestDatabase('referrals', REFERRALS_MIGRATIONS);
  const dataSource = await new DataSource({
    type: 'postgres',
    url: database.url,
    entities: CASE_WORK_ENTITIES,
  }).initialize();
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}

/** The case-work services wired by hand over a test database, with a clock the test moves. */
export function caseWorkServices(dataSource: DataSource, clock: ManualClock) {
  const access = new ReferralsAccess(clock);
  const records = new CaseRecords(access);
  const audit = new CaseAudit(new AuditTrail());
  const views = new CaseViewReader(records, access, audit);
  const producer = { service: 'referrals', node: 'local' };
  const outbox = new Outbox(producer);
  // Case work sends nothing across borders; a message it tried to send would fail the test.
  const noExchange = {
    send: () => Promise.reject(new Error('case work sends no exchange message')),
  } as unknown as ExchangeSender;
  const work = new UnitOfWork(dataSource, outbox, noExchange, audit, clock);
  const hasher = new AttestationHasher([{ id: 'test', secret: new Uint8Array(randomBytes(32)) }]);
  const limiter = new VerificationRateLimiter(
    { perActor: { limit: 5, windowSeconds: 60 }, perCode: { limit: 50, windowSeconds: 3600 } },
    () => clock.now().getTime(),
  );
  return {
    cases: new CaseService(work, dataSource, access, audit, views),
    consents: new ConsentService(work, records, views, new ConsentWithdrawalHooks()),
    interviews: new InterviewService(work, records, access, views, clock),
    screenings: new ScreeningService(work, records, views),
    identification: new IdentificationService(work, records, access, views, clock),
    attestations: new AttestationService(
      work,
      dataSource,
      records,
      access,
      audit,
      clock,
      hasher,
      limiter,
      90,
    ),
  };
}

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
