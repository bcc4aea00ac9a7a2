import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { OrganisationKind, Role } from '@passage/schemas';
import { findInDirectory } from '../support/directory.js';
import { graphql, type GraphqlResponse } from '../support/graphql-client.js';
import { as, signIn, type Session } from '../support/personas.js';
import { addPerson, setUpOrganisation } from '../support/organisation-setup.js';
import { startTestNode, type RunningNode } from '../support/running-node.js';

/** Every element of trafficking evidenced: a presumed victim of forced criminality. */
const OBSERVATIONS = [
  { code: 'UNODC-FC-ACT-01', observed: 'YES', notes: 'recruited by an online job advert (test)' },
  { code: 'UNODC-FC-MEANS-01', observed: 'YES' },
  { code: 'UNODC-FC-MEANS-02', observed: 'YES' },
  { code: 'UNODC-FC-PURPOSE-01', observed: 'YES' },
  { code: 'ILO-FL-03', observed: 'YES' },
  { code: 'ILO-FL-07', observed: 'YES' },
];

const BIRTH_DATE = '1996-04-12';
const TRAVEL_DOCUMENT = 'ETD-UG-0042';
const RECEPTION_ARRANGEMENT =
  'IOM Kampala meets him at Entebbe airport and takes him to his family in Masaka; the Vientiane NGO confirms arrival with IOM (test)';
const RISK_FACTORS = [
  'RE_TRAFFICKING',
  'REPRISALS',
  'DEBT_OR_RANSOM',
  'PROSECUTION_OR_PERSECUTION',
  'STIGMA',
  'FAMILY_SITUATION',
];

const UPDATE_PERSON = `mutation U($input: UpdatePersonInput!) { updatePerson(input: $input) { case { id } } }`;
const COMPLETE_TASK = `mutation T($input: CompleteFollowUpTaskInput!) { completeFollowUpTask(input: $input) { case { id } } }`;
const CLOSE_CASE = `mutation X($input: CloseCaseInput!) { closeCase(input: $input) { case { status outcome } } }`;
const CREATE_PLAN = `mutation P($input: CreateRepatriationPlanInput!) {
  createRepatriationPlan(input: $input) { plan { id returnCountry receptionGap receptionArrangement } }
}`;
const DETENTION = `detentionRecords { detainedNow daysDetainedAfterReasonableGrounds
  detentions { id releasedAt } nonPunishmentNotices { id } }`;

interface CaseWithDetention {
  detentionRecords: {
    detainedNow: boolean;
    daysDetainedAfterReasonableGrounds: number | null;
    detentions: { id: string; releasedAt: string | null }[];
    nonPunishmentNotices: { id: string }[];
  }[];
}

function ok<T>(response: GraphqlResponse<T>): T {
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!;
}

/**
 * Issue 10's journey through the gateway: a Ugandan man who escaped a compound in Myanmar reaches an NGO
 * in Vientiane with no passport and no phone, speaking Luganda. Every organisation he meets is created by
 * the platform operator on the spot, as a new country joining would be.
 */
describe('no dead ends: a survivor without a passport, in any language, from first contact to home', () => {
  let node: RunningNode;
  let admin: Session;
  let laoNgo: Session;
  let laoFocal: Session;
  let laoImmigration: Session;

  async function call<T>(session: Session, query: string, variables: Record<string, unknown> = {}) {
    return ok(await graphql<T>(node.gatewayUrl, query, { ...as(session), variables }));
  }

  /** The coded error a refused request got, and proof that it carried no data. */
  async function refusal(session: Session, query: string, variables: Record<string, unknown>) {
    const response = await graphql(node.gatewayUrl, query, { ...as(session), variables });
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.raw).not.toMatch(/at .*\.(ts|js):\d+/);
    return response.errors![0].extensions as Record<string, unknown>;
  }

  async function verify(proof: Record<string, string | null>) {
    const verified = await call<{ verifyProtectionAttestation: { status: string; issuedBy: string | null } }>(
      laoImmigration,
      `query V($code: String!, $documentNumber: String, $dateOfBirth: String, $holderPin: String) {
        verifyProtectionAttestation(code: $code, documentNumber: $documentNumber, dateOfBirth: $dateOfBirth, holderPin: $holderPin) {
          status issuedBy
        }
      }`,
      proof,
    );
    return verified.verifyProtectionAttestation;
  }

  /** Everything a refused change could have touched, as the owner sees it. */
  async function caseState(caseId: string) {
    return call(
      laoNgo,
      `query C($id: ID!) { case(id: $id) { status outcome people { version languages nationality dateOfBirth documentNumber } } }`,
      { id: caseId },
    );
  }

  /**
   * A Lao organisation as a new country's would start: the operator sets it up with its two
   * administrators, one of them creates the officer and the other approves the officer's roles, and the
   * officer enrols with their own password and authenticator (ADR 024).
   */
  async function laoOrganisation(name: string, kind: OrganisationKind, roles: Role[]): Promise<Session> {
    const organisation = await setUpOrganisation(node.gatewayUrl, admin, {
      kind,
      country: 'LA',
      name: `${name} ${randomUUID().slice(0, 4)} (test)`,
    });
    const officer = await addPerson(node.gatewayUrl, {
      organisationId: organisation.organisationId,
      creator: organisation.admin.session,
      approver: organisation.secondAdmin.session,
      roles,
    });
    return officer.session;
  }

  beforeAll(async () => {
    node = await startTestNode();
    admin = await signIn(node.gatewayUrl, 'admin@passage.demo');
    laoNgo = await laoOrganisation('Vientiane Migrant Support', 'NGO', ['CASEWORKER']);
    laoFocal = await laoOrganisation('Lao National Referral', 'NRM_COORDINATOR', ['FOCAL_POINT']);
    laoImmigration = await laoOrganisation('Lao Immigration', 'IMMIGRATION', ['VERIFIER']);
  });

  afterAll(async () => {
    await node?.stop();
  });

  it('takes him from a self-exit case in Luganda to protection, a travel document, home, and a closed case', async () => {
    const opened = await call<{
      openCase: { case: { id: string; people: { id: string; languages: string[] }[] } };
    }>(
      laoNgo,
      `mutation O($input: OpenCaseInput!) { openCase(input: $input) { case { id people { id languages } } } }`,
      {
        input: {
          origin: 'SELF_EXIT_ESCAPE',
          people: [
            {
              name: 'Ssemakula Joseph (test)',
              nationality: 'UG',
              gender: 'MALE',
              ageBand: 'AGE_25_34',
              languages: ['lg', 'en'],
              narrative: 'Escaped a compound in Myawaddy and crossed into Lao PDR (test).',
              currentLocation: 'Vientiane, NGO drop-in centre (test)',
            },
          ],
        },
      },
    );
    const caseId = opened.openCase.case.id;
    const personId = opened.openCase.case.people[0].id;
    expect(opened.openCase.case.people[0].languages).toEqual(['lg', 'en']);

    await call(
      laoNgo,
      `mutation R($input: RecordConsentInput!) { recordConsent(input: $input) { case { id } } }`,
      {
        input: {
          caseId,
          personId,
          purposes: ['SERVICES_REFERRAL', 'RETURN', 'ANONYMISED_STATISTICS'],
          language: 'lg',
          interpreterUsed: true,
          interpreterLanguage: 'lg',
        },
      },
    );
    await call(
      laoNgo,
      `mutation I($input: RecordInterviewInput!) { recordInterview(input: $input) { case { id } } }`,
      {
        input: {
          caseId,
          personId,
          interviewerGender: 'MALE',
          specialistInterviewer: true,
          language: 'lg',
          interpreterUsed: true,
          interpreterLanguage: 'lg',
          topics: ['ACT', 'MEANS', 'PURPOSE'],
          conductedAt: new Date().toISOString(),
        },
      },
    );
    await call(
      laoNgo,
      `mutation S($input: RecordScreeningInput!) { recordScreening(input: $input) { case { id } } }`,
      {
        input: {
          caseId,
          personId,
          observations: OBSERVATIONS,
          confirmedOutcome: 'PRESUMED_VICTIM',
          reasons: 'Deceptive recruitment, confinement and forced online fraud (test).',
        },
      },
    );
    const decided = await call<{
      recordIdentificationDecision: { case: { followUpTasks: { id: string; kind: string }[] } };
    }>(
      laoFocal,
      `mutation D($input: RecordIdentificationDecisionInput!) {
        recordIdentificationDecision(input: $input) { case { followUpTasks { id kind } } }
      }`,
      {
        input: {
          caseId,
          personId,
          status: 'REASONABLE_GROUNDS',
          legalBasis: 'Lao anti-trafficking law, reasonable grounds (test)',
          // Decided the day after he was detained; he stayed in detention a day longer.
          decidedAt: new Date(Date.now() - 86_400_000).toISOString(),
        },
      },
    );
    expect(decided.recordIdentificationDecision.case.followUpTasks.map((task) => task.kind).sort()).toEqual([
      'LEGAL_AID',
      'NON_PUNISHMENT_NOTICE',
      'RELEASE_FROM_DETENTION',
    ]);
    const tasks = Object.fromEntries(
      decided.recordIdentificationDecision.case.followUpTasks.map((task) => [task.kind, task.id]),
    );

    // He cannot show a passport, but he can say when he was born.
    await call(laoNgo, UPDATE_PERSON, { input: { caseId, personId, dateOfBirth: BIRTH_DATE } });
    const attestation = await call<{
      issueProtectionAttestation: { code: string; holderPin: string | null; boundTo: string[] };
    }>(
      laoFocal,
      `mutation A($input: IssueProtectionAttestationInput!) {
        issueProtectionAttestation(input: $input) { code holderPin boundTo }
      }`,
      { input: { caseId, personId } },
    );
    const { code, holderPin } = attestation.issueProtectionAttestation;
    expect(attestation.issueProtectionAttestation.boundTo.sort()).toEqual(['DATE_OF_BIRTH', 'HOLDER_PIN']);
    expect(holderPin).toMatch(/^\d{6}$/);
    // Lao immigration verifies with what he has, and learns nothing else.
    expect(await verify({ code, dateOfBirth: BIRTH_DATE })).toEqual({
      status: 'VALID',
      issuedBy: expect.any(String),
    });
    expect(await verify({ code, holderPin })).toEqual({ status: 'VALID', issuedBy: expect.any(String) });
    expect(await verify({ code, dateOfBirth: '1990-01-01' })).toEqual({
      status: 'NOT_FOUND',
      issuedBy: null,
    });
    const probe = await graphql(
      node.gatewayUrl,
      `
        query C($id: ID!) {
          case(id: $id) {
            id
          }
        }
      `,
      {
        ...as(laoImmigration),
        variables: { id: caseId },
      },
    );
    expect(probe.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(probe.raw).not.toMatch(/Ssemakula|Myawaddy/);

    // He had been held by the immigration police; the notice of non-punishment gets him out.
    const day = 86_400_000;
    const detained = await call<{ recordDetention: { case: CaseWithDetention } }>(
      laoNgo,
      `mutation R($input: RecordDetentionInput!) { recordDetention(input: $input) { case { ${DETENTION} } } }`,
      {
        input: {
          caseId,
          personId,
          facility: 'Immigration detention centre (test)',
          place: 'Vientiane',
          authority: 'Immigration police (test)',
          detainedSince: new Date(Date.now() - 2 * day).toISOString(),
        },
      },
    );
    const [record] = detained.recordDetention.case.detentionRecords;
    expect(record.detainedNow).toBe(true);
    const detentionId = record.detentions[0].id;
    const notice = await call<{ recordNonPunishmentNotice: { case: CaseWithDetention } }>(
      laoFocal,
      `mutation N($input: RecordNonPunishmentNoticeInput!) {
        recordNonPunishmentNotice(input: $input) { case { ${DETENTION} } }
      }`,
      {
        input: {
          caseId,
          personId,
          toAuthority: 'Immigration police (test)',
          sentAt: new Date(Date.now() - 12 * 3_600_000).toISOString(),
        },
      },
    );
    const noticeId = notice.recordNonPunishmentNotice.case.detentionRecords[0].nonPunishmentNotices[0].id;
    const released = await call<{ releaseFromDetention: { case: CaseWithDetention } }>(
      laoFocal,
      `mutation L($input: ReleaseFromDetentionInput!) { releaseFromDetention(input: $input) { case { ${DETENTION} } } }`,
      {
        input: {
          detentionId,
          releasedAt: new Date(Date.now() - 60_000).toISOString(),
          releaseBasis: 'NON_PUNISHMENT_NOTICE',
          nonPunishmentNoticeId: noticeId,
        },
      },
    );
    const [afterRelease] = released.releaseFromDetention.case.detentionRecords;
    expect(afterRelease.detainedNow).toBe(false);
    expect(afterRelease.detentions[0].releasedAt).not.toBeNull();
    // Reasonable grounds were decided a day before he was let out: that day is on the record.
    expect(afterRelease.daysDetainedAfterReasonableGrounds).toBeGreaterThan(0.9);

    // The NGO cannot complete the coordinator's task; the coordinator completes each of them.
    const completion = (taskId: string, extra: Record<string, unknown> = {}) => ({
      input: { taskId, outcome: 'done (test)', completedAt: new Date().toISOString(), ...extra },
    });
    const someoneElses = await refusal(laoNgo, COMPLETE_TASK, completion(tasks.LEGAL_AID));
    expect(someoneElses).toMatchObject({ code: 'FORBIDDEN', field: 'input.taskId' });
    await call(laoFocal, COMPLETE_TASK, completion(tasks.RELEASE_FROM_DETENTION, { detentionId }));
    await call(
      laoFocal,
      COMPLETE_TASK,
      completion(tasks.NON_PUNISHMENT_NOTICE, { nonPunishmentNoticeId: noticeId }),
    );
    await call(laoFocal, COMPLETE_TASK, completion(tasks.LEGAL_AID));

    // The Ugandan consulate issues an emergency travel document; the attestation follows it, same code.
    await call(laoNgo, UPDATE_PERSON, {
      input: { caseId, personId, documentType: 'EMERGENCY_TRAVEL_DOCUMENT', documentNumber: TRAVEL_DOCUMENT },
    });
    expect(await verify({ code, documentNumber: TRAVEL_DOCUMENT })).toEqual({
      status: 'VALID',
      issuedBy: expect.any(String),
    });

    // Home to Uganda, where no organisation on the platform works: the plan says so and who receives him.
    await findInDirectory(node.gatewayUrl, laoNgo, 'LA', 'Lao Immigration');
    await call(
      laoNgo,
      `mutation R($input: RecordRiskAssessmentInput!) { recordRiskAssessment(input: $input) { riskAssessment { id } } }`,
      {
        input: {
          caseId,
          personId,
          factors: RISK_FACTORS.map((factor) => ({ factor, level: 'LOW' })),
          conclusion: 'SAFE_TO_RETURN',
          assessedAt: new Date().toISOString(),
        },
      },
    );
    const due = (days: number) => new Date(Date.now() + days * day).toISOString().slice(0, 10);
    const planInput = (extra: Record<string, unknown>) => ({
      input: {
        caseId,
        personId,
        returnCountry: 'UG',
        steps: [
          ['TRAVEL_DOCUMENT', laoNgo],
          ['EXIT_CLEARANCE', laoImmigration],
          ['FUNDING', laoNgo],
          ['TRAVEL_BOOKED', laoNgo],
          ['ESCORT', laoNgo],
          ['RECEPTION', laoNgo],
        ].map(([kind, owner], index) => ({
          kind,
          ownerOrganisationId: (owner as Session).user.organisationId,
          dueOn: due(5 + index),
        })),
        ...extra,
      },
    });
    const unarranged = await refusal(laoNgo, CREATE_PLAN, planInput({}));
    expect(unarranged).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.receptionArrangement',
      reason: 'RECEPTION_ARRANGEMENT_REQUIRED',
    });
    const planned = await call<{
      createRepatriationPlan: { plan: Record<string, unknown> & { id: string } };
    }>(laoNgo, CREATE_PLAN, planInput({ receptionArrangement: RECEPTION_ARRANGEMENT }));
    const plan = planned.createRepatriationPlan.plan;
    expect(plan).toMatchObject({
      returnCountry: 'UG',
      receptionGap: 'NO_RECEIVING_ORGANISATION_IN_RETURN_COUNTRY',
      receptionArrangement: RECEPTION_ARRANGEMENT,
    });
    const step = (session: Session, input: Record<string, unknown>) =>
      call(
        session,
        `mutation S($input: UpdateRepatriationStepInput!) { updateRepatriationStep(input: $input) { plan { id } } }`,
        { input: { planId: plan.id, ...input } },
      );
    await step(laoNgo, { step: 'TRAVEL_DOCUMENT', status: 'IN_PROGRESS' });
    await step(laoNgo, { step: 'TRAVEL_DOCUMENT', status: 'DONE' });
    await step(laoNgo, {
      step: 'EXIT_CLEARANCE',
      status: 'IN_PROGRESS',
      exitClearance: {
        travelDocumentNumber: TRAVEL_DOCUMENT,
        nameOnTravelDocument: 'SSEMAKULA JOSEPH',
        attestationCode: code,
        requestedDepartureDate: due(9),
      },
    });
    const requests = await call<{
      exitClearanceRequests: { edges: { node: { id: string; travelDocumentNumber: string } }[] };
    }>(laoImmigration, `{ exitClearanceRequests { edges { node { id travelDocumentNumber } } } }`);
    const request = requests.exitClearanceRequests.edges.find(
      (edge) => edge.node.travelDocumentNumber === TRAVEL_DOCUMENT,
    )!.node;
    await call(
      laoImmigration,
      `mutation E($input: RespondToExitClearanceInput!) { respondToExitClearance(input: $input) { request { status } } }`,
      { input: { requestId: request.id, decision: 'GRANTED', fineWaived: true, reference: 'IMM-LA-TEST-1' } },
    );
    await call(
      laoFocal,
      `mutation A($id: ID!) { approveRepatriationPlan(planId: $id) { plan { status } } }`,
      { id: plan.id },
    );
    for (const remaining of ['FUNDING', 'TRAVEL_BOOKED', 'ESCORT']) {
      await step(laoNgo, { step: remaining, status: 'IN_PROGRESS' });
      await step(laoNgo, { step: remaining, status: 'DONE' });
    }
    const arrived = await call<{ confirmArrival: { plan: { status: string; followUps: unknown[] } } }>(
      laoNgo,
      `mutation C($input: ConfirmArrivalInput!) { confirmArrival(input: $input) { plan { status followUps { id } } } }`,
      { input: { planId: plan.id, arrivedAt: new Date().toISOString() } },
    );
    expect(arrived.confirmArrival.plan.status).toBe('COMPLETED');
    expect(arrived.confirmArrival.plan.followUps).toHaveLength(4);

    const closed = await call<{ closeCase: { case: { status: string; outcome: string } } }>(
      laoNgo,
      CLOSE_CASE,
      {
        input: { caseId, outcome: 'RETURNED_HOME' },
      },
    );
    expect(closed.closeCase.case).toEqual({ status: 'CLOSED', outcome: 'RETURNED_HOME' });

    // Bad input: a coded error naming the field, and nothing written.
    const before = await caseState(caseId);
    expect(await refusal(laoNgo, CLOSE_CASE, { input: { caseId, outcome: 'LOST_CONTACT' } })).toMatchObject({
      code: 'CONFLICT',
      field: 'input.caseId',
      reason: 'CASE_ALREADY_CLOSED',
    });
    expect(await caseState(caseId)).toEqual(before);
  });

  it('refuses an unknown code and a date of birth in the future with the field named, writing nothing', async () => {
    const opened = await call<{ openCase: { case: { id: string; people: { id: string }[] } } }>(
      laoNgo,
      `mutation O($input: OpenCaseInput!) { openCase(input: $input) { case { id people { id } } } }`,
      {
        input: {
          origin: 'SELF_EXIT_RANSOM',
          people: [
            {
              alias: 'K. (test)',
              nationality: 'UG',
              gender: 'FEMALE',
              ageBand: 'AGE_18_24',
              languages: ['lg'],
            },
          ],
        },
      },
    );
    const caseId = opened.openCase.case.id;
    const personId = opened.openCase.case.people[0].id;
    const before = await caseState(caseId);
    expect(
      await refusal(laoNgo, UPDATE_PERSON, { input: { caseId, personId, languages: ['lg', 'xq'] } }),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.languages.1' });
    expect(
      await refusal(laoNgo, UPDATE_PERSON, { input: { caseId, personId, nationality: 'QQ' } }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.nationality',
    });
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    expect(
      await refusal(laoNgo, UPDATE_PERSON, { input: { caseId, personId, dateOfBirth: tomorrow } }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.dateOfBirth',
      reason: 'DATE_IN_FUTURE',
    });
    expect(await caseState(caseId)).toEqual(before);
  });
});
