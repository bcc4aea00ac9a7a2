import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { ManualClock, parseInput } from '@passage/shared';
import { CaseService } from '../src/case-work/case/case.service.js';
import {
  CaseFilter,
  OpenCaseInput,
  RegisterMassIntakeInput,
} from '../src/case-work/case/dtos/case.inputs.js';
import { CaseOverdueSweep } from '../src/case-work/due-times/case-overdue.sweep.js';
import { IdentificationService } from '../src/case-work/identification/identification.service.js';
import { RecordScreeningInput } from '../src/case-work/screening/dtos/screening.inputs.js';
import { ScreeningService } from '../src/case-work/screening/screening.service.js';
import { CaseWorkModule } from '../src/case-work/index.js';
import { actor, count } from './case-work-fixture.js';
import { openReferralsContexts } from './referrals-testing-module.js';

// Cambodia (Asia/Phnom_Penh, UTC+7; no public holidays in date-holidays, so the configured one is the only
// one). Monday 2 March 2026 15:00 in Phnom Penh.
const OPENING = '2026-03-02T08:00:00.000Z';

const person = (alias: string) => ({ alias, gender: 'MALE', ageBand: '25_34', languages: ['lg', 'en'] });

describe('case due times and the overdue sweep (real Postgres)', () => {
  const clock = new ManualClock(new Date(OPENING));
  const ngo = actor('NGO', 'KH', ['CASEWORKER']);
  const focal = actor('NRM_COORDINATOR', 'KH', ['FOCAL_POINT']);
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let cases: CaseService;
  let screenings: ScreeningService;
  let identification: IdentificationService;
  let sweep: CaseOverdueSweep;

  beforeAll(async () => {
    const opened = await openReferralsContexts({
      contexts: [CaseWorkModule],
      clock,
      config: {
        // Cambodia screens within one working day here; the decision keeps the node's default of five.
        CASE_DUE_WORKING_DAYS: { KH: { screening: 1 } },
        WORKING_CALENDARS: { KH: { holidays: ['2026-03-03'] } },
      },
    });
    ({ dataSource, close } = opened);
    cases = opened.app.get(CaseService);
    screenings = opened.app.get(ScreeningService);
    identification = opened.app.get(IdentificationService);
    sweep = opened.app.get(CaseOverdueSweep);
  });

  afterAll(async () => {
    await close?.();
  });

  /** Runs `check` at `iso`, then puts the clock back at the opening. */
  async function at<T>(iso: string, check: () => Promise<T>): Promise<T> {
    clock.set(new Date(iso));
    try {
      return await check();
    } finally {
      clock.set(new Date(OPENING));
    }
  }

  const open = (people = [person('Fictional A')], origin = 'WALK_IN', rescueRequestId?: string) =>
    cases.openCase(ngo, parseInput(OpenCaseInput.schema, { origin, rescueRequestId, people }));

  const screen = (caseId: string, personId: string) =>
    screenings.recordScreening(
      ngo,
      parseInput(RecordScreeningInput.schema, {
        caseId,
        personId,
        confirmedOutcome: 'PRESUMED_VICTIM',
        reasons: 'Fictional reasons',
        observations: [{ code: 'UNODC-FC-ACT-01', observed: 'YES' }],
      }),
    );

  const decide = (caseId: string, personId: string, status: 'PENDING' | 'REASONABLE_GROUNDS') =>
    identification.recordDecision(focal, {
      caseId,
      personId,
      status,
      jurisdictionCountry: null,
      authorityOrganisationId: null,
      legalBasis: 'Fictional anti-trafficking law, article 1',
      decidedAt: clock.now(),
      recognisedBy: [],
    });

  const overdueEvents = (caseId: string, step: 'screening' | 'identification') =>
    count(
      dataSource,
      'outbox_message',
      `message_type = 'case.${step}-overdue@v1' AND message_key = '${caseId}'`,
    );

  const listed = async (overdue: boolean) =>
    (await cases.listCases(ngo, parseInput(CaseFilter.schema, { overdue }), { first: 100 })).edges.map(
      (edge) => edge.node.id,
    );

  it("sets both due times at opening, on the jurisdiction's calendar and its own setting", async () => {
    const opened = await open();
    expect(opened).toMatchObject({
      firstContactAt: new Date(OPENING),
      // One working day: Tuesday 3 March is a holiday, so Wednesday 15:00 in Phnom Penh.
      screeningDueAt: new Date('2026-03-04T08:00:00Z'),
      // Five working days: Wednesday 4, Thursday 5, Friday 6, Monday 9 and Tuesday 10 March.
      identificationDueAt: new Date('2026-03-10T08:00:00Z'),
      screeningMetAt: null,
      identificationMetAt: null,
      screeningOverdue: false,
      identificationOverdue: false,
    });
    expect(await count(dataSource, 'case_due_time', `case_id = '${opened.id}'`)).toBe(2);
  });

  it('counts from the rescue for a case opened from a resolved rescue request', async () => {
    const requestId = randomUUID();
    // Resolved (released) on Friday 27 February at 09:00 in Phnom Penh, the case opened on Monday.
    await dataSource.query(
      `INSERT INTO rescue_request (id, request_id, copy, reference, requester_org_id, requester_org_name,
         requester_country, reporter_kind, on_behalf_of, jurisdiction_country, status, resolution_outcome,
         submitted_at, status_changed_at)
       VALUES ($1, $2, 'JURISDICTION', 'RR-UG-2026-00001', $3, 'NGO (test)', 'KH', 'NGO', 'PERSON', 'KH',
         'RESOLVED', 'RELEASED', '2026-02-20T02:00:00Z', '2026-02-27T02:00:00Z')`,
      [randomUUID(), requestId, randomUUID()],
    );
    const opened = await open([person('Fictional R')], 'RESCUE', requestId);
    expect(opened).toMatchObject({
      firstContactAt: new Date('2026-02-27T02:00:00Z'),
      // The rest of Friday and Monday until 09:00: already overdue when the case opens at 15:00.
      screeningDueAt: new Date('2026-03-02T02:00:00Z'),
      identificationDueAt: new Date('2026-03-09T02:00:00Z'),
      screeningOverdue: true,
      identificationOverdue: false,
    });
  });

  it('flags an overdue screening and announces it once; a screening then meets it', async () => {
    const opened = await open();
    const personId = opened.people[0].id;
    await at('2026-03-04T08:30:00Z', async () => {
      expect(await sweep.escalateOverdue()).toBeGreaterThanOrEqual(1);
      expect(await sweep.escalateOverdue()).toBe(0);
      expect(await overdueEvents(opened.id, 'screening')).toBe(1);
      expect(await overdueEvents(opened.id, 'identification')).toBe(0);
      const [event] = (await dataSource.query(
        `SELECT convert_from(value, 'UTF8') AS body FROM outbox_message
          WHERE message_type = 'case.screening-overdue@v1' AND message_key = $1`,
        [opened.id],
      )) as { body: string }[];
      expect(JSON.parse(event.body)).toMatchObject({
        payload: {
          caseId: opened.id,
          ownerOrganisationId: ngo.organisationId,
          jurisdictionCountry: 'KH',
          countedFrom: OPENING,
          dueAt: '2026-03-04T08:00:00.000Z',
        },
      });
      expect((await cases.getCase(ngo, opened.id)).screeningOverdue).toBe(true);
      expect(await listed(true)).toContain(opened.id);
      expect(await listed(false)).not.toContain(opened.id);

      const screened = await screen(opened.id, personId);
      expect(screened).toMatchObject({
        screeningMetAt: new Date('2026-03-04T08:30:00Z'),
        screeningOverdue: false,
        identificationOverdue: false,
      });
      expect(await listed(true)).not.toContain(opened.id);
      expect(await sweep.escalateOverdue()).toBe(0);
      expect(await overdueEvents(opened.id, 'screening')).toBe(1);
    });
  });

  it('needs everyone in the case screened, and a decision beyond PENDING in the jurisdiction', async () => {
    const opened = await open([person('Fictional B'), person('Fictional C')]);
    const [first, second] = opened.people.map((one) => one.id);
    expect((await screen(opened.id, first)).screeningMetAt).toBeNull();
    expect((await screen(opened.id, second)).screeningMetAt).toEqual(new Date(OPENING));
    // A second screening of someone already screened keeps the time the step was met.
    await at('2026-03-02T09:00:00Z', async () => {
      expect((await screen(opened.id, first)).screeningMetAt).toEqual(new Date(OPENING));
    });

    expect((await decide(opened.id, first, 'REASONABLE_GROUNDS')).identificationMetAt).toBeNull();
    expect((await decide(opened.id, second, 'PENDING')).identificationMetAt).toBeNull();
    await at('2026-03-05T03:00:00Z', async () => {
      expect(await decide(opened.id, second, 'REASONABLE_GROUNDS')).toMatchObject({
        identificationMetAt: new Date('2026-03-05T03:00:00Z'),
        identificationOverdue: false,
      });
    });
  });

  it('announces an overdue identification decision once, and nothing for a closed case', async () => {
    const waiting = await open();
    const closed = await open();
    await screen(waiting.id, waiting.people[0].id);
    await decide(waiting.id, waiting.people[0].id, 'PENDING');
    await dataSource.query(
      `UPDATE case_file SET status = 'CLOSED', closed_at = $2, outcome = 'LOST_CONTACT' WHERE id = $1`,
      [closed.id, OPENING],
    );
    await at('2026-03-10T08:00:01Z', async () => {
      await sweep.escalateOverdue();
      expect(await sweep.escalateOverdue()).toBe(0);
      expect(await overdueEvents(waiting.id, 'identification')).toBe(1);
      expect(await overdueEvents(waiting.id, 'screening')).toBe(0);
      expect(await overdueEvents(closed.id, 'screening')).toBe(0);
      expect(await overdueEvents(closed.id, 'identification')).toBe(0);
      expect(await cases.getCase(ngo, waiting.id)).toMatchObject({
        screeningOverdue: false,
        identificationOverdue: true,
      });
      expect(await cases.getCase(ngo, closed.id)).toMatchObject({
        screeningOverdue: false,
        identificationOverdue: false,
      });
      expect(await listed(true)).toContain(waiting.id);
      expect(await listed(true)).not.toContain(closed.id);
    });
  });

  it('sets the due times of every case of a mass intake', async () => {
    const intake = await cases.registerMassIntake(
      focal,
      parseInput(RegisterMassIntakeInput.schema, {
        people: Array.from({ length: 300 }, (_, index) => person(`Fictional ${index}`)),
      }),
    );
    const rows = (await dataSource.query(
      `SELECT step, counted_from, due_at, count(*)::int AS n FROM case_due_time
        WHERE case_id IN (SELECT id FROM case_file WHERE mass_intake_id = $1)
        GROUP BY step, counted_from, due_at ORDER BY step`,
      [intake.massIntakeId],
    )) as { step: string; counted_from: Date; due_at: Date; n: number }[];
    expect(rows).toEqual([
      {
        step: 'IDENTIFICATION',
        counted_from: new Date(OPENING),
        due_at: new Date('2026-03-10T08:00:00Z'),
        n: 300,
      },
      {
        step: 'SCREENING',
        counted_from: new Date(OPENING),
        due_at: new Date('2026-03-04T08:00:00Z'),
        n: 300,
      },
    ]);
  });
});
