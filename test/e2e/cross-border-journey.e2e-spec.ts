import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestBus, eventually, readTopic } from '@passage/shared/testing';
import { findInDirectory } from '../support/directory.js';
import { graphql, type GraphqlResponse } from '../support/graphql-client.js';
import { as, signIn, type Session } from '../support/personas.js';
import { startTestNode, type RunningNode } from '../support/running-node.js';

/**
 * The acceptance journey of the regional mechanism, with the demo personas on their own nodes: node A
 * hosts Cambodia (and Thailand, Lao PDR, Myanmar), node B Indonesia and the rest. Everything goes through
 * the gateways; the databases and the raw Kafka topics are then read for what must not be there.
 */

// What the embassy knew when it asked for the rescue, and what the case learned afterwards.
const REPORTED_AS = 'Dewi L. (test)';
const NAME = 'Dewi Lestari Wulandari (test)';
const DOCUMENT = 'X4455667';
const NARRATIVE = 'Moved between three compounds in Sihanoukville (narrative, test).';
const MEDICAL = 'Untreated fracture of the wrist (health, test).';
const CONTACT = '+62 811 222 333 (contact, test)';
const COMPOUND = 'Golden Reef block C (test)';
const FOLLOW_UP_NOTES = 'Living with her sister, looking for work (test).';

const SUBMIT = `mutation S($input: SubmitRescueRequestInput!) { submitRescueRequest(input: $input) { rescueRequest { id } } }`;
const REQUEST = `query R($id: ID!) { rescueRequest(id: $id) { status side } }`;
const MOVE_REQUEST = `mutation U($input: UpdateRescueRequestStatusInput!) { updateRescueRequestStatus(input: $input) { rescueRequest { status } } }`;
const OPEN_CASE = `mutation O($input: OpenCaseInput!) { openCase(input: $input) { case { id people { id } } } }`;
const CONSENT = `mutation C($input: RecordConsentInput!) { recordConsent(input: $input) { case { id } } }`;
const WITHDRAW = `mutation W($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { consent { purpose } } }`;
const INTERVIEW = `mutation I($input: RecordInterviewInput!) { recordInterview(input: $input) { case { id } } }`;
const SCREENING = `mutation S($input: RecordScreeningInput!) { recordScreening(input: $input) { case { screenings { suggestedOutcome confirmedOutcome } } } }`;
const DECISION = `mutation D($input: RecordIdentificationDecisionInput!) { recordIdentificationDecision(input: $input) { case { identificationDecisions { status recognisedBy } } } }`;
const CASE_DECISIONS = `query C($id: ID!) { case(id: $id) { identificationDecisions { status recognisedBy } } }`;
const ATTEST = `mutation A($input: IssueProtectionAttestationInput!) { issueProtectionAttestation(input: $input) { code } }`;
const UPSERT_SERVICE = `mutation U($input: UpsertServiceInput!) { upsertService(input: $input) { service { id } } }`;
const SERVICES = `query S($filter: ServiceFilter) { services(filter: $filter) { matches { id name } } }`;
const REFER = `mutation R($input: CreateReferralInput!) { createReferral(input: $input) { referral { id status } } }`;
const RESPOND_REFERRAL = `mutation A($input: RespondToReferralInput!) { respondToReferral(input: $input) { referral { status } } }`;
const CASE_AT_SHELTER = `query C($id: ID!) { case(id: $id) { people { name contact narrative medicalNotes documentNumber } } }`;
const PLAN_FIELDS = `id caseReference sharedFromCountry status arrivedAt lastRefusal { code }
  steps { kind ownerOrganisationId ownerCountry status enteredAt leftAt }
  followUps { id monthsAfter outcome notes recordedAt }`;
const CREATE_PLAN = `mutation P($input: CreateRepatriationPlanInput!) { createRepatriationPlan(input: $input) { plan { ${PLAN_FIELDS} } } }`;
const PLANS = `{ repatriationPlans { ${PLAN_FIELDS} } }`;
const MOVE_STEP = `mutation S($input: UpdateRepatriationStepInput!) { updateRepatriationStep(input: $input) { plan { ${PLAN_FIELDS} } } }`;
const EXIT_REQUESTS = `{ exitClearanceRequests { edges { node { id travelDocumentNumber nameOnTravelDocument attestationCode requestedDepartureDate status } } } }`;
const ANSWER_EXIT = `mutation E($input: RespondToExitClearanceInput!) { respondToExitClearance(input: $input) { request { status } } }`;
const ASSESS = `mutation R($input: RecordRiskAssessmentInput!) { recordRiskAssessment(input: $input) { riskAssessment { id } } }`;
const APPROVE = `mutation A($id: ID!) { approveRepatriationPlan(planId: $id) { plan { status } } }`;
const OFFER = `mutation H($input: OfferHandoffInput!) { offerHandoff(input: $input) { handoff { id status sharedCategories } } }`;
const RESPOND_HANDOFF = `mutation R($input: RespondToHandoffInput!) { respondToHandoff(input: $input) { handoff { id status packet { json } } } }`;
const HANDOFFS = `{ handoffs { id direction status packet { json } } }`;
const RECOGNISE = `mutation G($input: RecogniseIdentificationDecisionInput!) { recogniseIdentificationDecision(input: $input) }`;
const ARRIVE = `mutation C($input: ConfirmArrivalInput!) { confirmArrival(input: $input) { plan { ${PLAN_FIELDS} } } }`;
const FOLLOW_UP = `mutation F($input: RecordFollowUpInput!) { recordFollowUp(input: $input) { plan { ${PLAN_FIELDS} } } }`;

/** Every trafficking element evidenced: presumption of a victim of forced criminality. */
const OBSERVATIONS = [
  { code: 'UNODC-FC-ACT-01', observed: 'YES', notes: 'recruited through a job advert (test)' },
  { code: 'UNODC-FC-MEANS-01', observed: 'YES' },
  { code: 'UNODC-FC-MEANS-02', observed: 'YES' },
  { code: 'UNODC-FC-PURPOSE-01', observed: 'YES' },
  { code: 'ILO-FL-03', observed: 'YES' },
  { code: 'ILO-FL-07', observed: 'YES' },
];

const RISK_FACTORS = [
  'RE_TRAFFICKING',
  'REPRISALS',
  'DEBT_OR_RANSOM',
  'PROSECUTION_OR_PERSECUTION',
  'STIGMA',
  'FAMILY_SITUATION',
].map((factor) => ({ factor, level: 'LOW' }));

interface PlanView {
  id: string;
  caseReference: string;
  sharedFromCountry: string | null;
  status: string;
  arrivedAt: string | null;
  lastRefusal: { code: string } | null;
  steps: { kind: string; ownerOrganisationId: string; ownerCountry: string; status: string }[];
  followUps: {
    id: string;
    monthsAfter: number;
    outcome: string | null;
    notes: string | null;
    recordedAt: string | null;
  }[];
}

function ok<T>(response: GraphqlResponse<T>): T {
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!;
}

async function query(databaseUrl: string, sql: string, parameters: unknown[] = []) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

/** Every row of every table of a database, as one text: what an operator of that node could read. */
async function everythingIn(databaseUrl: string): Promise<string> {
  const tables = await query(
    databaseUrl,
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const dumps: string[] = [];
  for (const { table_name: table } of tables) {
    const rows = await query(databaseUrl, `SELECT * FROM "${String(table)}"`);
    // bytea columns (outbox records) as the bytes they hold, not as JSON arrays of numbers.
    const readable = rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([column, value]) => [
          column,
          Buffer.isBuffer(value) ? value.toString('latin1') : value,
        ]),
      ),
    );
    dumps.push(JSON.stringify(readable));
  }
  return dumps.join('\n');
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('the whole journey across two country nodes (real services, Postgres, Kafka)', () => {
  let nodeA: RunningNode;
  let nodeB: RunningNode;
  // Node A (Cambodia)
  let focal: Session;
  let shelter: Session;
  let immigration: Session;
  // Node B (Indonesia)
  let consul: Session;
  let focalId: Session;
  let ngoId: Session;

  const at = (node: () => RunningNode, session: () => Session) =>
    async function <T>(document: string, variables: Record<string, unknown> = {}) {
      return graphql<T>(node().gatewayUrl, document, { ...as(session()), variables });
    };
  const asFocal = at(
    () => nodeA,
    () => focal,
  );
  const asShelter = at(
    () => nodeA,
    () => shelter,
  );
  const asImmigration = at(
    () => nodeA,
    () => immigration,
  );
  const asConsul = at(
    () => nodeB,
    () => consul,
  );
  const asFocalId = at(
    () => nodeB,
    () => focalId,
  );
  const asNgoId = at(
    () => nodeB,
    () => ngoId,
  );

  async function signInAtB() {
    [consul, focalId, ngoId] = await Promise.all(
      ['consul.id-kh', 'focal.id', 'ngo.id'].map((name) => signIn(nodeB.gatewayUrl, `${name}@passage.demo`)),
    );
  }

  beforeAll(async () => {
    [nodeA, nodeB] = await Promise.all([startTestNode('e2ea'), startTestNode('e2eb')]);
    [focal, shelter, immigration] = await Promise.all(
      ['focal.kh', 'shelter.kh', 'immigration.kh'].map((name) =>
        signIn(nodeA.gatewayUrl, `${name}@passage.demo`),
      ),
    );
    await signInAtB();
  });

  afterAll(async () => {
    await Promise.all([nodeA?.stop(), nodeB?.stop()]);
  });

  it('takes a person from a rescue request on node B to reintegration at home, sharing only what she consented to', async () => {
    // 1. The Indonesian embassy (node B) asks Cambodia (node A) to rescue her; the focal point acknowledges.
    const requestId = ok(
      await asConsul<{ submitRescueRequest: { rescueRequest: { id: string } } }>(SUBMIT, {
        input: {
          onBehalfOf: 'RELATIVE',
          people: [{ nameOrAlias: REPORTED_AS, nationality: 'ID', gender: 'FEMALE', ageBand: '25_34' }],
          othersCount: 2,
          location: { compoundName: COMPOUND, province: 'Preah Sihanouk', country: 'KH' },
        },
      }),
    ).submitRescueRequest.rescueRequest.id;
    const moveRequest = (status: string, outcome?: string) =>
      asFocal(MOVE_REQUEST, { input: { id: requestId, status, outcome } });
    await eventually(async () => expect((await moveRequest('ACKNOWLEDGED')).errors).toBeUndefined());
    await eventually(async () => {
      const seen = await asConsul<{ rescueRequest: { status: string; side: string } }>(REQUEST, {
        id: requestId,
      });
      expect(seen.data?.rescueRequest).toEqual({ status: 'ACKNOWLEDGED', side: 'REQUESTER' });
    });

    // 2. Released; screened; a reasonable-grounds decision; a protection attestation.
    ok(await moveRequest('VERIFYING'));
    ok(await moveRequest('RESOLVED', 'RELEASED'));
    const opened = ok(
      await asFocal<{ openCase: { case: { id: string; people: { id: string }[] } } }>(OPEN_CASE, {
        input: {
          origin: 'RESCUE',
          rescueRequestId: requestId,
          people: [
            {
              name: NAME,
              nationality: 'ID',
              gender: 'FEMALE',
              ageBand: 'AGE_25_34',
              languages: ['id'],
              documentType: 'PASSPORT',
              documentNumber: DOCUMENT,
              narrative: NARRATIVE,
              medicalNotes: MEDICAL,
              contact: CONTACT,
              immediateNeeds: ['SHELTER'],
            },
          ],
        },
      }),
    ).openCase.case;
    const caseId = opened.id;
    const personId = opened.people[0].id;
    ok(
      await asFocal(CONSENT, {
        input: {
          caseId,
          personId,
          purposes: ['SERVICES_REFERRAL', 'RETURN', 'CROSS_BORDER_HANDOFF'],
          language: 'id',
          interpreterUsed: true,
          interpreterLanguage: 'id',
        },
      }),
    );
    ok(
      await asFocal(INTERVIEW, {
        input: {
          caseId,
          personId,
          interviewerGender: 'FEMALE',
          specialistInterviewer: true,
          language: 'id',
          interpreterUsed: true,
          interpreterLanguage: 'id',
          topics: ['ACT', 'MEANS', 'PURPOSE'],
          conductedAt: new Date().toISOString(),
        },
      }),
    );
    const screened = ok(
      await asFocal<{ recordScreening: { case: { screenings: { confirmedOutcome: string }[] } } }>(
        SCREENING,
        {
          input: {
            caseId,
            personId,
            observations: OBSERVATIONS,
            confirmedOutcome: 'PRESUMED_VICTIM',
            reasons: 'Every element evidenced in the interview (test).',
          },
        },
      ),
    );
    expect(screened.recordScreening.case.screenings.at(-1)?.confirmedOutcome).toBe('PRESUMED_VICTIM');
    ok(
      await asFocal(DECISION, {
        input: {
          caseId,
          personId,
          status: 'REASONABLE_GROUNDS',
          legalBasis: 'national anti-trafficking law, reasonable-grounds provision (test)',
          decidedAt: new Date().toISOString(),
        },
      }),
    );
    const attestationCode = ok(
      await asFocal<{ issueProtectionAttestation: { code: string } }>(ATTEST, {
        input: { caseId, personId },
      }),
    ).issueProtectionAttestation.code;

    // 3. A shelter found by her needs accepts a referral carrying her name and contact only.
    const serviceName = `Safe rooms for women ${Date.now()} (test)`;
    ok(
      await asShelter(UPSERT_SERVICE, {
        input: {
          name: serviceName,
          serviceType: 'SHELTER',
          country: 'KH',
          stateProvince: 'Phnom Penh',
          capacityMaximum: 10,
          capacityAvailable: 2,
          genders: ['FEMALE'],
          ageBands: ['AGE_25_34'],
          languages: ['id', 'en'],
          eligibility: 'PRESUMED_VICTIM',
        },
      }),
    );
    const matches = ok(
      await asFocal<{ services: { matches: { id: string; name: string }[] } }>(SERVICES, {
        filter: {
          serviceType: 'SHELTER',
          country: 'KH',
          gender: 'FEMALE',
          ageBand: 'AGE_25_34',
          languages: ['id'],
        },
      }),
    ).services.matches;
    const service = matches.find((match) => match.name === serviceName)!;
    expect(service).toBeDefined();
    const referral = ok(
      await asFocal<{ createReferral: { referral: { id: string } } }>(REFER, {
        input: { caseId, personId, serviceId: service.id, sharedCategories: ['IDENTITY', 'CONTACT'] },
      }),
    ).createReferral.referral;
    ok(await asShelter(RESPOND_REFERRAL, { input: { referralId: referral.id, decision: 'ACCEPT' } }));
    const atShelter = ok(
      await asShelter<{ case: { people: Record<string, unknown>[] } }>(CASE_AT_SHELTER, { id: caseId }),
    );
    expect(atShelter.case.people[0]).toEqual({
      name: NAME,
      contact: CONTACT,
      narrative: null,
      medicalNotes: null,
      documentNumber: null,
    });

    // 4. A repatriation plan: the embassy (node B) issues the travel document; focal.id (node B) receives her.
    // Node A knows them from the regional directory, which node B filled through the exchange.
    const [embassyEntry, receptionEntry, immigrationEntry] = await Promise.all([
      findInDirectory(nodeA.gatewayUrl, focal, 'ID', 'Embassy of Indonesia'),
      findInDirectory(nodeA.gatewayUrl, focal, 'ID', 'Indonesia National Referral'),
      findInDirectory(nodeA.gatewayUrl, focal, 'KH', 'Cambodia Immigration'),
    ]);
    expect(embassyEntry).toMatchObject({ id: consul.user.organisationId, hostedOnThisNode: false });
    expect(receptionEntry).toMatchObject({ id: focalId.user.organisationId, kind: 'NRM_COORDINATOR' });
    expect(immigrationEntry).toMatchObject({ id: immigration.user.organisationId, hostedOnThisNode: true });
    const plan = ok(
      await asFocal<{ createRepatriationPlan: { plan: PlanView } }>(CREATE_PLAN, {
        input: {
          caseId,
          personId,
          returnCountry: 'ID',
          steps: [
            { kind: 'TRAVEL_DOCUMENT', ownerOrganisationId: embassyEntry.id, dueOn: day(10) },
            { kind: 'EXIT_CLEARANCE', ownerOrganisationId: immigrationEntry.id, dueOn: day(20) },
            { kind: 'FUNDING', ownerOrganisationId: focal.user.organisationId, dueOn: day(20) },
            { kind: 'TRAVEL_BOOKED', ownerOrganisationId: focal.user.organisationId, dueOn: day(25) },
            { kind: 'ESCORT', ownerOrganisationId: focal.user.organisationId, dueOn: day(30) },
            { kind: 'RECEPTION', ownerOrganisationId: receptionEntry.id, dueOn: day(31) },
          ],
        },
      }),
    ).createRepatriationPlan.plan;
    expect(plan.sharedFromCountry).toBeNull();

    const planAt = async (who: typeof asFocal) => {
      const plans = ok(await who<{ repatriationPlans: PlanView[] }>(PLANS)).repatriationPlans;
      const found = plans.find((candidate) => candidate.id === plan.id);
      if (!found) throw new Error(`plan ${plan.id} not listed`);
      return found;
    };
    const stepOf = (view: PlanView, kind: string) => view.steps.find((step) => step.kind === kind)!;

    // The embassy sees the plan on its own node: operational facts, the case reference, nothing personal.
    const atEmbassy = await eventually(() => planAt(asConsul));
    expect(atEmbassy).toMatchObject({ sharedFromCountry: 'KH', caseReference: plan.caseReference });
    expect(JSON.stringify(atEmbassy)).not.toMatch(/Dewi|Wulandari|X4455667/);
    // Nobody receives before approval: node B's own check answers at once, with the rule's code.
    const early = await asFocalId(MOVE_STEP, {
      input: { planId: plan.id, step: 'RECEPTION', status: 'IN_PROGRESS' },
    });
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STEP_NEEDS_APPROVAL' });
    // A step owned by someone else is not the embassy's to move.
    const notTheirs = await asConsul(MOVE_STEP, {
      input: { planId: plan.id, step: 'RECEPTION', status: 'IN_PROGRESS' },
    });
    expect(notTheirs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    ok(
      await asConsul(MOVE_STEP, {
        input: { planId: plan.id, step: 'TRAVEL_DOCUMENT', status: 'IN_PROGRESS' },
      }),
    );
    ok(await asConsul(MOVE_STEP, { input: { planId: plan.id, step: 'TRAVEL_DOCUMENT', status: 'DONE' } }));
    await eventually(async () => {
      const travelDocument = stepOf(await planAt(asFocal), 'TRAVEL_DOCUMENT');
      expect(travelDocument).toMatchObject({ status: 'DONE', ownerCountry: 'ID' });
    });

    // 5. Exit clearance: immigration.kh sees the four fields of the minimal request, nothing else, and grants it.
    ok(
      await asFocal(MOVE_STEP, {
        input: {
          planId: plan.id,
          step: 'EXIT_CLEARANCE',
          status: 'IN_PROGRESS',
          exitClearance: {
            travelDocumentNumber: DOCUMENT,
            nameOnTravelDocument: 'DEWI LESTARI WULANDARI',
            attestationCode,
            requestedDepartureDate: day(21),
          },
        },
      }),
    );
    const requests = ok(
      await asImmigration<{
        exitClearanceRequests: { edges: { node: Record<string, unknown> & { id: string } }[] };
      }>(EXIT_REQUESTS),
    ).exitClearanceRequests.edges.map((edge) => edge.node);
    const request = requests.find((candidate) => candidate.travelDocumentNumber === DOCUMENT)!;
    expect(Object.keys(request).sort()).toEqual([
      'attestationCode',
      'id',
      'nameOnTravelDocument',
      'requestedDepartureDate',
      'status',
      'travelDocumentNumber',
    ]);
    for (const probe of [`query C($id: ID!) { case(id: $id) { id } }`, PLANS]) {
      const refused = await asImmigration(probe, { id: caseId });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.raw).not.toMatch(/Wulandari|Sihanoukville|fracture/);
    }
    ok(
      await asImmigration(ANSWER_EXIT, {
        input: {
          requestId: request.id,
          decision: 'GRANTED',
          fineWaived: true,
          reference: 'IMM-KH-JOURNEY-1',
        },
      }),
    );

    // 6. Risk assessment and consent to return allow approval by the coordinator.
    ok(
      await asFocal(ASSESS, {
        input: {
          caseId,
          personId,
          factors: RISK_FACTORS,
          conclusion: 'SAFE_TO_RETURN',
          assessedAt: new Date().toISOString(),
        },
      }),
    );
    expect(
      ok(await asFocal<{ approveRepatriationPlan: { plan: { status: string } } }>(APPROVE, { id: plan.id })),
    ).toEqual({ approveRepatriationPlan: { plan: { status: 'APPROVED' } } });
    await eventually(async () => expect((await planAt(asFocalId)).status).toBe('APPROVED'));

    // 7. Node B goes down. Meanwhile node A hands the case off to focal.id and the journey is booked.
    await nodeB.stop();
    const handoff = ok(
      await asFocal<{ offerHandoff: { handoff: { id: string; sharedCategories: string[] } } }>(OFFER, {
        input: {
          caseId,
          personId,
          recipientCountry: 'ID',
          recipientOrganisationId: receptionEntry.id,
          categories: ['IDENTITY', 'LEGAL'],
          note: 'Arrives in Jakarta with an escort (test).',
        },
      }),
    ).offerHandoff.handoff;
    expect([...handoff.sharedCategories].sort()).toEqual(['IDENTITY', 'LEGAL', 'OPERATIONAL']);
    for (const kind of ['FUNDING', 'TRAVEL_BOOKED', 'ESCORT']) {
      ok(await asFocal(MOVE_STEP, { input: { planId: plan.id, step: kind, status: 'IN_PROGRESS' } }));
      ok(await asFocal(MOVE_STEP, { input: { planId: plan.id, step: kind, status: 'DONE' } }));
    }
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    nodeB = await startTestNode('e2eb', {}, { freshDatabases: false });
    await signInAtB();

    // 8. Back up, node B has everything node A sent meanwhile: the offer and the plan's progress.
    await eventually(
      async () => {
        const received = ok(await asFocalId<{ handoffs: { id: string; status: string }[] }>(HANDOFFS));
        expect(received.handoffs.find((candidate) => candidate.id === handoff.id)?.status).toBe('OFFERED');
        const atReception = await planAt(asFocalId);
        expect(atReception.steps.filter((step) => step.status === 'DONE').map((step) => step.kind)).toEqual([
          'TRAVEL_DOCUMENT',
          'EXIT_CLEARANCE',
          'FUNDING',
          'TRAVEL_BOOKED',
          'ESCORT',
        ]);
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    const accepted = ok(
      await asFocalId<{ respondToHandoff: { handoff: { status: string; packet: { json: string } } } }>(
        RESPOND_HANDOFF,
        { input: { handoffId: handoff.id, decision: 'ACCEPTED' } },
      ),
    ).respondToHandoff.handoff;
    const packet = JSON.parse(accepted.packet.json);
    expect(packet.identity).toMatchObject({ name: NAME, nationality: 'ID' });
    expect(packet.legal).toMatchObject({ documentNumber: DOCUMENT });
    expect(packet).not.toHaveProperty('narrative');
    expect(packet).not.toHaveProperty('health');
    expect(packet).not.toHaveProperty('contact');
    // Indonesia recognises Cambodia's decision instead of identifying her again; Cambodia records it.
    ok(
      await asFocalId(RECOGNISE, {
        input: {
          handoffId: handoff.id,
          decisionJurisdiction: 'KH',
          legalBasis: 'recognition under the regional mechanism (test)',
        },
      }),
    );
    // Both sides read the same story of the handoff.
    const TIMELINE = `{ handoffs { id timeline { event organisationName country detail } } }`;
    const story = async (who: typeof asFocal) => {
      const listed = ok(
        await who<{
          handoffs: {
            id: string;
            timeline: {
              event: string;
              organisationName: string | null;
              country: string;
              detail: string | null;
            }[];
          }[];
        }>(TIMELINE),
      ).handoffs;
      return listed.find((candidate) => candidate.id === handoff.id)?.timeline ?? [];
    };
    const expected = [
      {
        event: 'OFFERED',
        organisationName: 'Cambodia National Referral Focal Point (demo)',
        country: 'KH',
        detail: null,
      },
      {
        event: 'ACCEPTED',
        organisationName: 'Indonesia National Referral Focal Point (demo)',
        country: 'ID',
        detail: null,
      },
      {
        event: 'DECISION_RECOGNISED',
        organisationName: 'Indonesia National Referral Focal Point (demo)',
        country: 'ID',
        detail: 'KH',
      },
    ];
    expect(await story(asFocalId)).toEqual(expected);
    await eventually(async () => expect(await story(asFocal)).toEqual(expected));
    await eventually(async () => {
      const decisions = ok(
        await asFocal<{ case: { identificationDecisions: { recognisedBy: string[] }[] } }>(CASE_DECISIONS, {
          id: caseId,
        }),
      ).case.identificationDecisions;
      expect(decisions[0].recognisedBy).toEqual(['ID']);
    });

    // 9. She arrives: focal.id confirms on node B; node A closes the plan and schedules the follow-ups.
    ok(await asFocalId(MOVE_STEP, { input: { planId: plan.id, step: 'RECEPTION', status: 'IN_PROGRESS' } }));
    ok(await asFocalId(ARRIVE, { input: { planId: plan.id, arrivedAt: new Date().toISOString() } }));
    const closed = await eventually(async () => {
      const atA = await planAt(asFocal);
      expect(atA.status).toBe('COMPLETED');
      return atA;
    });
    expect(closed.followUps.map((followUp) => followUp.monthsAfter)).toEqual([1, 3, 6, 12]);
    expect(stepOf(closed, 'RECEPTION')).toMatchObject({ status: 'DONE' });
    const firstFollowUp = await eventually(async () => {
      const atB = await planAt(asFocalId);
      expect(atB.followUps).toHaveLength(4);
      return atB.followUps[0];
    });
    const recorded = ok(
      await asFocalId<{ recordFollowUp: { plan: PlanView } }>(FOLLOW_UP, {
        input: { followUpId: firstFollowUp.id, outcome: 'REINTEGRATING', notes: FOLLOW_UP_NOTES },
      }),
    ).recordFollowUp.plan;
    expect(recorded.followUps[0]).toMatchObject({ outcome: 'REINTEGRATING', notes: FOLLOW_UP_NOTES });
    await eventually(async () => {
      const atA = await planAt(asFocal);
      expect(atA.followUps[0]).toMatchObject({ outcome: 'REINTEGRATING', notes: null });
    });
    // The notes stay where they were written.
    expect(await everythingIn(nodeA.databaseUrl('referrals'))).not.toContain(FOLLOW_UP_NOTES);
    expect(await everythingIn(nodeB.databaseUrl('referrals'))).toContain(FOLLOW_UP_NOTES);
    // Another organisation on node B that owns no step sees nothing of the plan.
    const elsewhere = ok(await asNgoId<{ repatriationPlans: PlanView[] }>(PLANS)).repatriationPlans;
    expect(elsewhere.find((candidate) => candidate.id === plan.id)).toBeUndefined();

    // 10. Node B's database holds the consented categories and nothing else of hers.
    const atB = await everythingIn(nodeB.databaseUrl('referrals'));
    expect(atB).toContain(NAME);
    expect(atB).toContain(DOCUMENT);
    for (const withheld of [NARRATIVE, MEDICAL, CONTACT, 'Sihanoukville', 'fracture', '811 222 333']) {
      expect(atB).not.toContain(withheld);
    }

    // 11. The raw exchange topics carry sealed envelopes only: no name, document, narrative or compound.
    // Every exchange record either node published (the outbox keeps the exact bytes) ...
    const PLAINTEXT = /Lestari|Wulandari|X4455667|Sihanoukville|Golden Reef|fracture|Living with her/;
    const sentOnTheWire = async (url: string) =>
      (await query(url, `SELECT topic, value FROM outbox_message WHERE topic LIKE 'e2e2.exchange.%'`)) as {
        topic: string;
        value: Buffer;
      }[];
    const sent = [
      ...(await sentOnTheWire(nodeA.databaseUrl('referrals'))),
      ...(await sentOnTheWire(nodeB.databaseUrl('referrals'))),
    ];
    for (const record of sent) expect(record.value.toString('latin1')).not.toMatch(PLAINTEXT);
    // ... and, read back from Kafka itself, the two mailboxes her case went through.
    const bus = createTestBus();
    try {
      for (const topic of ['e2e2.exchange.ID', 'e2e2.exchange.KH']) {
        const count = sent.filter((record) => record.topic === topic).length;
        expect(count).toBeGreaterThan(0);
        const records = await readTopic(bus, topic, { count, settleMs: 2_000 });
        for (const record of records) expect(record.value.toString('latin1')).not.toMatch(PLAINTEXT);
      }
    } finally {
      await bus.disconnect();
    }

    // 12. A declined handoff leaves nothing behind on node B.
    const declinedOffer = ok(
      await asFocal<{ offerHandoff: { handoff: { id: string } } }>(OFFER, {
        input: {
          caseId,
          personId,
          recipientCountry: 'ID',
          recipientOrganisationId: (await findInDirectory(nodeA.gatewayUrl, focal, 'ID', 'Rumah Pulang')).id,
          categories: ['IDENTITY'],
        },
      }),
    ).offerHandoff.handoff;
    await eventually(async () => {
      const offered = ok(await asNgoId<{ handoffs: { id: string }[] }>(HANDOFFS)).handoffs;
      expect(offered.map((candidate) => candidate.id)).toContain(declinedOffer.id);
    });
    expect(
      ok(
        await asNgoId(RESPOND_HANDOFF, {
          input: { handoffId: declinedOffer.id, decision: 'DECLINED', reason: 'no capacity (test)' },
        }),
      ),
    ).toEqual({ respondToHandoff: { handoff: null } });
    expect(
      await query(nodeB.databaseUrl('referrals'), `SELECT 1 FROM handoff_received WHERE id = $1`, [
        declinedOffer.id,
      ]),
    ).toEqual([]);

    // 13. She withdraws consent to cross-border sharing: node B's copy is erased.
    ok(await asFocal(WITHDRAW, { input: { caseId, personId, purpose: 'CROSS_BORDER_HANDOFF' } }));
    await eventually(async () => {
      const left = await everythingIn(nodeB.databaseUrl('referrals'));
      expect(left).not.toContain(NAME);
      expect(left).not.toContain(DOCUMENT);
    });
    const gone = ok(await asFocalId<{ handoffs: { id: string }[] }>(HANDOFFS)).handoffs;
    expect(gone.map((candidate) => candidate.id)).not.toContain(handoff.id);
  });
});
