/**
 * Demonstration case work, created through the public API as the demo personas would (so every rule,
 * event and audit record applies): rescue requests in different stages, clearly fictional. Runs after
 * the node is up; does nothing when the embassy persona already has requests.
 */

const PASSWORD = process.env.DEMO_PASSWORD ?? 'Rescue-Refer-Return-2026';

async function call(gatewayUrl, query, variables, token) {
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors)
    throw new Error(`${body.errors[0].extensions?.code ?? 'ERROR'}: ${body.errors[0].message}`);
  return body.data;
}

async function signIn(gatewayUrl, email) {
  const data = await call(
    gatewayUrl,
    `mutation L($input: LoginInput!) { login(input: $input) { accessToken } }`,
    { input: { email, password: PASSWORD } },
  );
  return data.login.accessToken;
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

export async function seedDemoCaseWork(gatewayUrl, { log = () => undefined } = {}) {
  const consul = await signIn(gatewayUrl, 'consul.id-kh@passage.demo');
  const existing = await call(
    gatewayUrl,
    `{ rescueRequests(first: 1) { edges { node { id } } } }`,
    {},
    consul,
  );
  if (existing.rescueRequests.edges.length > 0) {
    log('[seed] demo rescue requests already present');
    return;
  }
  let created = 0;
  for (const request of DEMO_REQUESTS) {
    const token = await signIn(gatewayUrl, request.persona);
    const { submitRescueRequest } = await call(gatewayUrl, SUBMIT, { input: request.input }, token);
    created++;
    if (request.progress.length === 0) continue;
    const focal = await signIn(gatewayUrl, FOCAL_POINTS[request.input.location.country]);
    for (const status of request.progress) {
      // The request reaches the focal point through Kafka; wait for it before moving it on.
      for (let attempt = 0; ; attempt++) {
        try {
          await call(
            gatewayUrl,
            STATUS,
            { input: { id: submitRescueRequest.rescueRequest.id, status } },
            focal,
          );
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
