import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import {
  ManualClock,
  TrustDirectory,
  buildTrustDirectoryDocument,
  generateCountryKeys,
  parseInput,
  type AuthenticatedActor,
} from '@passage/shared';
import { CaseWorkModule } from '../src/case-work/index.js';
import { CaseService } from '../src/case-work/case/case.service.js';
import { OpenCaseInput } from '../src/case-work/case/dtos/case.inputs.js';
import { ConsentService } from '../src/case-work/consent/consent.service.js';
import { RecordScreeningInput } from '../src/case-work/screening/dtos/screening.inputs.js';
import { ScreeningService } from '../src/case-work/screening/screening.service.js';
import { CrossBorderModule } from '../src/cross-border/index.js';
import {
  ConfirmArrivalInput,
  CreateRepatriationPlanInput,
  RecordFollowUpInput,
  RecordRiskAssessmentInput,
  UpdateRepatriationStepInput,
} from '../src/repatriation/dtos/repatriation.inputs.js';
import { RepatriationModule } from '../src/repatriation/index.js';
import { RepatriationPlanService } from '../src/repatriation/repatriation-plan.service.js';
import { ReturnRiskAssessmentService } from '../src/repatriation/return-risk-assessment.service.js';
import {
  OpenStayPathwayInput,
  WorkStayPathwayStepInput,
} from '../src/repatriation/stay-pathway/dtos/stay-pathway.inputs.js';
import { StayPathwayService } from '../src/repatriation/stay-pathway/stay-pathway.service.js';
import { StayPathwaysQuery } from '../src/repatriation/stay-pathway/stay-pathways.query.js';
import { ServicesModule } from '../src/services/index.js';
import { DeclineMigrantSupportInput } from '../src/services/migrant-support/dtos/migrant-support.inputs.js';
import { MigrantSupport } from '../src/services/migrant-support/migrant-support.js';
import {
  CreateReferralInput,
  RespondToReferralInput,
} from '../src/services/referral/dtos/referral.inputs.js';
import { DEFAULT_REFERRAL_DUE_DURATIONS } from '../src/services/referral/referral-lifecycle.js';
import { ReferralService } from '../src/services/referral/referral.service.js';
import {
  ServiceFilter,
  UpsertServiceInput,
} from '../src/services/service-directory/dtos/service-directory.inputs.js';
import { ServiceDirectoryService } from '../src/services/service-directory/service-directory.service.js';
import { actor, count, listInDirectory } from './case-work-fixture.js';
import { openReferralsContexts, type ReferralsTestingModule } from './referrals-testing-module.js';

const adult = {
  name: 'Test Person Pathway',
  nationality: 'ID',
  gender: 'MALE',
  ageBand: '25_34',
  languages: ['id', 'en'],
  narrative: 'Fictional account used only in tests.',
};

const FACTORS = [
  'RE_TRAFFICKING',
  'REPRISALS',
  'DEBT_OR_RANSOM',
  'PROSECUTION_OR_PERSECUTION',
  'STIGMA',
  'FAMILY_SITUATION',
];
const lowFactors = FACTORS.map((factor) => ({ factor, level: 'LOW', notes: null }));
const persecution = FACTORS.map((factor) => ({
  factor,
  level: factor === 'PROSECUTION_OR_PERSECUTION' ? 'HIGH' : 'LOW',
  notes: null,
}));

/**
 * The directory of the country this node hosts; nothing here crosses a border (every step owner is hosted
 * here, and the test's sender refuses any message).
 */
const trustDirectory = TrustDirectory.fromObject(
  buildTrustDirectoryDocument(
    { KH: generateCountryKeys('KH', { validFrom: new Date(Date.now() - 86_400_000) }).published },
    new Date(),
  ),
);

describe('pathways other than the standard return (real Postgres)', () => {
  let module: ReferralsTestingModule;
  let dataSource: DataSource;
  const clock = new ManualClock(new Date('2026-05-04T08:00:00Z'));
  const ngo = actor('NGO', 'KH', ['CASEWORKER']);
  const ngoSupervisor = actor('NGO', 'KH', ['SUPERVISOR'], { organisationId: ngo.organisationId });
  const focal = actor('NRM_COORDINATOR', 'KH', ['FOCAL_POINT']);
  const unhcr = actor('INTERNATIONAL_ORGANISATION', 'KH', ['CASEWORKER']);
  const legalAid = actor('SERVICE_PROVIDER', 'KH', ['CASEWORKER']);
  const otherLegalAid = actor('SERVICE_PROVIDER', 'KH', ['CASEWORKER']);
  const thaiUnhcr = actor('INTERNATIONAL_ORGANISATION', 'TH', ['CASEWORKER']);
  const embassy = actor('EMBASSY', 'ID', ['CONSULAR_OFFICER'], { stationedIn: 'KH' });
  const immigration = actor('IMMIGRATION', 'KH', ['VERIFIER']);
  const police = actor('LAW_ENFORCEMENT', 'KH', ['INVESTIGATOR']);
  const migrantNgo = actor('NGO', 'KH', ['CASEWORKER']);
  // Someone receives returnees in Indonesia, so a return there has no reception gap to name.
  const indonesianNgo = actor('NGO', 'ID', ['CASEWORKER']);

  let s: {
    cases: CaseService;
    consents: ConsentService;
    screenings: ScreeningService;
    assessments: ReturnRiskAssessmentService;
    plans: RepatriationPlanService;
    pathways: StayPathwayService;
    pathwayList: StayPathwaysQuery;
    directory: ServiceDirectoryService;
    referrals: ReferralService;
    migrantSupport: MigrantSupport;
  };

  beforeAll(async () => {
    module = await openReferralsContexts({
      contexts: [CaseWorkModule, CrossBorderModule, RepatriationModule, ServicesModule],
      clock,
      trustDirectory,
      config: {
        REFERRAL_ANSWER_WITHIN_MS: DEFAULT_REFERRAL_DUE_DURATIONS.PENDING!,
        REFERRAL_START_WITHIN_MS: DEFAULT_REFERRAL_DUE_DURATIONS.ACCEPTED!,
      },
    });
    dataSource = module.dataSource;
    const { app } = module;
    s = {
      cases: app.get(CaseService),
      consents: app.get(ConsentService),
      screenings: app.get(ScreeningService),
      assessments: app.get(ReturnRiskAssessmentService),
      plans: app.get(RepatriationPlanService),
      pathways: app.get(StayPathwayService),
      pathwayList: app.get(StayPathwaysQuery),
      directory: app.get(ServiceDirectoryService),
      referrals: app.get(ReferralService),
      migrantSupport: app.get(MigrantSupport),
    };
    for (const member of [
      ngo,
      focal,
      unhcr,
      legalAid,
      otherLegalAid,
      thaiUnhcr,
      embassy,
      immigration,
      police,
      migrantNgo,
      indonesianNgo,
    ]) {
      await listInDirectory(dataSource, member);
    }
  });

  afterAll(async () => {
    await module?.close();
  });

  async function openCase(purposes: string[], person: Record<string, unknown> = adult) {
    const opened = await s.cases.openCase(
      ngo,
      parseInput(OpenCaseInput.schema, { origin: 'WALK_IN', people: [person] }),
    );
    const ids = { caseId: opened.id, personId: opened.people[0].id };
    if (purposes.length > 0) {
      await s.consents.recordConsent(ngo, {
        ...ids,
        purposes,
        language: 'id',
        interpreterUsed: false,
        interpreterLanguage: null,
      } as never);
    }
    return ids;
  }

  const assess = (ids: { caseId: string; personId: string }, conclusion: string, factors = lowFactors) =>
    s.assessments.record(
      ngo,
      parseInput(RecordRiskAssessmentInput.schema, { ...ids, factors, conclusion, assessedAt: clock.now() }),
    );

  const asylumSteps = () => [
    { kind: 'REGISTRATION', ownerOrganisationId: unhcr.organisationId, dueOn: '2026-05-31' },
    { kind: 'INTERVIEW', ownerOrganisationId: unhcr.organisationId, dueOn: '2026-07-31' },
    { kind: 'DECISION', ownerOrganisationId: unhcr.organisationId, dueOn: '2026-10-31' },
    { kind: 'APPEAL', ownerOrganisationId: legalAid.organisationId, dueOn: '2026-12-31' },
  ];

  const openPathway = (
    who: AuthenticatedActor,
    ids: { caseId: string; personId: string },
    extra: Record<string, unknown> = {},
  ) =>
    s.pathways.open(
      who,
      parseInput(OpenStayPathwayInput.schema, {
        ...ids,
        kind: 'ASYLUM_OR_REFUGEE_STATUS',
        steps: asylumSteps(),
        ...extra,
      }),
    );

  const work = (
    who: AuthenticatedActor,
    pathwayId: string,
    step: string,
    action: string,
    extra: Record<string, unknown> = {},
  ) =>
    s.pathways.workStep(
      who,
      parseInput(WorkStayPathwayStepInput.schema, { pathwayId, step, action, ...extra }),
    );

  const eventsOf = async (caseId: string, prefix: string) =>
    (
      (await dataSource.query(
        `SELECT message_type, convert_from(value, 'UTF8') AS body FROM outbox_message
          WHERE message_key = $1 AND message_type LIKE $2 ORDER BY id`,
        [caseId, `${prefix}%`],
      )) as { message_type: string; body: string }[]
    ).map((row) => ({ type: row.message_type, payload: JSON.parse(row.body).payload }));

  /** What a refused change must leave untouched. */
  const writes = async (caseId: string) => ({
    pathways: await count(dataSource, 'stay_pathway', `case_id = '${caseId}'`),
    events: await count(dataSource, 'outbox_message', `message_key = '${caseId}'`),
    audits: await count(dataSource, 'audit_record', `action = 'stay-pathway.plan'`),
  });

  describe('stay pathways', () => {
    it('opens an asylum pathway on an assessment that found return unsafe and works it to a grant on appeal', async () => {
      const ids = await openCase(['RETURN', 'STAY_PATHWAY']);
      const assessment = await assess(ids, 'NOT_SAFE_TO_RETURN', persecution);
      const opened = await openPathway(ngo, ids, { reason: 'Fears persecution by the recruiters at home.' });
      expect(opened).toMatchObject({
        kind: 'ASYLUM_OR_REFUGEE_STATUS',
        status: 'OPEN',
        basis: 'UNSAFE_RETURN_ASSESSMENT',
        riskAssessmentId: assessment.id,
        ownerOrganisationId: ngo.organisationId,
        reason: 'Fears persecution by the recruiters at home.',
        closedAt: null,
      });
      expect(opened.steps.map((step) => [step.kind, step.status, step.ownerOrganisationId])).toEqual([
        ['REGISTRATION', 'PENDING', unhcr.organisationId],
        ['INTERVIEW', 'PENDING', unhcr.organisationId],
        ['DECISION', 'PENDING', unhcr.organisationId],
        ['APPEAL', 'PENDING', legalAid.organisationId],
      ]);
      const pathwayId = opened.id;

      // In order, with the outcomes each step can have.
      await expect(work(unhcr, pathwayId, 'INTERVIEW', 'START')).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'STAY_STEP_OUT_OF_ORDER', field: 'step' },
      });
      await work(unhcr, pathwayId, 'REGISTRATION', 'START');
      await expect(
        work(unhcr, pathwayId, 'REGISTRATION', 'COMPLETE', { outcome: 'GRANTED' }),
      ).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { reason: 'STAY_OUTCOME_NOT_ALLOWED', field: 'outcome' },
      });
      await work(unhcr, pathwayId, 'REGISTRATION', 'COMPLETE', { outcome: 'COMPLETED' });
      await work(unhcr, pathwayId, 'INTERVIEW', 'START');
      await work(unhcr, pathwayId, 'INTERVIEW', 'COMPLETE', {
        outcome: 'COMPLETED',
        notes: 'Fictional interview note.',
      });
      await work(unhcr, pathwayId, 'DECISION', 'START');
      const refused = await work(unhcr, pathwayId, 'DECISION', 'COMPLETE', { outcome: 'REFUSED' });
      expect(refused.status).toBe('OPEN');
      // A step owner sees the pathway's operational facts, not what was said.
      expect(refused.steps.find((step) => step.kind === 'INTERVIEW')).toMatchObject({
        status: 'DONE',
        outcome: 'COMPLETED',
        notes: null,
      });
      expect(refused.reason).toBeNull();
      expect(refused.withheldCategories).toEqual(['NARRATIVE']);

      // Only the pathway's owner reassigns; only the step's owner declines.
      await expect(work(ngo, pathwayId, 'APPEAL', 'DECLINE', { notes: 'not ours' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        details: { reason: 'STAY_STEP_NOT_OWNER' },
      });
      const declined = await work(legalAid, pathwayId, 'APPEAL', 'DECLINE', {
        notes: 'No lawyer free before the appeal deadline.',
      });
      expect(declined.steps.find((step) => step.kind === 'APPEAL')?.status).toBe('DECLINED');
      await expect(
        work(legalAid, pathwayId, 'APPEAL', 'REASSIGN', {
          ownerOrganisationId: otherLegalAid.organisationId,
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        work(ngo, pathwayId, 'APPEAL', 'REASSIGN', { ownerOrganisationId: thaiUnhcr.organisationId }),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'ownerOrganisationId' } });
      const reassigned = await work(ngo, pathwayId, 'APPEAL', 'REASSIGN', {
        ownerOrganisationId: otherLegalAid.organisationId,
        dueOn: '2027-01-15',
      });
      expect(reassigned.steps.find((step) => step.kind === 'APPEAL')).toMatchObject({
        status: 'PENDING',
        ownerOrganisationId: otherLegalAid.organisationId,
        dueOn: '2027-01-15',
        notes: 'No lawyer free before the appeal deadline.',
      });
      // The organisation that declined is no longer on the pathway.
      await expect(work(legalAid, pathwayId, 'APPEAL', 'START')).rejects.toMatchObject({ code: 'FORBIDDEN' });

      await work(otherLegalAid, pathwayId, 'APPEAL', 'START');
      const granted = await work(otherLegalAid, pathwayId, 'APPEAL', 'COMPLETE', { outcome: 'GRANTED' });
      expect(granted.status).toBe('GRANTED');
      expect(granted.closedAt).toEqual(clock.now());
      expect(granted.steps.every((step) => step.status === 'DONE' && !step.overdue)).toBe(true);
      await expect(work(otherLegalAid, pathwayId, 'APPEAL', 'START')).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'STAY_PATHWAY_CLOSED' },
      });

      // The case's owner sees the narrative; the list shows the pathway to its members only.
      const [listed] = (await s.pathwayList.list(ngo)).filter((pathway) => pathway.id === pathwayId);
      expect(listed.reason).toBe('Fears persecution by the recruiters at home.');
      expect(listed.steps.find((step) => step.kind === 'INTERVIEW')?.notes).toBe('Fictional interview note.');
      expect((await s.pathwayList.list(otherLegalAid)).map((pathway) => pathway.id)).toContain(pathwayId);
      expect((await s.pathwayList.list(focal)).map((pathway) => pathway.id)).not.toContain(pathwayId);
      for (const outsider of [immigration, embassy, police]) {
        await expect(s.pathwayList.list(outsider)).rejects.toMatchObject({ code: 'FORBIDDEN' });
        await expect(work(outsider, pathwayId, 'APPEAL', 'START')).rejects.toMatchObject({
          code: 'FORBIDDEN',
        });
      }

      const events = await eventsOf(ids.caseId, 'case.stay-pathway');
      expect(events.map((event) => event.type)).toEqual([
        'case.stay-pathway-opened@v1',
        ...Array<string>(10).fill('case.stay-pathway-step-changed@v1'),
        'case.stay-pathway-closed@v1',
      ]);
      expect(events.at(-1)?.payload).toMatchObject({
        pathwayId,
        status: 'GRANTED',
        kind: 'ASYLUM_OR_REFUGEE_STATUS',
      });
      for (const event of events) {
        expect(JSON.stringify(event.payload)).not.toMatch(
          /persecution by the recruiters|interview note|lawyer/,
        );
      }
      const audits = (await dataSource.query(
        `SELECT action, data_categories FROM audit_record WHERE resource_type = 'stay-pathway' AND resource_id = $1
          AND action = 'stay-pathway.plan' ORDER BY sequence`,
        [pathwayId],
      )) as { action: string; data_categories: string[] }[];
      // One entry per change (the opening, ten actions; refusals write none) and per listing that showed it.
      expect(audits.length).toBe(1 + 10 + 2);
      expect(audits[0].data_categories).toEqual(expect.arrayContaining(['LEGAL', 'NARRATIVE']));
    });

    it('settles at once: a first-instance grant needs no appeal, a refused permit no issuance', async () => {
      const asylum = await openCase(['RETURN', 'STAY_PATHWAY']);
      await assess(asylum, 'NOT_SAFE_TO_RETURN', persecution);
      const pathway = await openPathway(ngo, asylum);
      await work(unhcr, pathway.id, 'REGISTRATION', 'START');
      await work(unhcr, pathway.id, 'REGISTRATION', 'COMPLETE', { outcome: 'COMPLETED' });
      // Decided on the papers: the interview is not needed.
      await work(unhcr, pathway.id, 'INTERVIEW', 'COMPLETE', { outcome: 'NOT_NEEDED' });
      await work(unhcr, pathway.id, 'DECISION', 'START');
      const granted = await work(unhcr, pathway.id, 'DECISION', 'COMPLETE', { outcome: 'GRANTED' });
      expect(granted.status).toBe('GRANTED');
      expect(granted.steps.find((step) => step.kind === 'APPEAL')).toMatchObject({
        status: 'DONE',
        outcome: 'NOT_NEEDED',
      });

      const permit = await openCase(['RETURN', 'STAY_PATHWAY']);
      await assess(permit, 'NOT_SAFE_TO_RETURN', persecution);
      const opened = await s.pathways.open(
        ngo,
        parseInput(OpenStayPathwayInput.schema, {
          ...permit,
          kind: 'TEMPORARY_PERMIT',
          steps: ['APPLICATION', 'DECISION', 'ISSUANCE', 'RENEWAL'].map((kind) => ({
            kind,
            ownerOrganisationId: legalAid.organisationId,
            dueOn: '2026-09-30',
          })),
        }),
      );
      await work(legalAid, opened.id, 'APPLICATION', 'START');
      await work(legalAid, opened.id, 'APPLICATION', 'COMPLETE', { outcome: 'COMPLETED' });
      await work(legalAid, opened.id, 'DECISION', 'START');
      const refused = await work(legalAid, opened.id, 'DECISION', 'COMPLETE', { outcome: 'REFUSED' });
      expect(refused.status).toBe('REFUSED');
      expect(refused.steps.map((step) => step.outcome)).toEqual([
        'COMPLETED',
        'REFUSED',
        'NOT_NEEDED',
        'NOT_NEEDED',
      ]);
      // Refused: the person may now be on a new pathway.
      expect((await openPathway(ngo, permit)).status).toBe('OPEN');
      await expect(openPathway(ngo, permit)).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'STAY_PATHWAY_ALREADY_OPEN' },
      });
    });

    it('refuses a pathway, and writes nothing, without an assessment that found return unsafe or a decision role’s reason', async () => {
      const ids = await openCase(['RETURN', 'STAY_PATHWAY']);
      const before = await writes(ids.caseId);
      await expect(openPathway(ngo, ids)).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'RETURN_NOT_FOUND_UNSAFE', field: 'reason' },
      });
      await assess(ids, 'RETURN_WITH_SAFEGUARDS');
      const afterAssessment = await writes(ids.caseId);
      await expect(openPathway(ngo, ids)).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'RETURN_NOT_FOUND_UNSAFE' },
      });
      // A reason of a caseworker is not enough: the override is a decision role's.
      await expect(openPathway(ngo, ids, { reason: 'Wants to claim asylum.' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        reason: 'ROLE_REQUIRED',
      });
      expect(await writes(ids.caseId)).toEqual(afterAssessment);
      expect(afterAssessment.pathways).toBe(before.pathways);

      const bySupervisor = await openPathway(ngoSupervisor, ids, { reason: 'Wants to claim asylum.' });
      expect(bySupervisor).toMatchObject({
        basis: 'DECISION_ROLE_REASON',
        riskAssessmentId: null,
        reason: 'Wants to claim asylum.',
      });
    });

    it('refuses without consent to a stay pathway, and steps of another pathway or owners that cannot take them', async () => {
      const returnOnly = await openCase(['RETURN']);
      await assess(returnOnly, 'NOT_SAFE_TO_RETURN', persecution);
      const before = await writes(returnOnly.caseId);
      await expect(openPathway(ngo, returnOnly)).rejects.toMatchObject({
        code: 'FORBIDDEN',
        reason: 'CONSENT_REQUIRED',
      });

      const ids = await openCase(['RETURN', 'STAY_PATHWAY']);
      await assess(ids, 'NOT_SAFE_TO_RETURN', persecution);
      expect(() =>
        parseInput(OpenStayPathwayInput.schema, {
          ...ids,
          kind: 'RESETTLEMENT',
          steps: asylumSteps(),
        }),
      ).toThrow(
        expect.objectContaining({
          code: 'BAD_USER_INPUT',
          details: expect.objectContaining({ field: 'input.steps' }),
        }),
      );
      for (const [owner, index] of [
        [embassy, 0],
        [immigration, 1],
        [thaiUnhcr, 3],
      ] as const) {
        const steps = asylumSteps();
        steps[index] = { ...steps[index], ownerOrganisationId: owner.organisationId };
        await expect(openPathway(ngo, ids, { steps })).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
          details: { field: `steps.${index}.ownerOrganisationId` },
        });
      }
      expect(
        await count(dataSource, 'stay_pathway', `case_id IN ('${ids.caseId}', '${returnOnly.caseId}')`),
      ).toBe(0);
      expect(await writes(returnOnly.caseId)).toEqual(before);
    });

    it('drops a pathway from view once the person withdraws consent to it', async () => {
      const ids = await openCase(['RETURN', 'STAY_PATHWAY']);
      await assess(ids, 'NOT_SAFE_TO_RETURN', persecution);
      const pathway = await openPathway(ngo, ids);
      await s.consents.withdrawConsent(ngo, { ...ids, purpose: 'STAY_PATHWAY' } as never);
      await expect(work(unhcr, pathway.id, 'REGISTRATION', 'START')).rejects.toMatchObject({
        code: 'FORBIDDEN',
        reason: 'CONSENT_REQUIRED',
      });
      expect((await s.pathwayList.list(ngo)).map((listed) => listed.id)).not.toContain(pathway.id);
    });
  });

  describe('fast voluntary return', () => {
    const fastSteps = (extra: { kind: string; owner: AuthenticatedActor }[] = []) =>
      [{ kind: 'TRAVEL_DOCUMENT', owner: embassy }, { kind: 'TRAVEL_BOOKED', owner: ngo }, ...extra].map(
        ({ kind, owner }) => ({ kind, ownerOrganisationId: owner.organisationId, dueOn: '2026-05-20' }),
      );

    const createFast = (ids: { caseId: string; personId: string }, steps = fastSteps()) =>
      s.plans.create(
        ngo,
        parseInput(CreateRepatriationPlanInput.schema, { ...ids, pace: 'FAST_VOLUNTARY', steps }),
      );

    const move = (who: AuthenticatedActor, planId: string, step: string, status: string) =>
      s.plans.updateStep(who, parseInput(UpdateRepatriationStepInput.schema, { planId, step, status }));

    it('keeps case, consent and follow-up with fewer steps, and the plan owner confirms arrival', async () => {
      const ids = await openCase(['RETURN']);
      const plan = await createFast(ids);
      expect(plan).toMatchObject({ pace: 'FAST_VOLUNTARY', status: 'PREPARING' });
      expect(plan.steps.map((step) => step.kind)).toEqual(['TRAVEL_DOCUMENT', 'TRAVEL_BOOKED']);
      const [created] = await eventsOf(ids.caseId, 'case.repatriation-plan-created');
      expect(created.payload).toMatchObject({ pace: 'FAST_VOLUNTARY', planId: plan.id });

      // Approval on a risk assessment, as for any return.
      await expect(s.plans.approve(focal, plan.id)).rejects.toMatchObject({
        details: { reason: 'RISK_ASSESSMENT_MISSING' },
      });
      await assess(ids, 'SAFE_TO_RETURN');
      await s.plans.approve(focal, plan.id);
      await move(embassy, plan.id, 'TRAVEL_DOCUMENT', 'IN_PROGRESS');
      await move(embassy, plan.id, 'TRAVEL_DOCUMENT', 'DONE');
      await move(ngo, plan.id, 'TRAVEL_BOOKED', 'IN_PROGRESS');
      await move(ngo, plan.id, 'TRAVEL_BOOKED', 'DONE');
      await expect(move(ngo, plan.id, 'RECEPTION', 'IN_PROGRESS')).rejects.toMatchObject({
        code: 'NOT_FOUND',
        details: { reason: 'STEP_NOT_FOUND' },
      });

      // Home three days after approval: the person travelled on a ticket booked the same day.
      const arrivedAt = new Date(clock.now().getTime() + 3 * 86_400_000);
      clock.advance(4 * 86_400_000);
      const confirm = (who: AuthenticatedActor) =>
        s.plans.confirmArrival(who, parseInput(ConfirmArrivalInput.schema, { planId: plan.id, arrivedAt }));
      // With no reception planned, the plan's owner, who keeps in touch with the person, confirms.
      await expect(confirm(embassy)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const arrived = await confirm(ngo);
      expect(arrived.status).toBe('COMPLETED');
      expect(arrived.followUps.map((followUp) => [followUp.monthsAfter, followUp.dueOn])).toEqual([
        [1, '2026-06-07'],
        [3, '2026-08-07'],
        [6, '2026-11-07'],
        [12, '2027-05-07'],
      ]);
      const followedUp = await s.plans.recordFollowUp(
        ngo,
        parseInput(RecordFollowUpInput.schema, {
          followUpId: arrived.followUps[0].id,
          outcome: 'REINTEGRATING',
          notes: 'Fictional phone call.',
        }),
      );
      expect(followedUp.followUps[0]).toMatchObject({
        outcome: 'REINTEGRATING',
        notes: 'Fictional phone call.',
      });
      expect((await eventsOf(ids.caseId, 'case.arrival-confirmed')).length).toBe(1);
    });

    it('is refused for a child, and lists only the steps of its pace, writing nothing', async () => {
      const child = await openCase(['RETURN'], { ...adult, ageBand: '14_17' });
      await expect(createFast(child)).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'FAST_RETURN_NOT_FOR_CHILD', field: 'pace' },
      });
      const unknownAge = await openCase(['RETURN'], { ...adult, ageBand: 'UNKNOWN' });
      await expect(createFast(unknownAge)).rejects.toMatchObject({
        details: { reason: 'FAST_RETURN_NOT_FOR_CHILD' },
      });
      const ids = await openCase(['RETURN']);
      expect(() =>
        parseInput(CreateRepatriationPlanInput.schema, {
          ...ids,
          pace: 'FAST_VOLUNTARY',
          steps: fastSteps([{ kind: 'ESCORT', owner: ngo }]),
        }),
      ).toThrow(
        expect.objectContaining({
          code: 'BAD_USER_INPUT',
          details: expect.objectContaining({ field: 'input.steps' }),
        }),
      );
      expect(() => parseInput(CreateRepatriationPlanInput.schema, { ...ids, steps: fastSteps() })).toThrow(
        expect.objectContaining({ details: expect.objectContaining({ field: 'input.steps' }) }),
      );
      for (const { caseId } of [child, unknownAge, ids]) {
        expect(await count(dataSource, 'repatriation_plan', `case_id = '${caseId}'`)).toBe(0);
      }
      // Exit clearance and funding may come along.
      const withClearance = await createFast(
        ids,
        fastSteps([
          { kind: 'EXIT_CLEARANCE', owner: immigration },
          { kind: 'FUNDING', owner: ngo },
        ]),
      );
      expect(withClearance.steps.map((step) => step.kind)).toEqual([
        'TRAVEL_DOCUMENT',
        'EXIT_CLEARANCE',
        'FUNDING',
        'TRAVEL_BOOKED',
      ]);
    });
  });

  describe('a person screened NOT_INDICATED', () => {
    const notIndicated = (ids: { caseId: string; personId: string }, confirmedOutcome = 'NOT_INDICATED') =>
      s.screenings.recordScreening(
        ngo,
        parseInput(RecordScreeningInput.schema, {
          ...ids,
          observations: [
            { code: 'UNODC-FC-ACT-01', observed: 'NO' },
            { code: 'UNODC-FC-MEANS-01', observed: 'NO' },
            { code: 'UNODC-FC-PURPOSE-01', observed: 'NO' },
          ],
          confirmedOutcome,
          reasons: 'Fictional reasons: came for work, free to leave.',
        }),
      );

    const migrantService = {
      name: 'Support for migrants in need (test)',
      serviceType: 'VULNERABLE_MIGRANT_SUPPORT',
      country: 'KH',
      stateProvince: 'Phnom Penh',
      capacityMaximum: null,
      capacityAvailable: null,
      genders: ['MALE', 'FEMALE'],
      ageBands: ['18_24', '25_34', '35_49'],
      languages: ['km', 'en', 'id'],
      eligibility: 'ANY',
      scheduleDescription: 'Weekdays',
    };

    it('is prompted for, found a service for vulnerable migrants, and referred to it', async () => {
      const ids = await openCase(['SERVICES_REFERRAL']);
      const screened = await notIndicated(ids);
      expect(screened.screenings[0]).toMatchObject({ confirmedOutcome: 'NOT_INDICATED' });
      const [prompt] = (await s.migrantSupport.listOpen(ngo)).filter((open) => open.caseId === ids.caseId);
      expect(prompt).toMatchObject({ personId: ids.personId, status: 'OPEN', referralId: null });
      // Screened again NOT_INDICATED: still one prompt.
      await notIndicated(ids);
      expect(
        (await s.migrantSupport.listOpen(ngo)).filter((open) => open.caseId === ids.caseId),
      ).toHaveLength(1);
      expect((await s.migrantSupport.listOpen(migrantNgo)).map((open) => open.caseId)).not.toContain(
        ids.caseId,
      );
      await expect(s.migrantSupport.listOpen(immigration)).rejects.toMatchObject({ code: 'FORBIDDEN' });

      expect(() =>
        parseInput(UpsertServiceInput.schema, { ...migrantService, eligibility: 'PRESUMED_VICTIM' }),
      ).toThrow(
        expect.objectContaining({ details: expect.objectContaining({ field: 'input.eligibility' }) }),
      );
      const service = await s.directory.upsertService(
        migrantNgo,
        parseInput(UpsertServiceInput.schema, migrantService),
      );
      const found = await s.directory.search(
        ngo,
        parseInput(ServiceFilter.schema, {
          serviceType: 'VULNERABLE_MIGRANT_SUPPORT',
          victimStatus: 'NOT_INDICATED',
        }),
      );
      expect(found.matches.map((match) => match.id)).toContain(service.id);

      const referral = await s.referrals.createReferral(
        ngo,
        parseInput(CreateReferralInput.schema, {
          ...ids,
          serviceId: service.id,
          sharedCategories: ['CONTACT'],
        }),
      );
      expect(referral).toMatchObject({ serviceType: 'VULNERABLE_MIGRANT_SUPPORT', status: 'PENDING' });
      expect((await s.migrantSupport.listOpen(ngo)).map((open) => open.caseId)).not.toContain(ids.caseId);
      const accepted = await s.referrals.respondToReferral(
        migrantNgo,
        parseInput(RespondToReferralInput.schema, { referralId: referral.id, decision: 'ACCEPT' }),
      );
      expect(accepted.status).toBe('ACCEPTED');

      const events = await eventsOf(ids.caseId, 'case.migrant-support');
      expect(events.map((event) => [event.type, event.payload.settlement ?? null])).toEqual([
        ['case.migrant-support-prompted@v1', null],
        ['case.migrant-support-prompt-settled@v1', 'REFERRED'],
      ]);
      expect(events[1].payload).toMatchObject({ promptId: prompt.id, referralId: referral.id });
    });

    it('is no longer prompted for once screened otherwise, and may decline the referral', async () => {
      const rescreened = await openCase(['SERVICES_REFERRAL']);
      await notIndicated(rescreened);
      await notIndicated(rescreened, 'PRESUMED_VICTIM');
      expect((await s.migrantSupport.listOpen(ngo)).map((open) => open.caseId)).not.toContain(
        rescreened.caseId,
      );
      const [superseded] = await eventsOf(rescreened.caseId, 'case.migrant-support-prompt-settled');
      expect(superseded.payload.settlement).toBe('SUPERSEDED');

      const declining = await openCase(['SERVICES_REFERRAL']);
      await notIndicated(declining);
      const [prompt] = (await s.migrantSupport.listOpen(ngo)).filter(
        (open) => open.caseId === declining.caseId,
      );
      const decline = (who: AuthenticatedActor) =>
        s.migrantSupport.decline(
          who,
          parseInput(DeclineMigrantSupportInput.schema, {
            promptId: prompt.id,
            note: 'Going home on his own.',
          }),
        );
      await expect(decline(migrantNgo)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const declined = await decline(ngo);
      expect(declined).toMatchObject({ status: 'DECLINED', note: 'Going home on his own.' });
      await expect(decline(ngo)).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'MIGRANT_SUPPORT_PROMPT_SETTLED', field: 'promptId' },
      });
    });
  });
});
