/**
 * Demonstration case work, created through the public API as the demo personas would (so every rule,
 * event and audit record applies): rescue requests and cases in different stages, clearly fictional.
 * Runs after the node is up; each part is skipped when the demo personas already have such records.
 */

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../run/repo-paths.mjs';

const PASSWORD = process.env.DEMO_PASSWORD ?? 'Rescue-Refer-Return-2026';

/** One operation as `session` (a signed-in persona at its own node's gateway). */
async function call(session, query, variables) {
  const response = await fetch(`${session.gateway}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(session.token ? { authorization: `Bearer ${session.token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors)
    throw new Error(`${body.errors[0].extensions?.code ?? 'ERROR'}: ${body.errors[0].message}`);
  return body.data;
}

/**
 * The demo seed gives personas with case, decision or verifier roles an authenticator with this secret
 * (README, ADR 024); the platform administrator and the data protection officer have none.
 */
const DEMO_TOTP_SECRET = 'PASSAGEDEMOAUTHENTICATORSECRETKH';
const WITHOUT_SECOND_FACTOR = new Set(['admin@passage.demo', 'dpo.kh@passage.demo']);
const sessions = new Map();

/** Signs a persona in once per run (each authenticator time step is accepted once). */
function signIn(gatewayFor, email) {
  if (!sessions.has(email)) sessions.set(email, signInOnce(gatewayFor, email));
  return sessions.get(email);
}

async function signInOnce(gatewayFor, email) {
  const { generateSync } = await import('otplib');
  const login = (totpCode) =>
    call(
      { gateway: gatewayFor(email) },
      `mutation L($input: LoginInput!) { login(input: $input) { accessToken user { organisationId } } }`,
      { input: { email, password: PASSWORD, ...(totpCode ? { totpCode } : {}) } },
    );
  let data;
  if (WITHOUT_SECOND_FACTOR.has(email)) data = await login();
  else {
    // Identity accepts the previous, current and next step, each once: an earlier run may have used one.
    const current = Math.floor(Date.now() / 30_000);
    for (const step of [current - 1, current, current + 1]) {
      try {
        data = await login(generateSync({ secret: DEMO_TOTP_SECRET, epoch: step * 30 }));
        break;
      } catch (error) {
        if (step === current + 1) throw error;
      }
    }
  }
  return {
    token: data.login.accessToken,
    gateway: gatewayFor(email),
    organisationId: data.login.user.organisationId,
  };
}

const SUBMIT = `mutation S($input: SubmitRescueRequestInput!) { submitRescueRequest(input: $input) { rescueRequest { id } } }`;
const STATUS = `mutation U($input: UpdateRescueRequestStatusInput!) { updateRescueRequestStatus(input: $input) { rescueRequest { status } } }`;

/** Names below are invented; the places are generic descriptions, not real compounds. */
const DEMO_REQUESTS = [
  {
    persona: 'consul.id-kh@passage.demo',
    input: {
      onBehalfOf: 'RELATIVE',
      reportedVia: 'family call to the embassy hotline (demo)',
      people: [
        {
          nameOrAlias: 'Sari W. (demo)',
          nationality: 'ID',
          gender: 'FEMALE',
          ageBand: '18_24',
          languages: ['id'],
        },
        {
          nameOrAlias: 'Rudi H. (demo)',
          nationality: 'ID',
          gender: 'MALE',
          ageBand: '25_34',
          languages: ['id', 'en'],
        },
        {
          nameOrAlias: 'Nina P. (demo)',
          nationality: 'ID',
          gender: 'FEMALE',
          ageBand: '14_17',
          languages: ['id'],
        },
      ],
      othersCount: 12,
      location: {
        compoundName: 'Riverside Tower compound (demo)',
        province: 'Preah Sihanouk',
        district: 'Prey Nob',
        country: 'KH',
        insideSpecialEconomicZone: true,
      },
      risks: ['VIOLENCE', 'MINORS_PRESENT'],
      safeContact: { channel: 'WHATSAPP', windows: 'after 23:00 local time', doNotContact: true },
    },
    progress: ['ACKNOWLEDGED', 'VERIFYING'],
  },
  {
    persona: 'consul.id-kh@passage.demo',
    input: {
      onBehalfOf: 'PERSON',
      reportedVia: 'message from a hidden phone (demo)',
      people: [
        {
          nameOrAlias: 'Agus K. (demo)',
          nationality: 'ID',
          gender: 'MALE',
          ageBand: '25_34',
          languages: ['id'],
          urgentMedicalNeed: true,
        },
      ],
      othersCount: 40,
      location: { compoundName: 'Casino block C (demo)', province: 'Koh Kong', country: 'KH' },
      risks: ['MEDICAL_EMERGENCY', 'THREAT_OF_RESALE'],
      safeContact: { channel: 'TELEGRAM', windows: 'Sunday mornings', doNotContact: false },
    },
    progress: [],
  },
  {
    persona: 'ngo.kh@passage.demo',
    input: {
      onBehalfOf: 'PEER',
      reportedVia: 'former worker now in the shelter (demo)',
      people: [
        {
          nameOrAlias: 'Minh T. (demo)',
          nationality: 'VN',
          gender: 'MALE',
          ageBand: '18_24',
          languages: ['vi'],
        },
      ],
      othersCount: 5,
      location: { compoundName: 'Border hotel annex (demo)', province: 'Tak', country: 'TH' },
      risks: ['VIOLENCE'],
    },
    progress: [],
  },
];

const FOCAL_POINTS = {
  KH: 'focal.kh@passage.demo',
  TH: 'focal.th@passage.demo',
  ID: 'focal.id@passage.demo',
};

/** `gatewayFor(email)`: the gateway of the node where that persona has its account. */
export async function seedDemoCaseWork(gatewayFor, { log = () => undefined } = {}) {
  const consul = await signIn(gatewayFor, 'consul.id-kh@passage.demo');
  const existing = await call(consul, `{ rescueRequests(first: 1) { edges { node { id } } } }`, {});
  if (existing.rescueRequests.edges.length > 0) log('[seed] demo rescue requests already present');
  else await seedDemoRescueRequests(gatewayFor, log);
  const ngo = await signIn(gatewayFor, 'ngo.kh@passage.demo');
  const cases = await call(ngo, `{ cases(first: 1) { totalCount } }`, {});
  if (cases.cases.totalCount > 0) log('[seed] demo cases already present');
  else {
    await seedDemoCases(gatewayFor, log);
    await seedDemoReturn(gatewayFor, log);
  }
  await seedDemoServices(gatewayFor, log);
}

/** The services directory's demo listings, each listed by a persona of its organisation (idempotent by name). */
async function seedDemoServices(gatewayFor, log) {
  const { DEMO_SERVICES } = await import(
    pathToFileURL(join(REPO_ROOT, 'apps', 'referrals', 'dist', 'service-directory', 'demo-services.js')).href
  );
  // GraphQL enum names cannot start with a digit: age band 18_24 is AGE_18_24 on the wire.
  const wireAgeBand = (band) => (/^\d/.test(band) ? `AGE_${band}` : band);
  let listed = 0;
  for (const service of DEMO_SERVICES) {
    const session = await signIn(gatewayFor, service.persona);
    await call(
      session,
      `mutation U($input: UpsertServiceInput!) { upsertService(input: $input) { service { id } } }`,
      {
        input: { ...service.input, ageBands: service.input.ageBands.map(wireAgeBand) },
      },
    );
    listed++;
  }
  log(`[seed] ${listed} demo services listed in the directory`);
}

async function seedDemoRescueRequests(gatewayFor, log) {
  let created = 0;
  for (const request of DEMO_REQUESTS) {
    const token = await signIn(gatewayFor, request.persona);
    const { submitRescueRequest } = await call(token, SUBMIT, { input: request.input });
    created++;
    if (request.progress.length === 0) continue;
    const focal = await signIn(gatewayFor, FOCAL_POINTS[request.input.location.country]);
    for (const status of request.progress) {
      // The request reaches the focal point through Kafka; wait for it before moving it on.
      for (let attempt = 0; ; attempt++) {
        try {
          await call(focal, STATUS, { input: { id: submitRescueRequest.rescueRequest.id, status } });
          break;
        } catch (error) {
          if (attempt > 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    }
  }
  log(`[seed] ${created} demo rescue requests in different stages`);
}

const OPEN_CASE = `mutation O($input: OpenCaseInput!) { openCase(input: $input) { case { id people { id } } } }`;

/** Two cases at different stages: a walk-in just screened, and a person with reasonable grounds and an attestation. */
async function seedDemoCases(gatewayFor, log) {
  const ngo = await signIn(gatewayFor, 'ngo.kh@passage.demo');
  const focal = await signIn(gatewayFor, 'focal.kh@passage.demo');
  const walkIn = (
    await call(ngo, OPEN_CASE, {
      input: {
        origin: 'SELF_EXIT_ESCAPE',
        people: [
          {
            alias: 'Lan (demo)',
            nationality: 'VN',
            gender: 'FEMALE',
            ageBand: 'AGE_18_24',
            languages: ['vi'],
            immediateNeeds: ['SHELTER', 'INTERPRETATION'],
          },
        ],
      },
    })
  ).openCase.case;
  const [lan] = walkIn.people;
  await call(
    ngo,
    `mutation C($input: RecordConsentInput!) { recordConsent(input: $input) { case { id } } }`,
    {
      input: {
        caseId: walkIn.id,
        personId: lan.id,
        purposes: ['SERVICES_REFERRAL', 'ANONYMISED_STATISTICS'],
        language: 'vi',
        interpreterUsed: true,
        interpreterLanguage: 'vi',
      },
    },
  );
  await call(
    ngo,
    `mutation S($input: RecordScreeningInput!) { recordScreening(input: $input) { case { id } } }`,
    {
      input: {
        caseId: walkIn.id,
        personId: lan.id,
        observations: [
          { code: 'UNODC-FC-ACT-01', observed: 'YES' },
          { code: 'UNODC-FC-MEANS-01', observed: 'YES' },
          { code: 'ILO-FL-03', observed: 'YES' },
          { code: 'UNODC-FC-PURPOSE-01', observed: 'UNKNOWN' },
        ],
        confirmedOutcome: 'INCONCLUSIVE',
        reasons: 'Purpose not yet discussed; second interview planned with a female interviewer (demo).',
      },
    },
  );

  const identified = (
    await call(focal, OPEN_CASE, {
      input: {
        origin: 'WALK_IN',
        people: [
          {
            name: 'Joseph M. (demo)',
            nationality: 'KE',
            gender: 'MALE',
            ageBand: 'AGE_25_34',
            languages: ['en', 'sw'],
            documentType: 'PASSPORT',
            documentNumber: 'DEMO1234567',
          },
        ],
      },
    })
  ).openCase.case;
  const [joseph] = identified.people;
  await call(
    focal,
    `mutation D($input: RecordIdentificationDecisionInput!) { recordIdentificationDecision(input: $input) { case { id } } }`,
    {
      input: {
        caseId: identified.id,
        personId: joseph.id,
        status: 'REASONABLE_GROUNDS',
        legalBasis: 'reasonable-grounds provision of the national anti-trafficking law (demo)',
        decidedAt: new Date().toISOString(),
      },
    },
  );
  const { issueProtectionAttestation } = await call(
    focal,
    `mutation A($input: IssueProtectionAttestationInput!) { issueProtectionAttestation(input: $input) { code } }`,
    { input: { caseId: identified.id, personId: joseph.id } },
  );
  log(
    `[seed] 2 demo cases; attestation ${issueProtectionAttestation.code} verifies with document number DEMO1234567`,
  );
}

const DAY_MS = 86_400_000;
const dayFromNow = (days) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

/**
 * A return under way, across borders: an Indonesian survivor in Cambodia with an approved repatriation
 * plan whose travel document the Indonesian embassy is issuing and whose reception focal.id owns (on the
 * Indonesian node when two nodes run), and a handoff to focal.id waiting for an answer.
 */
async function seedDemoReturn(gatewayFor, log) {
  const [focal, consul, immigration, focalId] = await Promise.all(
    ['focal.kh', 'consul.id-kh', 'immigration.kh', 'focal.id'].map((persona) =>
      signIn(gatewayFor, `${persona}@passage.demo`),
    ),
  );
  const opened = (
    await call(focal, OPEN_CASE, {
      input: {
        origin: 'WALK_IN',
        people: [
          {
            name: 'Ayu Kartika (demo)',
            nationality: 'ID',
            gender: 'FEMALE',
            ageBand: 'AGE_25_34',
            languages: ['id'],
            documentType: 'PASSPORT',
            documentNumber: 'DEMO7654321',
            narrative: 'Recruited as a hotel receptionist, held in a compound for five months (demo).',
          },
        ],
      },
    })
  ).openCase.case;
  const caseId = opened.id;
  const personId = opened.people[0].id;
  await call(
    focal,
    `mutation C($input: RecordConsentInput!) { recordConsent(input: $input) { case { id } } }`,
    {
      input: {
        caseId,
        personId,
        purposes: ['SERVICES_REFERRAL', 'RETURN', 'CROSS_BORDER_HANDOFF', 'ANONYMISED_STATISTICS'],
        language: 'id',
        interpreterUsed: true,
        interpreterLanguage: 'id',
      },
    },
  );
  await call(
    focal,
    `mutation D($input: RecordIdentificationDecisionInput!) { recordIdentificationDecision(input: $input) { case { id } } }`,
    {
      input: {
        caseId,
        personId,
        status: 'REASONABLE_GROUNDS',
        legalBasis: 'reasonable-grounds provision of the national anti-trafficking law (demo)',
        decidedAt: new Date().toISOString(),
      },
    },
  );
  // Steps and handoffs are addressed through the regional directory; on two nodes, node B's
  // organisations reach node A's directory through the exchange a moment after B starts.
  for (const owner of [consul, immigration, focalId]) await untilListed(focal, owner.organisationId);
  const step = (kind, owner, days) => ({
    kind,
    ownerOrganisationId: owner.organisationId,
    dueOn: dayFromNow(days),
  });
  const { createRepatriationPlan } = await call(
    focal,
    `mutation P($input: CreateRepatriationPlanInput!) { createRepatriationPlan(input: $input) { plan { id } } }`,
    {
      input: {
        caseId,
        personId,
        returnCountry: 'ID',
        steps: [
          step('TRAVEL_DOCUMENT', consul, 10),
          step('EXIT_CLEARANCE', immigration, 20),
          step('FUNDING', focal, 20),
          step('TRAVEL_BOOKED', focal, 25),
          step('ESCORT', focal, 30),
          step('RECEPTION', focalId, 31),
        ],
      },
    },
  );
  await call(
    focal,
    `mutation R($input: RecordRiskAssessmentInput!) { recordRiskAssessment(input: $input) { riskAssessment { id } } }`,
    {
      input: {
        caseId,
        personId,
        factors: [
          'RE_TRAFFICKING',
          'REPRISALS',
          'DEBT_OR_RANSOM',
          'PROSECUTION_OR_PERSECUTION',
          'STIGMA',
          'FAMILY_SITUATION',
        ].map((factor) => ({ factor, level: factor === 'STIGMA' ? 'MEDIUM' : 'LOW' })),
        conclusion: 'RETURN_WITH_SAFEGUARDS',
        assessedAt: new Date().toISOString(),
      },
    },
  );
  await call(focal, `mutation A($id: ID!) { approveRepatriationPlan(planId: $id) { plan { status } } }`, {
    id: createRepatriationPlan.plan.id,
  });
  await call(
    focal,
    `mutation H($input: OfferHandoffInput!) { offerHandoff(input: $input) { handoff { id } } }`,
    {
      input: {
        caseId,
        personId,
        recipientCountry: 'ID',
        recipientOrganisationId: focalId.organisationId,
        categories: ['IDENTITY', 'LEGAL'],
        note: 'Reception in Jakarta and reintegration support (demo).',
      },
    },
  );
  log('[seed] 1 demo return under way: plan approved, travel document with the embassy, handoff to focal.id');
}

/** Waits until `session`'s node lists the organisation in its directory. */
async function untilListed(session, organisationId) {
  for (let attempt = 0; ; attempt++) {
    const { organisationDirectory } = await call(session, `{ organisationDirectory { id } }`, {});
    if (organisationDirectory.some((entry) => entry.id === organisationId)) return;
    if (attempt > 300) throw new Error(`organisation ${organisationId} never reached the directory`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
