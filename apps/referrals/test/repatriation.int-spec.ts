import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  CountryKeyRing,
  ExchangeSender,
  ManualClock,
  Outbox,
  openEnvelope,
  TrustDirectory,
  buildTrustDirectoryDocument,
  generateCountryKeys,
  parseInput,
  type AuthenticatedActor,
  type ExchangeHeader,
} from '@passage/shared';
import { exchangeMailboxTopic } from '@passage/schemas';
import type { TestingModule } from '@nestjs/testing';
import { AttestationService } from '../src/case-work/attestation/attestation.service.js';
import { CaseWorkModule } from '../src/case-work/index.js';
import { CaseService } from '../src/case-work/case/case.service.js';
import { OpenCaseInput } from '../src/case-work/case/dtos/case.inputs.js';
import { ConsentService } from '../src/case-work/consent/consent.service.js';
import { CrossBorderModule } from '../src/cross-border/index.js';
import { ExitClearanceService } from '../src/repatriation/exit-clearance/exit-clearance.service.js';
import { RecordIdentificationDecisionInput } from '../src/case-work/identification/dtos/identification.inputs.js';
import { IdentificationService } from '../src/case-work/identification/identification.service.js';
import {
  ConfirmArrivalInput,
  CreateRepatriationPlanInput,
  RecordRiskAssessmentInput,
  UpdateRepatriationStepInput,
} from '../src/repatriation/dtos/repatriation.inputs.js';
import { RepatriationModule } from '../src/repatriation/index.js';
import { RemoteStepWork } from '../src/repatriation/remote-step-work.js';
import { RepatriationAssignments } from '../src/repatriation/repatriation-assignments.js';
import { RepatriationPlanService } from '../src/repatriation/repatriation-plan.service.js';
import { ReturnRiskAssessmentService } from '../src/repatriation/return-risk-assessment.service.js';
import { StageDurationsService } from '../src/repatriation/stage-durations.service.js';
import { actor, count, listInDirectory } from './case-work-fixture.js';
import { openReferralsContexts, type ReferralsTestingModule } from './referrals-testing-module.js';

const DAY = 24 * 3600_000;

/** This node hosts Cambodia only: a step owned by an Indonesian organisation is worked on another node. */
const countryKeys = Object.fromEntries(
  ['KH', 'ID'].map((country) => [
    country,
    generateCountryKeys(country, { validFrom: new Date(Date.now() - DAY) }),
  ]),
);
const trustDirectory = TrustDirectory.fromObject(
  buildTrustDirectoryDocument({ KH: countryKeys.KH.published, ID: countryKeys.ID.published }, new Date()),
);

const survivor = {
  name: 'Test Person Repat',
  nationality: 'ID',
  gender: 'FEMALE',
  ageBand: '25_34',
  languages: ['id'],
  documentType: 'PASSPORT',
  documentNumber: 'R7654321',
  narrative: 'Fictional account used only in tests.',
};

const LOW_FACTORS = [
  'RE_TRAFFICKING',
  'REPRISALS',
  'DEBT_OR_RANSOM',
  'PROSECUTION_OR_PERSECUTION',
  'STIGMA',
  'FAMILY_SITUATION',
].map((factor) => ({ factor, level: 'LOW', notes: `Fictional note on ${factor}` }));

describe('repatriation (real Postgres)', () => {
  let dataSource: DataSource;
  const clock = new ManualClock(new Date('2026-03-02T08:00:00Z'));
  const ngo = actor('NGO', 'KH', ['CASEWORKER']);
  const focal = actor('NRM_COORDINATOR', 'KH', ['FOCAL_POINT']);
  const embassy = actor('EMBASSY', 'ID', ['CONSULAR_OFFICER'], { stationedIn: 'KH' });
  const immigration = actor('IMMIGRATION', 'KH', ['VERIFIER']);
  const otherImmigration = actor('IMMIGRATION', 'KH', ['VERIFIER']);
  const originNgo = actor('NGO', 'ID', ['CASEWORKER']);
  const operator = actor('PLATFORM_OPERATOR', 'KH', ['PLATFORM_ADMIN']);
  const shelter = actor('SHELTER', 'KH', ['CASEWORKER']);
  /**
   * One node for Cambodia and Indonesia (as `npm start` runs), and a node for Cambodia alone whose
   * plans' Indonesian steps are worked on a node for Indonesia alone. Each node is the real contexts in
   * its own module with its own sender; all three share one database.
   */
  let s: ReturnType<typeof services>;
  let r: ReturnType<typeof services>;
  let nodes: ReferralsTestingModule[] = [];

  /** A node's sender: it signs for the countries it hosts and queues in the outbox table. */
  const senderFor = (nodeId: string, countries: ('KH' | 'ID')[]) =>
    new ExchangeSender({
      nodeId,
      namespace: 'repatriation-int',
      hostedCountries: countries,
      keyRing: CountryKeyRing.fromKeyFiles(countries.map((country) => countryKeys[country].keyFile)),
      trustDirectory,
      outbox: new Outbox({ service: 'referrals', node: nodeId }),
    });

  const openNode = (
    nodeId: string,
    countries: ('KH' | 'ID')[],
    database?: { url: string },
  ): Promise<ReferralsTestingModule> =>
    openReferralsContexts({
      contexts: [CaseWorkModule, CrossBorderModule, RepatriationModule],
      clock,
      exchange: senderFor(nodeId, countries),
      trustDirectory,
      config: { NODE_ID: nodeId, HOSTED_COUNTRIES: countries },
      database,
    });

  function services(app: TestingModule, assignmentsApp = app) {
    return {
      remoteWork: app.get(RemoteStepWork),
      // On the node that hosts the step owner's country; one database plays every node here.
      assignments: assignmentsApp.get(RepatriationAssignments),
      cases: app.get(CaseService),
      consents: app.get(ConsentService),
      identification: app.get(IdentificationService),
      attestations: app.get(AttestationService),
      exitClearance: app.get(ExitClearanceService),
      plans: app.get(RepatriationPlanService),
      assessments: app.get(ReturnRiskAssessmentService),
      durations: app.get(StageDurationsService),
    };
  }

  beforeAll(async () => {
    const both = await openNode('a', ['KH', 'ID']);
    nodes = [both];
    const database = { url: both.databaseUrl };
    const cambodia = await openNode('a', ['KH'], database);
    nodes.unshift(cambodia);
    const indonesia = await openNode('b', ['ID'], database);
    nodes.unshift(indonesia);
    dataSource = both.dataSource;
    s = services(both.app);
    r = services(cambodia.app, indonesia.app);
    for (const organisation of [
      ngo,
      focal,
      embassy,
      immigration,
      otherImmigration,
      originNgo,
      operator,
      shelter,
    ]) {
      await listInDirectory(dataSource, organisation);
    }
  });

  afterAll(async () => {
    // The node that created the database closes last and drops it.
    for (const node of nodes) await node.close();
  });

  async function openCase(
    person: Record<string, unknown> = survivor,
    purposes = ['RETURN', 'ANONYMISED_STATISTICS'],
  ) {
    const opened = await s.cases.openCase(
      ngo,
      parseInput(OpenCaseInput.schema, { origin: 'WALK_IN', people: [person] }),
    );
    const personId = opened.people[0].id;
    if (purposes.length > 0) {
      await s.consents.recordConsent(ngo, {
        caseId: opened.id,
        personId,
        purposes,
        language: 'id',
        interpreterUsed: false,
        interpreterLanguage: null,
      } as never);
    }
    return { caseId: opened.id, personId };
  }

  const stepsInput = () =>
    [
      ['TRAVEL_DOCUMENT', embassy],
      ['EXIT_CLEARANCE', immigration],
      ['FUNDING', ngo],
      ['TRAVEL_BOOKED', ngo],
      ['ESCORT', ngo],
      ['RECEPTION', originNgo],
    ].map(([kind, owner]) => ({
      kind,
      ownerOrganisationId: (owner as AuthenticatedActor).organisationId,
      dueOn: '2026-06-30',
    }));

  const createPlan = (ids: { caseId: string; personId: string }, who = ngo) =>
    s.plans.create(who, parseInput(CreateRepatriationPlanInput.schema, { ...ids, steps: stepsInput() }));

  const assess = (ids: { caseId: string; personId: string }, extra: Record<string, unknown> = {}) =>
    s.assessments.record(
      ngo,
      parseInput(RecordRiskAssessmentInput.schema, {
        ...ids,
        factors: LOW_FACTORS,
        conclusion: 'SAFE_TO_RETURN',
        assessedAt: clock.now(),
        ...extra,
      }),
    );

  /** Moves the clock to just after the start of the next calendar quarter (UTC). */
  const advanceToNextQuarter = () => {
    const now = clock.now();
    const next = Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3 + 3, 1, 1);
    clock.advance(next - now.getTime());
  };

  const move = (who: AuthenticatedActor, planId: string, step: string, status: string, extra = {}) =>
    s.plans.updateStep(
      who,
      parseInput(UpdateRepatriationStepInput.schema, { planId, step, status, ...extra }),
    );

  it('refuses a plan, and writes nothing, without the survivor’s RETURN consent', async () => {
    const ids = await openCase(survivor, ['SERVICES_REFERRAL']);
    await expect(createPlan(ids)).rejects.toMatchObject({ code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' });
    await expect(assess(ids)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await count(dataSource, 'repatriation_plan', `case_id = '${ids.caseId}'`)).toBe(0);
    expect(await count(dataSource, 'return_risk_assessment', `case_id = '${ids.caseId}'`)).toBe(0);
  });

  it('refuses approval without a risk assessment, after a NOT_SAFE one, and by anyone but the coordinator', async () => {
    const ids = await openCase();
    const plan = await createPlan(ids);
    expect(plan.status).toBe('PREPARING');
    expect(plan.steps.map((step) => [step.kind, step.status])).toEqual(
      stepsInput().map((step) => [step.kind, 'PENDING']),
    );
    await expect(s.plans.approve(focal, plan.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'RISK_ASSESSMENT_MISSING' },
    });
    await assess(ids, {
      factors: LOW_FACTORS.map((entry) =>
        entry.factor === 'REPRISALS' ? { ...entry, level: 'HIGH' } : entry,
      ),
      conclusion: 'NOT_SAFE_TO_RETURN',
    });
    await expect(s.plans.approve(focal, plan.id)).rejects.toMatchObject({
      details: { reason: 'NOT_SAFE_TO_RETURN' },
    });
    await assess(ids, { conclusion: 'RETURN_WITH_SAFEGUARDS' });
    await expect(s.plans.approve(ngo, plan.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const approved = await s.plans.approve(focal, plan.id);
    expect(approved.status).toBe('APPROVED');
    expect(approved.riskAssessmentId).not.toBeNull();
    // A second open plan for the same person is refused.
    await expect(createPlan(ids)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('holds a child to a best-interest assessment and a guardian, judged by the age band at approval', async () => {
    const child = await openCase({ ...survivor, ageBand: 'UNKNOWN' });
    await expect(assess(child)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'bestInterestAssessment' },
    });
    const recorded = await assess(child, {
      bestInterestAssessment: {
        summary: 'Fictional best-interest summary',
        assessedAt: clock.now(),
        returnInBestInterest: true,
      },
      guardian: { name: 'Fictional Guardian' },
    });
    expect(recorded).toMatchObject({ childTrack: true, guardianName: 'Fictional Guardian' });

    // Assessed as an adult, then found to be 16: the adult assessment does not carry the child's return.
    const ids = await openCase();
    await assess(ids);
    const plan = await createPlan(ids);
    await dataSource.query(`UPDATE case_person SET age_band = '14_17' WHERE id = $1`, [ids.personId]);
    await expect(s.plans.approve(focal, plan.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'CHILD_SAFEGUARDS_MISSING' },
    });
    expect(await count(dataSource, 'repatriation_plan', `id = '${plan.id}' AND status = 'PREPARING'`)).toBe(
      1,
    );
  });

  it('shows immigration exactly the four exit-clearance fields, only when addressed to it, and completes the journey', async () => {
    const ids = await openCase();
    await s.identification.recordDecision(
      focal,
      parseInput(RecordIdentificationDecisionInput.schema, {
        ...ids,
        status: 'REASONABLE_GROUNDS',
        legalBasis: 'Fictional law, article 1',
        decidedAt: clock.now(),
      }),
    );
    const { code } = await s.attestations.issue(focal, { ...ids, validForDays: null });
    const plan = await createPlan(ids);

    // Travel, escort and reception wait for approval; the travel document does not.
    await expect(move(ngo, plan.id, 'TRAVEL_BOOKED', 'IN_PROGRESS')).rejects.toMatchObject({
      details: { reason: 'STEP_NEEDS_APPROVAL' },
    });
    await move(embassy, plan.id, 'TRAVEL_DOCUMENT', 'IN_PROGRESS');
    clock.advance(2 * DAY);
    await move(embassy, plan.id, 'TRAVEL_DOCUMENT', 'DONE');
    // The embassy owns the travel document, not the other steps.
    await expect(move(embassy, plan.id, 'FUNDING', 'IN_PROGRESS')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    const exitClearance = {
      travelDocumentNumber: 'R7654321',
      nameOnTravelDocument: 'TEST PERSON REPAT',
      attestationCode: code,
      requestedDepartureDate: '2026-04-01',
    };
    await expect(
      move(ngo, plan.id, 'EXIT_CLEARANCE', 'IN_PROGRESS', {
        exitClearance: { ...exitClearance, travelDocumentNumber: 'OTHER999' },
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await count(dataSource, 'exit_clearance_request')).toBe(0);
    const started = await move(ngo, plan.id, 'EXIT_CLEARANCE', 'IN_PROGRESS', { exitClearance });
    expect(started.exitClearance).toMatchObject({
      status: 'PENDING',
      addressedToOrganisationId: immigration.organisationId,
    });

    // Only the immigration authority's answer completes the step.
    await expect(move(ngo, plan.id, 'EXIT_CLEARANCE', 'DONE')).rejects.toMatchObject({
      details: { reason: 'STEP_ANSWERED_BY_IMMIGRATION' },
    });

    const listed = await s.exitClearance.list(immigration, { status: 'PENDING', first: 10, after: null });
    expect(listed.totalCount).toBe(1);
    const [request] = listed.edges.map((edge) => edge.node);
    expect(request).toEqual({
      id: expect.any(String),
      travelDocumentNumber: 'R7654321',
      nameOnTravelDocument: 'TEST PERSON REPAT',
      attestationCode: code,
      requestedDepartureDate: '2026-04-01',
      status: 'PENDING',
      fineWaived: null,
      responseReference: null,
      respondedAt: null,
    });
    expect(JSON.stringify(listed)).not.toContain(ids.caseId);
    expect(JSON.stringify(listed)).not.toContain(ids.personId);

    const elsewhere = await s.exitClearance.list(otherImmigration, {
      status: 'PENDING',
      first: 10,
      after: null,
    });
    expect(elsewhere).toMatchObject({ edges: [], totalCount: 0 });
    const answer = {
      requestId: request.id,
      decision: 'GRANTED',
      fineWaived: true,
      reference: 'IMM-KH-0001',
    } as const;
    await expect(s.exitClearance.respond(otherImmigration, answer)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(s.exitClearance.respond(ngo, answer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      s.exitClearance.respond(immigration, { ...answer, requestId: randomUUID() }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // The firewall holds on every other path.
    await expect(s.plans.approve(immigration, plan.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(move(immigration, plan.id, 'EXIT_CLEARANCE', 'BLOCKED')).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    clock.advance(3 * DAY);
    const { request: answered } = await s.exitClearance.respond(immigration, answer);
    expect(answered).toMatchObject({ status: 'GRANTED', fineWaived: true, attestationCode: null });
    const [stored] = (await dataSource.query(
      `SELECT attestation_code_sealed FROM exit_clearance_request WHERE id = $1`,
      [request.id],
    )) as { attestation_code_sealed: string | null }[];
    expect(stored.attestation_code_sealed).toBeNull();
    await expect(s.exitClearance.respond(immigration, answer)).rejects.toMatchObject({ code: 'CONFLICT' });

    await assess(ids);
    await s.plans.approve(focal, plan.id);
    for (const step of ['FUNDING', 'TRAVEL_BOOKED', 'ESCORT']) {
      await move(ngo, plan.id, step, 'IN_PROGRESS');
      await move(ngo, plan.id, step, 'DONE');
    }
    await expect(
      s.plans.confirmArrival(ngo, { planId: plan.id, arrivedAt: clock.now() }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const arrived = await s.plans.confirmArrival(originNgo, { planId: plan.id, arrivedAt: clock.now() });
    expect(arrived.status).toBe('COMPLETED');
    expect(arrived.steps.every((step) => step.status === 'DONE')).toBe(true);
    const exit = arrived.steps.find((step) => step.kind === 'EXIT_CLEARANCE')!;
    expect(exit.leftAt!.getTime() - exit.enteredAt!.getTime()).toBe(3 * DAY);
    expect(arrived.followUps.map((followUp) => [followUp.monthsAfter, followUp.dueOn])).toEqual([
      [1, '2026-04-07'],
      [3, '2026-06-07'],
      [6, '2026-09-07'],
      [12, '2027-03-07'],
    ]);
    const followedUp = await s.plans.recordFollowUp(originNgo, {
      followUpId: arrived.followUps[0].id,
      outcome: 'REINTEGRATING',
      notes: 'Fictional follow-up note',
    });
    expect(followedUp.followUps[0]).toMatchObject({ outcome: 'REINTEGRATING' });
    // The origin NGO holds the plan with operational facts only: the narrative note stays withheld.
    expect(followedUp.followUps[0].notes).toBeNull();

    // Events carry ids and codes only; the audit trail names fields, never values.
    const bodies = (await dataSource.query(
      `SELECT convert_from(value, 'UTF8') AS body FROM outbox_message WHERE message_type LIKE 'case.%'`,
    )) as { body: string }[];
    const text = bodies.map((row) => row.body).join('\n');
    expect(text).toContain('case.exit-clearance-answered');
    for (const secret of [
      'R7654321',
      'TEST PERSON REPAT',
      code,
      'Fictional follow-up note',
      'Fictional note',
    ]) {
      expect(text).not.toContain(secret);
    }
    const audits = (await dataSource.query(
      `SELECT action, actor_organisation_kind FROM audit_record WHERE resource_type = 'exit-clearance-request'`,
    )) as { action: string }[];
    expect(audits.map((audit) => audit.action).sort()).toEqual([
      'exit-clearance.read',
      'exit-clearance.respond',
    ]);
  });

  describe('exit-clearance requests do not outlive their need (issue 12, finding 3)', () => {
    /** A case whose plan has a pending exit-clearance request addressed to `immigration`. */
    async function pendingRequest(documentNumber: string) {
      const ids = await openCase({ ...survivor, documentNumber });
      await s.identification.recordDecision(
        focal,
        parseInput(RecordIdentificationDecisionInput.schema, {
          ...ids,
          status: 'REASONABLE_GROUNDS',
          legalBasis: 'Fictional law, article 1',
          decidedAt: clock.now(),
        }),
      );
      const { code } = await s.attestations.issue(focal, { ...ids, validForDays: null });
      const plan = await createPlan(ids);
      await move(embassy, plan.id, 'TRAVEL_DOCUMENT', 'IN_PROGRESS');
      await move(embassy, plan.id, 'TRAVEL_DOCUMENT', 'DONE');
      await move(ngo, plan.id, 'EXIT_CLEARANCE', 'IN_PROGRESS', {
        exitClearance: {
          travelDocumentNumber: documentNumber,
          nameOnTravelDocument: 'TEST PERSON ERASED',
          attestationCode: code,
          requestedDepartureDate: '2026-04-01',
        },
      });
      const [row] = (await dataSource.query(
        `SELECT r.id FROM exit_clearance_request r JOIN repatriation_plan p ON p.id = r.plan_id WHERE p.case_id = $1`,
        [ids.caseId],
      )) as { id: string }[];
      return { ids, requestId: row!.id };
    }
    const stored = async (requestId: string) =>
      (
        (await dataSource.query(
          `SELECT status, travel_document_number, name_on_travel_document, attestation_code_sealed
           FROM exit_clearance_request WHERE id = $1`,
          [requestId],
        )) as Record<string, unknown>[]
      )[0];
    const listedIds = async (status: 'PENDING' | 'GRANTED' | 'REFUSED' | 'WITHDRAWN') =>
      (await s.exitClearance.list(immigration, { status, first: 50, after: null })).edges.map(
        (edge) => edge.node.id,
      );

    it('withdraws a pending request and erases its personal fields when RETURN consent is withdrawn', async () => {
      const { ids, requestId } = await pendingRequest('W1111111');
      expect(await listedIds('PENDING')).toContain(requestId);

      await s.consents.withdrawConsent(ngo, { ...ids, purpose: 'RETURN' } as never);

      expect(await stored(requestId)).toEqual({
        status: 'WITHDRAWN',
        travel_document_number: null,
        name_on_travel_document: null,
        attestation_code_sealed: null,
      });
      expect(await listedIds('PENDING')).not.toContain(requestId);
      expect(await listedIds('WITHDRAWN')).not.toContain(requestId);
      await expect(
        s.exitClearance.respond(immigration, {
          requestId,
          decision: 'GRANTED',
          fineWaived: false,
          reference: 'IMM-KH-0001',
        }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    it('lists an answered request only for the retention period, then erases its personal fields', async () => {
      const { requestId } = await pendingRequest('W2222222');
      await s.exitClearance.respond(immigration, {
        requestId,
        decision: 'REFUSED',
        fineWaived: false,
        reference: 'IMM-KH-0002',
      });
      expect(await listedIds('REFUSED')).toContain(requestId);

      clock.advance(7 * DAY + 1);
      expect(await listedIds('REFUSED')).not.toContain(requestId);
      expect(await s.exitClearance.eraseAnsweredPastRetention()).toBeGreaterThanOrEqual(1);
      expect(await stored(requestId)).toEqual({
        status: 'REFUSED',
        travel_document_number: null,
        name_on_travel_document: null,
        attestation_code_sealed: null,
      });
    });
  });

  it('shares a plan whose step an organisation of a country hosted elsewhere owns with that country only, sealed and without personal data', async () => {
    const mailbox = exchangeMailboxTopic('ID', 'repatriation-int');
    const queued = async () =>
      (await dataSource.query(
        `SELECT value FROM outbox_message WHERE topic = $1 AND message_type LIKE 'exchange:repatriation.plan-shared%' ORDER BY id`,
        [mailbox],
      )) as { value: string }[];
    const before = (await queued()).length;
    // Where one node hosts both countries, the embassy and the Indonesian NGO work here: nothing to share.
    const local = await createPlan(await openCase());
    expect(local.steps.find((step) => step.kind === 'RECEPTION')).toMatchObject({ ownerCountry: 'ID' });
    expect(await queued()).toHaveLength(before);

    const ids = await openCase();
    const plan = await r.plans.create(
      ngo,
      parseInput(CreateRepatriationPlanInput.schema, { ...ids, steps: stepsInput() }),
    );
    expect(plan.steps.map((step) => step.ownerCountry)).toEqual(['ID', 'KH', 'KH', 'KH', 'KH', 'ID']);
    await assess(ids);
    await r.plans.approve(focal, plan.id);
    const shares = (await queued()).slice(before);
    expect(shares).toHaveLength(2);
    for (const { value } of shares) {
      expect(value).not.toContain(survivor.name);
      expect(value).not.toContain(survivor.documentNumber);
      expect(value).not.toContain('TRAVEL_DOCUMENT');
    }
    const [{ shared_revision: revision }] = (await dataSource.query(
      `SELECT shared_revision FROM repatriation_plan WHERE id = $1`,
      [plan.id],
    )) as { shared_revision: number }[];
    expect(revision).toBe(2);
  });

  it('addresses steps to organisations of the directory only, and exit clearance to the immigration of the country left', async () => {
    const other = await openCase();
    const withOwner = (kind: string, ownerOrganisationId: string) =>
      stepsInput().map((step) => (step.kind === kind ? { ...step, ownerOrganisationId } : step));
    for (const [steps, field] of [
      [withOwner('EXIT_CLEARANCE', originNgo.organisationId), 'steps.EXIT_CLEARANCE.ownerOrganisationId'],
      [withOwner('FUNDING', immigration.organisationId), 'steps.FUNDING.ownerOrganisationId'],
      [withOwner('ESCORT', randomUUID()), 'steps.ESCORT.ownerOrganisationId'],
      // A shelter could neither see nor move a plan's step: it works on referrals, not plans.
      [withOwner('ESCORT', shelter.organisationId), 'steps.ESCORT.ownerOrganisationId'],
      [withOwner('TRAVEL_DOCUMENT', operator.organisationId), 'steps.TRAVEL_DOCUMENT.ownerOrganisationId'],
    ] as const) {
      await expect(
        s.plans.create(ngo, parseInput(CreateRepatriationPlanInput.schema, { ...other, steps })),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
    }
    expect(await count(dataSource, 'repatriation_plan', `person_id = '${other.personId}'`)).toBe(0);
    expect(
      await count(dataSource, 'repatriation_step', `plan_id NOT IN (SELECT id FROM repatriation_plan)`),
    ).toBe(0);
  });

  it('names the gap when no one on the platform receives people in the return country, and who receives instead', async () => {
    // Uganda: nobody on the platform covers it, as in the journey of issue 10.
    const ugandan = await openCase({ ...survivor, nationality: 'UG', languages: ['lg', 'en'] });
    const input = (extra: Record<string, unknown> = {}) =>
      parseInput(CreateRepatriationPlanInput.schema, { ...ugandan, steps: stepsInput(), ...extra });
    await expect(s.plans.create(ngo, input())).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'receptionArrangement', reason: 'RECEPTION_ARRANGEMENT_REQUIRED' },
    });
    expect(await count(dataSource, 'repatriation_plan', `person_id = '${ugandan.personId}'`)).toBe(0);

    const arrangement = 'IOM Kampala meets him at Entebbe and takes him to his family (test)';
    const plan = await s.plans.create(ngo, input({ receptionArrangement: arrangement }));
    expect(plan).toMatchObject({
      returnCountry: 'UG',
      receptionGap: 'NO_RECEIVING_ORGANISATION_IN_RETURN_COUNTRY',
      receptionArrangement: arrangement,
    });
    // Where someone receives people (Indonesia), there is no gap to name.
    const indonesian = await openCase();
    expect(await createPlan(indonesian)).toMatchObject({ receptionGap: null, receptionArrangement: null });
  });

  describe('steps owned by organisations another node hosts', () => {
    const envelopeHeader = (planId: string, country: string): ExchangeHeader => ({
      v: 1,
      messageId: randomUUID(),
      correlationId: planId,
      causationId: null,
      type: 'repatriation.step-change-requested',
      typeVersion: 1,
      sentAt: clock.now().toISOString(),
      sender: { country, node: 'b' },
      recipient: { country: 'KH' },
    });
    const stepChange = (planId: string, step: string, status: string, by: AuthenticatedActor) => ({
      planId,
      step: step as never,
      status: status as never,
      dueOn: null,
      requestedByOrganisationId: by.organisationId,
      requestedBy: by.userId,
      requestedAt: clock.now().toISOString(),
    });
    const stepStatus = async (planId: string, kind: string) => {
      const [row] = (await dataSource.query(
        `SELECT status FROM repatriation_step WHERE plan_id = $1 AND kind = $2`,
        [planId, kind],
      )) as { status: string }[];
      return row.status;
    };
    /** The newest share to Indonesia, opened with Indonesia's keys as its node would. */
    const latestShare = async () => {
      const [row] = (await dataSource.query(
        `SELECT value FROM outbox_message WHERE topic = $1 AND message_type LIKE 'exchange:repatriation.plan-shared%'
          ORDER BY id DESC LIMIT 1`,
        [exchangeMailboxTopic('ID', 'repatriation-int')],
      )) as { value: Buffer }[];
      const opened = openEnvelope(row.value, {
        keyRing: CountryKeyRing.fromKeyFiles([countryKeys.ID.keyFile]),
        hostedCountries: ['ID'],
        trustDirectory,
        now: () => new Date(),
      });
      return {
        header: opened.header,
        payload: opened.payload as Record<string, unknown> & { revision: number },
      };
    };

    it("applies the owner's change, shares a refusal back instead of failing, and refuses work from anyone else", async () => {
      const ids = await openCase();
      const plan = await r.plans.create(
        ngo,
        parseInput(CreateRepatriationPlanInput.schema, { ...ids, steps: stepsInput() }),
      );
      const apply = (message: ReturnType<typeof stepChange>, country = 'ID') =>
        dataSource.transaction((manager) =>
          r.remoteWork.applyStepChange(message, envelopeHeader(plan.id, country), manager),
        );

      await apply(stepChange(plan.id, 'TRAVEL_DOCUMENT', 'IN_PROGRESS', embassy));
      expect(await stepStatus(plan.id, 'TRAVEL_DOCUMENT')).toBe('IN_PROGRESS');
      expect((await latestShare()).payload).toMatchObject({ refusal: null });

      // Reception before approval breaks a plan rule: nothing changes, and the owner is told why.
      await apply(stepChange(plan.id, 'RECEPTION', 'IN_PROGRESS', originNgo));
      expect(await stepStatus(plan.id, 'RECEPTION')).toBe('PENDING');
      const refused = await latestShare();
      expect(refused.payload).toMatchObject({ refusal: { code: 'STEP_NEEDS_APPROVAL' } });
      expect(JSON.stringify(refused.payload)).not.toContain(survivor.name);

      // Anyone but the step's owner, or the owner's country speaking for another, is refused outright.
      await expect(
        apply(stepChange(plan.id, 'TRAVEL_DOCUMENT', 'DONE', embassy), 'TH'),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(apply(stepChange(plan.id, 'RECEPTION', 'BLOCKED', embassy))).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(apply(stepChange(plan.id, 'FUNDING', 'IN_PROGRESS', ngo))).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await stepStatus(plan.id, 'FUNDING')).toBe('PENDING');

      // Once she withdraws her consent to return, work from afar stops too.
      await s.consents.withdrawConsent(ngo, { ...ids, purpose: 'RETURN' } as never);
      await apply(stepChange(plan.id, 'TRAVEL_DOCUMENT', 'DONE', embassy));
      expect(await stepStatus(plan.id, 'TRAVEL_DOCUMENT')).toBe('IN_PROGRESS');
      expect((await latestShare()).payload).toMatchObject({ refusal: { code: 'CONSENT_REQUIRED' } });
    });

    it("keeps only the newest share on the owner's node, lets only a step's owner work it there, and sends the work home sealed", async () => {
      const ids = await openCase();
      const plan = await r.plans.create(
        ngo,
        parseInput(CreateRepatriationPlanInput.schema, { ...ids, steps: stepsInput() }),
      );
      const first = await latestShare();
      await assess(ids);
      await r.plans.approve(focal, plan.id);
      const second = await latestShare();
      expect(second.payload.revision).toBe(first.payload.revision + 1);

      const receive = (share: typeof first) =>
        dataSource.transaction((manager) =>
          r.assignments.receive(share.payload as never, share.header, manager),
        );
      await receive(second);
      await receive(first); // late and older: ignored
      const [stored] = (await dataSource.query(
        `SELECT revision, status FROM repatriation_assignment WHERE plan_id = $1`,
        [plan.id],
      )) as { revision: number; status: string }[];
      expect(stored).toEqual({ revision: second.payload.revision, status: 'APPROVED' });
      await expect(
        dataSource.transaction((manager) =>
          r.assignments.receive(
            second.payload as never,
            { ...second.header, sender: { country: 'TH', node: 'x' } },
            manager,
          ),
        ),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      // Nor may another country take the copy over by claiming the plan as its own (issue 12, finding 10).
      const takeover = {
        ...second.payload,
        jurisdictionCountry: 'TH',
        revision: second.payload.revision + 5,
        status: 'CANCELLED',
      };
      await expect(
        dataSource.transaction((manager) =>
          r.assignments.receive(
            takeover as never,
            { ...second.header, sender: { country: 'TH', node: 'x' } },
            manager,
          ),
        ),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const [kept] = (await dataSource.query(
        `SELECT revision, status, jurisdiction_country FROM repatriation_assignment WHERE plan_id = $1`,
        [plan.id],
      )) as { revision: number; status: string; jurisdiction_country: string }[];
      expect(kept).toEqual({
        revision: second.payload.revision,
        status: 'APPROVED',
        jurisdiction_country: 'KH',
      });

      const listed = await r.assignments.list(embassy);
      expect(listed.find((candidate) => candidate.id === plan.id)).toMatchObject({
        sharedFromCountry: 'KH',
        caseId: null,
        personId: null,
      });
      expect(JSON.stringify(listed)).not.toContain(survivor.name);
      expect(await r.assignments.list(otherImmigration).catch((error: unknown) => error)).toMatchObject({
        code: 'FORBIDDEN',
      });

      const change = (who: AuthenticatedActor, step: string, status: string) =>
        r.assignments.requestStepChange(
          who,
          parseInput(UpdateRepatriationStepInput.schema, { planId: plan.id, step, status }),
        );
      await expect(change(originNgo, 'TRAVEL_DOCUMENT', 'IN_PROGRESS')).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(change(embassy, 'TRAVEL_DOCUMENT', 'DONE')).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'STEP_TRANSITION_NOT_ALLOWED' },
      });
      const moved = await change(embassy, 'TRAVEL_DOCUMENT', 'IN_PROGRESS');
      expect(moved.steps.find((step) => step.kind === 'TRAVEL_DOCUMENT')?.status).toBe('IN_PROGRESS');
      const [sent] = (await dataSource.query(
        `SELECT value FROM outbox_message WHERE topic = $1 AND message_type LIKE 'exchange:repatriation.step-change-requested%'
          ORDER BY id DESC LIMIT 1`,
        [exchangeMailboxTopic('KH', 'repatriation-int')],
      )) as { value: Buffer }[];
      expect(sent.value.toString('latin1')).not.toContain('TRAVEL_DOCUMENT');
    });

    it('shares a fast voluntary return, which has fewer steps, as version 2 with its pace, and a standard plan as version 1', async () => {
      const standard = await r.plans.create(
        ngo,
        parseInput(CreateRepatriationPlanInput.schema, { ...(await openCase()), steps: stepsInput() }),
      );
      const standardShare = await latestShare();
      expect(standardShare.header.typeVersion).toBe(1);
      expect(standardShare.payload).toMatchObject({ planId: standard.id });
      expect(standardShare.payload).not.toHaveProperty('pace');

      const ids = await openCase();
      const plan = await r.plans.create(
        ngo,
        parseInput(CreateRepatriationPlanInput.schema, {
          ...ids,
          pace: 'FAST_VOLUNTARY',
          steps: stepsInput().filter(
            (step) => step.kind === 'TRAVEL_DOCUMENT' || step.kind === 'TRAVEL_BOOKED',
          ),
        }),
      );
      const share = await latestShare();
      expect(share.header).toMatchObject({ type: 'repatriation.plan-shared', typeVersion: 2 });
      expect(share.payload).toMatchObject({ planId: plan.id, pace: 'FAST_VOLUNTARY' });
      expect((share.payload.steps as unknown[]).length).toBe(2);
      await dataSource.transaction((manager) =>
        r.assignments.receive(share.payload as never, share.header, manager),
      );
      const held = (await r.assignments.list(embassy)).find((candidate) => candidate.id === plan.id);
      expect(held).toMatchObject({ pace: 'FAST_VOLUNTARY', sharedFromCountry: 'KH' });
      expect(held?.steps.map((step) => step.kind)).toEqual(['TRAVEL_DOCUMENT', 'TRAVEL_BOOKED']);
      // No reception step: nobody on the owner's node confirms arrival; the plan's owner does, at home.
      await expect(
        r.assignments.reportArrival(
          embassy,
          parseInput(ConfirmArrivalInput.schema, { planId: plan.id, arrivedAt: clock.now() }),
        ),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });
  });

  it('gives stage durations per country with cells under 5 plans suppressed, and none to immigration or the operator', async () => {
    // Figures count whole quarters (UTC): steps completed by the earlier tests end in an earlier quarter
    // and stay out of the figures.
    advanceToNextQuarter();
    const since = clock.now();
    const make = async (purposes: string[]) => {
      const ids = await openCase(survivor, purposes);
      return (await createPlan(ids)).id;
    };
    const counted = [];
    for (let index = 0; index < 5; index += 1) counted.push(await make(['RETURN', 'ANONYMISED_STATISTICS']));
    const uncounted = await make(['RETURN']);
    for (const [index, planId] of [...counted, uncounted].entries()) {
      await move(ngo, planId, 'FUNDING', 'IN_PROGRESS');
      // FUNDING: 1 to 5 days in the counted plans; the plan without statistics consent takes 100.
      clock.advance((planId === uncounted ? 100 : index + 1) * DAY);
      await move(ngo, planId, 'FUNDING', 'DONE');
      clock.advance(-(planId === uncounted ? 100 : index + 1) * DAY);
      if (index < 4) {
        await move(embassy, planId, 'TRAVEL_DOCUMENT', 'IN_PROGRESS');
        clock.advance(DAY);
        await move(embassy, planId, 'TRAVEL_DOCUMENT', 'DONE');
      }
    }
    clock.advance(200 * DAY);
    const cells = await s.durations.stageDurations(ngo, { country: 'KH', since });
    expect(cells.find((cell) => cell.step === 'FUNDING')).toEqual({
      step: 'FUNDING',
      suppressed: false,
      plans: 5,
      medianDays: 3,
      p90Days: 4.6,
    });
    for (const step of ['TRAVEL_DOCUMENT', 'EXIT_CLEARANCE', 'TRAVEL_BOOKED', 'ESCORT', 'RECEPTION']) {
      expect(cells.find((cell) => cell.step === step)).toEqual({
        step,
        suppressed: true,
        plans: null,
        medianDays: null,
        p90Days: null,
      });
    }
    expect(
      (await s.durations.stageDurations(focal, { country: 'TH', since: null })).every((c) => c.suppressed),
    ).toBe(true);

    // Issue 12: `since` cannot step around suppression. Moving it past the first plan's FUNDING (so
    // that the difference would be that one plan) lands on the same quarter and the same figures.
    const funding = async (from: Date | null) =>
      (await s.durations.stageDurations(ngo, { country: 'KH', since: from })).find(
        (cell) => cell.step === 'FUNDING',
      );
    const fundingCell = await funding(since);
    expect(await funding(new Date(since.getTime() + 1.5 * DAY))).toEqual(fundingCell);
    // One more FUNDING completed now changes nothing while its quarter runs, nor after: a quarter
    // with fewer than 5 plans is left out of every window, so no two answers differ by one plan.
    const late = await make(['RETURN', 'ANONYMISED_STATISTICS']);
    await move(ngo, late, 'FUNDING', 'IN_PROGRESS');
    clock.advance(2 * DAY);
    await move(ngo, late, 'FUNDING', 'DONE');
    const lateQuarter = clock.now();
    expect(await funding(since)).toEqual(fundingCell);
    advanceToNextQuarter();
    expect(await funding(since)).toEqual(fundingCell);
    expect(await funding(lateQuarter)).toMatchObject({ suppressed: true, plans: null });
    await expect(
      s.durations.stageDurations(immigration, { country: 'KH', since: null }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(s.durations.stageDurations(operator, { country: 'KH', since: null })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
