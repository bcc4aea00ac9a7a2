import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@passage/shared/testing';
import { graphql, type GraphqlResponse } from '../support/graphql-client.js';
import { as, signIn, type Session } from '../support/personas.js';
import { startTestNode, type RunningNode } from '../support/running-node.js';

const PERSON_FIELDS = `id name alias nationality ageBand narrative medicalNotes pregnant documentNumber sexualViolenceDisclosed withheldCategories`;
const CASE_FIELDS = `id reference origin jurisdictionCountry people { ${PERSON_FIELDS} } consents { purpose } topicsCovered warnings { __typename }
  screenings { confirmedOutcome suggestedOutcome } identificationDecisions { status jurisdictionCountry } followUpTasks { kind }`;

const OPEN_CASE = `mutation O($input: OpenCaseInput!) { openCase(input: $input) { case { ${CASE_FIELDS} } } }`;
const CASE = `query C($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`;
const CONSENT = `mutation R($input: RecordConsentInput!) { recordConsent(input: $input) { case { id } } }`;
const INTERVIEW = `mutation I($input: RecordInterviewInput!) { recordInterview(input: $input) { case { id topicsCovered } } }`;
const SCREENING = `mutation S($input: RecordScreeningInput!) { recordScreening(input: $input) { case { screenings { suggestedOutcome confirmedOutcome } } } }`;
const DECISION = `mutation D($input: RecordIdentificationDecisionInput!) { recordIdentificationDecision(input: $input) { case { identificationDecisions { status } followUpTasks { kind } } } }`;
const ATTEST = `mutation A($input: IssueProtectionAttestationInput!) { issueProtectionAttestation(input: $input) { code validUntil issuedBy } }`;
const VERIFY = `query V($code: String!, $doc: String!) { verifyProtectionAttestation(code: $code, documentNumber: $doc) { status validUntil issuedBy } }`;

interface CaseView {
  id: string;
  reference: string;
  people: {
    id: string;
    name: string | null;
    narrative: string | null;
    medicalNotes: string | null;
    documentNumber: string | null;
  }[];
  topicsCovered: string[];
  screenings: { confirmedOutcome: string; suggestedOutcome: string }[];
  identificationDecisions: { status: string }[];
  followUpTasks: { kind: string }[];
}

function ok<T>(response: GraphqlResponse<T>): T {
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!;
}

/** Every trafficking element evidenced: presumption of a victim of forced criminality. */
const OBSERVATIONS = [
  { code: 'UNODC-FC-ACT-01', observed: 'YES', notes: 'recruited through a job advert (test)' },
  { code: 'UNODC-FC-MEANS-01', observed: 'YES' },
  { code: 'UNODC-FC-MEANS-02', observed: 'YES' },
  { code: 'UNODC-FC-PURPOSE-01', observed: 'YES' },
  { code: 'ILO-FL-03', observed: 'YES' },
  { code: 'ILO-FL-07', observed: 'YES' },
];

describe('cases, consent, screening, identification and attestations (real services, Postgres, Kafka)', () => {
  let node: RunningNode;
  let consul: Session;
  let focal: Session;
  let ngo: Session;
  let police: Session;
  let immigration: Session;

  beforeAll(async () => {
    node = await startTestNode();
    [consul, focal, ngo, police, immigration] = await Promise.all(
      ['consul.id-kh', 'focal.kh', 'ngo.kh', 'police.kh', 'immigration.kh'].map((name) =>
        signIn(node.gatewayUrl, `${name}@passage.demo`),
      ),
    );
  });

  afterAll(async () => {
    await node?.stop();
  });

  async function caseOf(session: Session, id: string) {
    return graphql<{ case: CaseView }>(node.gatewayUrl, CASE, { ...as(session), variables: { id } });
  }

  async function screenDecideAttest(
    owner: Session,
    decider: Session,
    view: CaseView,
    documentNumber: string,
  ) {
    const personId = view.people[0].id;
    ok(
      await graphql(node.gatewayUrl, CONSENT, {
        ...as(owner),
        variables: {
          input: {
            caseId: view.id,
            personId,
            purposes: ['SERVICES_REFERRAL', 'ANONYMISED_STATISTICS'],
            language: 'id',
            interpreterUsed: true,
            interpreterLanguage: 'id',
          },
        },
      }),
    );
    const interviewed = ok(
      await graphql<{ recordInterview: { case: CaseView } }>(node.gatewayUrl, INTERVIEW, {
        ...as(owner),
        variables: {
          input: {
            caseId: view.id,
            personId,
            interviewerGender: 'FEMALE',
            specialistInterviewer: true,
            language: 'id',
            interpreterUsed: true,
            interpreterLanguage: 'id',
            topics: ['ACT', 'MEANS', 'PURPOSE'],
            conductedAt: new Date().toISOString(),
          },
        },
      }),
    );
    expect(interviewed.recordInterview.case.topicsCovered).toEqual(
      expect.arrayContaining(['ACT', 'MEANS', 'PURPOSE']),
    );
    const screened = ok(
      await graphql<{ recordScreening: { case: CaseView } }>(node.gatewayUrl, SCREENING, {
        ...as(owner),
        variables: {
          input: {
            caseId: view.id,
            personId,
            observations: OBSERVATIONS,
            confirmedOutcome: 'PRESUMED_VICTIM',
            reasons: 'Every element evidenced in the interview (test).',
          },
        },
      }),
    );
    expect(screened.recordScreening.case.screenings.at(-1)).toMatchObject({
      suggestedOutcome: 'PRESUMED_VICTIM',
      confirmedOutcome: 'PRESUMED_VICTIM',
    });
    const decided = ok(
      await graphql<{ recordIdentificationDecision: { case: CaseView } }>(node.gatewayUrl, DECISION, {
        ...as(decider),
        variables: {
          input: {
            caseId: view.id,
            personId,
            status: 'REASONABLE_GROUNDS',
            legalBasis: 'national anti-trafficking law, reasonable-grounds provision (test)',
            decidedAt: new Date().toISOString(),
          },
        },
      }),
    );
    expect(
      decided.recordIdentificationDecision.case.identificationDecisions.map((decision) => decision.status),
    ).toContain('REASONABLE_GROUNDS');
    expect(decided.recordIdentificationDecision.case.followUpTasks.map((task) => task.kind)).toEqual(
      expect.arrayContaining(['RELEASE_FROM_DETENTION', 'LEGAL_AID', 'NON_PUNISHMENT_NOTICE']),
    );
    const attestation = ok(
      await graphql<{ issueProtectionAttestation: { code: string; issuedBy: string } }>(
        node.gatewayUrl,
        ATTEST,
        {
          ...as(focal),
          variables: { input: { caseId: view.id, personId } },
        },
      ),
    );
    const verified = await graphql<{ verifyProtectionAttestation: Record<string, unknown> }>(
      node.gatewayUrl,
      VERIFY,
      {
        ...as(immigration),
        variables: { code: attestation.issueProtectionAttestation.code, doc: documentNumber },
      },
    );
    expect(verified.errors).toBeUndefined();
    expect(verified.data!.verifyProtectionAttestation).toEqual({
      status: 'VALID',
      validUntil: expect.any(String),
      issuedBy: 'Cambodia National Referral Focal Point (demo)',
    });
    // The wrong document number tells nothing, not even that the code exists.
    const wrongDocument = await graphql<{ verifyProtectionAttestation: Record<string, unknown> }>(
      node.gatewayUrl,
      VERIFY,
      {
        ...as(immigration),
        variables: { code: attestation.issueProtectionAttestation.code, doc: 'X0000000' },
      },
    );
    expect(wrongDocument.data!.verifyProtectionAttestation).toEqual({
      status: 'NOT_FOUND',
      validUntil: null,
      issuedBy: null,
    });
    return attestation.issueProtectionAttestation.code;
  }

  it('takes rescued people from a resolved request to a verified protection attestation, and keeps immigration out of everything else', async () => {
    const submitted = ok(
      await graphql<{ submitRescueRequest: { rescueRequest: { id: string } } }>(
        node.gatewayUrl,
        `
          mutation S($input: SubmitRescueRequestInput!) {
            submitRescueRequest(input: $input) {
              rescueRequest {
                id
              }
            }
          }
        `,
        {
          ...as(consul),
          variables: {
            input: {
              onBehalfOf: 'RELATIVE',
              people: [
                { nameOrAlias: 'Putri A. (test)', nationality: 'ID', gender: 'FEMALE', ageBand: '18_24' },
              ],
              othersCount: 4,
              location: {
                compoundName: 'Harbour View block (test)',
                province: 'Preah Sihanouk',
                country: 'KH',
              },
            },
          },
        },
      ),
    ).submitRescueRequest.rescueRequest;
    const move = (status: string, outcome?: string) =>
      graphql(
        node.gatewayUrl,
        `
          mutation U($input: UpdateRescueRequestStatusInput!) {
            updateRescueRequestStatus(input: $input) {
              rescueRequest {
                status
              }
            }
          }
        `,
        {
          ...as(focal),
          variables: { input: { id: submitted.id, status, outcome } },
        },
      );
    await eventually(async () => expect((await move('ACKNOWLEDGED')).errors).toBeUndefined());
    ok(await move('VERIFYING'));
    ok(await move('RESOLVED', 'RELEASED'));

    const opened = ok(
      await graphql<{ openCase: { case: CaseView } }>(node.gatewayUrl, OPEN_CASE, {
        ...as(focal),
        variables: {
          input: {
            origin: 'RESCUE',
            rescueRequestId: submitted.id,
            people: [
              {
                name: 'Putri Anggraini (test)',
                nationality: 'ID',
                gender: 'FEMALE',
                ageBand: 'AGE_18_24',
                languages: ['id'],
                documentType: 'PASSPORT',
                documentNumber: 'C1234567',
                narrative: 'Recruited for a customer service job (test).',
                medicalNotes: 'Untreated injury to the left arm (test).',
                urgentMedicalNeed: true,
              },
            ],
          },
        },
      }),
    ).openCase.case;
    expect(opened.people[0].name).toBe('Putri Anggraini (test)');

    await screenDecideAttest(focal, focal, opened, 'C1234567');

    // Immigration: every path that could reveal the person, the case, the request or the compound.
    const probes: [string, Record<string, unknown>][] = [
      [CASE, { id: opened.id }],
      [`{ cases { edges { node { id } } } }`, {}],
      [`query R($id: ID!) { rescueRequest(id: $id) { id } }`, { id: submitted.id }],
      [`{ rescueRequests { edges { node { id } } } }`, {}],
      [`{ compounds(country: "KH") { id name } }`, {}],
      [`{ organisationDirectory { id name } }`, {}],
      [`{ repatriationPlans { id caseReference } }`, {}],
      [`{ handoffs { id caseReference } }`, {}],
      [
        `query T($id: ID!) { auditTrail(resourceType: "rescue-request", resourceId: $id) { totalCount } }`,
        { id: submitted.id },
      ],
    ];
    for (const [query, variables] of probes) {
      const response = await graphql(node.gatewayUrl, query, { ...as(immigration), variables });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(response.data ?? null).toBeNull();
      expect(response.raw).not.toMatch(/Putri|Harbour View|C1234567|Recruited/);
    }

    // Police without law-enforcement consent: no narrative and no health data, whatever else they may see.
    const policeView = await caseOf(police, opened.id);
    expect(policeView.raw).not.toMatch(/Recruited for|Untreated injury/);
  });

  it('gives a self-exit walk-in at an NGO the same path, and refuses a decision from an organisation without that authority', async () => {
    const opened = ok(
      await graphql<{ openCase: { case: CaseView } }>(node.gatewayUrl, OPEN_CASE, {
        ...as(ngo),
        variables: {
          input: {
            origin: 'SELF_EXIT_ESCAPE',
            people: [
              {
                alias: 'Tuan (test)',
                nationality: 'VN',
                gender: 'MALE',
                ageBand: 'AGE_25_34',
                languages: ['vi'],
                documentType: 'NATIONAL_ID',
                documentNumber: 'VN-778899',
              },
            ],
          },
        },
      }),
    ).openCase.case;
    const refused = await graphql(node.gatewayUrl, DECISION, {
      ...as(ngo),
      variables: {
        input: {
          caseId: opened.id,
          personId: opened.people[0].id,
          status: 'REASONABLE_GROUNDS',
          legalBasis: 'none (test)',
          decidedAt: new Date().toISOString(),
        },
      },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await caseOf(ngo, opened.id)).data!.case.identificationDecisions).toEqual([]);
    await screenDecideAttest(ngo, focal, opened, 'VN-778899');
  });

  it('registers a mass intake of 500 people in one call', async () => {
    const people = Array.from({ length: 500 }, (_, index) => ({
      alias: `Raid person ${index} (test)`,
      nationality: ['ID', 'VN', 'PH', 'MM', 'IN', 'KE'][index % 6],
      gender: index % 3 === 0 ? 'FEMALE' : 'MALE',
      ageBand: index % 25 === 0 ? 'AGE_14_17' : 'AGE_25_34',
      languages: ['en'],
      immediateNeeds: [],
    }));
    const started = Date.now();
    const response = await graphql<{
      registerMassIntake: { caseCount: number; cases: { caseId: string }[] };
    }>(
      node.gatewayUrl,
      `
        mutation M($input: RegisterMassIntakeInput!) {
          registerMassIntake(input: $input) {
            caseCount
            cases {
              caseId
            }
          }
        }
      `,
      { ...as(focal), variables: { input: { people } } },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.registerMassIntake.caseCount).toBe(500);
    expect(new Set(response.data!.registerMassIntake.cases.map((item) => item.caseId)).size).toBe(500);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const before = ok(
      await graphql<{ cases: { totalCount: number } }>(
        node.gatewayUrl,
        `
          {
            cases {
              totalCount
            }
          }
        `,
        as(ngo),
      ),
    ).cases.totalCount;
    const person = { alias: 'Bad input (test)', nationality: 'ID', gender: 'MALE', ageBand: 'AGE_25_34' };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ origin: 'WALK_IN', people: [{ ...person, nationality: 'ZZ' }] }, /^input\.people\.0\.nationality$/],
      [
        { origin: 'WALK_IN', people: [{ ...person, languages: ['klingon'] }] },
        /^input\.people\.0\.languages/,
      ],
      [
        { origin: 'WALK_IN', people: [{ ...person, narrative: 'x'.repeat(20_001) }] },
        /^input\.people\.0\.narrative$/,
      ],
      [{ origin: 'RESCUE', people: [person] }, /^input\.rescueRequestId$/],
    ];
    for (const [input, field] of cases) {
      const response = await graphql(node.gatewayUrl, OPEN_CASE, { ...as(ngo), variables: { input } });
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(String(response.errors?.[0]?.extensions?.field)).toMatch(field);
    }
    const after = ok(
      await graphql<{ cases: { totalCount: number } }>(
        node.gatewayUrl,
        `
          {
            cases {
              totalCount
            }
          }
        `,
        as(ngo),
      ),
    ).cases.totalCount;
    expect(after).toBe(before);

    const opened = ok(
      await graphql<{ openCase: { case: CaseView } }>(node.gatewayUrl, OPEN_CASE, {
        ...as(ngo),
        variables: { input: { origin: 'WALK_IN', people: [person] } },
      }),
    ).openCase.case;
    const screening = (observations: unknown[], evidenceAgainst: unknown[] = []) =>
      graphql(node.gatewayUrl, SCREENING, {
        ...as(ngo),
        variables: {
          input: {
            caseId: opened.id,
            personId: opened.people[0].id,
            observations,
            evidenceAgainst,
            confirmedOutcome: 'INCONCLUSIVE',
            reasons: 'test',
          },
        },
      });
    const unknownIndicator = await screening([{ code: 'UNODC-FC-MEANS-99', observed: 'YES' }]);
    expect(unknownIndicator.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    // A signed contract never counts against a person.
    const contractAgainst = await screening(OBSERVATIONS, [{ code: 'SIGNED_CONTRACT' }]);
    expect(contractAgainst.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(ok(await caseOf(ngo, opened.id)).case.screenings).toEqual([]);
  });
});
