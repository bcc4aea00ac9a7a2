import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { findInDirectory } from '../support/directory.js';
import { graphql, type GraphqlResponse } from '../support/graphql-client.js';
import { as, signIn, type Session } from '../support/personas.js';
import { startTestNode, type RunningNode } from '../support/running-node.js';

function ok<T>(response: GraphqlResponse<T>): T {
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!;
}

const DOCUMENT = 'E9876543';

/**
 * Steps 6 and 7 of the journey on one node: a shelter referral carrying only consented categories, and a
 * repatriation plan that needs consent to return, a risk assessment and approval, with an exit clearance
 * immigration answers seeing four fields only.
 */
describe('referral to a shelter and a repatriation plan (real services, Postgres, Kafka)', () => {
  let node: RunningNode;
  let focal: Session;
  let shelter: Session;
  let consul: Session;
  let immigration: Session;
  let focalId: Session;
  let caseId: string;
  let personId: string;
  let attestationCode: string;

  beforeAll(async () => {
    node = await startTestNode();
    [focal, shelter, consul, immigration, focalId] = await Promise.all(
      ['focal.kh', 'shelter.kh', 'consul.id-kh', 'immigration.kh', 'focal.id'].map((name) =>
        signIn(node.gatewayUrl, `${name}@passage.demo`),
      ),
    );
    const opened = ok(
      await graphql<{ openCase: { case: { id: string; people: { id: string }[] } } }>(
        node.gatewayUrl,
        `
          mutation O($input: OpenCaseInput!) {
            openCase(input: $input) {
              case {
                id
                people {
                  id
                }
              }
            }
          }
        `,
        {
          ...as(focal),
          variables: {
            input: {
              origin: 'WALK_IN',
              people: [
                {
                  name: 'Sinta Maharani (test)',
                  nationality: 'ID',
                  gender: 'FEMALE',
                  ageBand: 'AGE_25_34',
                  languages: ['id'],
                  documentType: 'PASSPORT',
                  documentNumber: DOCUMENT,
                  narrative: 'Sold between two compounds (narrative, test).',
                  contact: 'via the shelter (test)',
                  immediateNeeds: ['SHELTER'],
                },
              ],
            },
          },
        },
      ),
    );
    caseId = opened.openCase.case.id;
    personId = opened.openCase.case.people[0].id;
    ok(
      await graphql(
        node.gatewayUrl,
        `
          mutation C($input: RecordConsentInput!) {
            recordConsent(input: $input) {
              case {
                id
              }
            }
          }
        `,
        {
          ...as(focal),
          variables: {
            input: {
              caseId,
              personId,
              purposes: ['SERVICES_REFERRAL', 'RETURN'],
              language: 'id',
              interpreterUsed: true,
              interpreterLanguage: 'id',
            },
          },
        },
      ),
    );
    ok(
      await graphql(
        node.gatewayUrl,
        `
          mutation D($input: RecordIdentificationDecisionInput!) {
            recordIdentificationDecision(input: $input) {
              case {
                id
              }
            }
          }
        `,
        {
          ...as(focal),
          variables: {
            input: {
              caseId,
              personId,
              status: 'REASONABLE_GROUNDS',
              legalBasis: 'reasonable grounds (test)',
              decidedAt: new Date().toISOString(),
            },
          },
        },
      ),
    );
    attestationCode = ok(
      await graphql<{ issueProtectionAttestation: { code: string } }>(
        node.gatewayUrl,
        `
          mutation A($input: IssueProtectionAttestationInput!) {
            issueProtectionAttestation(input: $input) {
              code
            }
          }
        `,
        { ...as(focal), variables: { input: { caseId, personId } } },
      ),
    ).issueProtectionAttestation.code;
  });

  afterAll(async () => {
    await node?.stop();
  });

  it('finds a shelter by the needs of the case, refers with consented categories only, and the shelter sees no more once it accepts', async () => {
    ok(
      await graphql(
        node.gatewayUrl,
        `
          mutation U($input: UpsertServiceInput!) {
            upsertService(input: $input) {
              service {
                id
              }
            }
          }
        `,
        {
          ...as(shelter),
          variables: {
            input: {
              name: 'Women’s recovery rooms (test)',
              serviceType: 'SHELTER',
              country: 'KH',
              stateProvince: 'Phnom Penh',
              capacityMaximum: 12,
              capacityAvailable: 3,
              genders: ['FEMALE'],
              ageBands: ['AGE_18_24', 'AGE_25_34', 'AGE_35_49'],
              languages: ['km', 'en', 'id'],
              eligibility: 'PRESUMED_VICTIM',
            },
          },
        },
      ),
    );
    const search = (filter: Record<string, unknown>) =>
      graphql<{ services: { matches: { id: string; name: string }[]; nearMisses: { unmet: string[] }[] } }>(
        node.gatewayUrl,
        `
          query S($filter: ServiceFilter) {
            services(filter: $filter) {
              matches {
                id
                name
              }
              nearMisses {
                unmet
              }
            }
          }
        `,
        { ...as(focal), variables: { filter } },
      );
    const forHer = ok(
      await search({
        serviceType: 'SHELTER',
        country: 'KH',
        gender: 'FEMALE',
        ageBand: 'AGE_25_34',
        languages: ['id'],
        needsFreeCapacity: true,
      }),
    );
    const service = forHer.services.matches.find((match) => match.name === 'Women’s recovery rooms (test)');
    expect(service).toBeDefined();
    const forAMan = ok(
      await search({
        serviceType: 'SHELTER',
        country: 'KH',
        gender: 'MALE',
        ageBand: 'AGE_25_34',
        languages: ['vi'],
      }),
    );
    expect(
      forAMan.services.matches.find((match) => match.name === 'Women’s recovery rooms (test)'),
    ).toBeUndefined();

    const referral = ok(
      await graphql<{ createReferral: { referral: { id: string; status: string } } }>(
        node.gatewayUrl,
        `
          mutation R($input: CreateReferralInput!) {
            createReferral(input: $input) {
              referral {
                id
                status
              }
            }
          }
        `,
        {
          ...as(focal),
          variables: {
            input: { caseId, personId, serviceId: service!.id, sharedCategories: ['IDENTITY', 'CONTACT'] },
          },
        },
      ),
    ).createReferral.referral;
    expect(referral.status).toBe('PENDING');
    ok(
      await graphql(
        node.gatewayUrl,
        `
          mutation A($input: RespondToReferralInput!) {
            respondToReferral(input: $input) {
              referral {
                status
              }
            }
          }
        `,
        {
          ...as(shelter),
          variables: { input: { referralId: referral.id, decision: 'ACCEPT' } },
        },
      ),
    );
    const atShelter = await graphql<{
      case: {
        people: {
          name: string | null;
          contact: string | null;
          narrative: string | null;
          documentNumber: string | null;
        }[];
      };
    }>(
      node.gatewayUrl,
      `
        query C($id: ID!) {
          case(id: $id) {
            people {
              name
              contact
              narrative
              documentNumber
            }
          }
        }
      `,
      { ...as(shelter), variables: { id: caseId } },
    );
    expect(atShelter.data!.case.people[0]).toEqual({
      name: 'Sinta Maharani (test)',
      contact: 'via the shelter (test)',
      narrative: null,
      documentNumber: null,
    });
    const sent = ok(
      await graphql<{ referrals: { edges: { node: { id: string; status: string } }[] } }>(
        node.gatewayUrl,
        `
          {
            referrals(role: SENT) {
              edges {
                node {
                  id
                  status
                }
              }
            }
          }
        `,
        as(focal),
      ),
    );
    expect(sent.referrals.edges.find((edge) => edge.node.id === referral.id)?.node.status).toBe('ACCEPTED');
  });

  it('plans a return with a risk assessment and approval; immigration answers an exit clearance seeing four fields only', async () => {
    const factors = [
      'RE_TRAFFICKING',
      'REPRISALS',
      'DEBT_OR_RANSOM',
      'PROSECUTION_OR_PERSECUTION',
      'STIGMA',
      'FAMILY_SITUATION',
    ].map((factor) => ({ factor, level: 'LOW' }));
    // Steps are addressed to organisations of the directory, which identity fills as the node starts.
    await Promise.all(
      [
        ['ID', 'Embassy of Indonesia'],
        ['KH', 'Cambodia Immigration'],
        ['KH', 'Cambodia National Referral'],
        ['ID', 'Indonesia National Referral'],
      ].map(([country, name]) => findInDirectory(node.gatewayUrl, focal, country, name)),
    );
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const plan = ok(
      await graphql<{ createRepatriationPlan: { plan: { id: string; status: string } } }>(
        node.gatewayUrl,
        `
          mutation P($input: CreateRepatriationPlanInput!) {
            createRepatriationPlan(input: $input) {
              plan {
                id
                status
              }
            }
          }
        `,
        {
          ...as(focal),
          variables: {
            input: {
              caseId,
              personId,
              returnCountry: 'ID',
              steps: [
                { kind: 'TRAVEL_DOCUMENT', ownerOrganisationId: consul.user.organisationId, dueOn: day(10) },
                {
                  kind: 'EXIT_CLEARANCE',
                  ownerOrganisationId: immigration.user.organisationId,
                  dueOn: day(20),
                },
                { kind: 'FUNDING', ownerOrganisationId: focal.user.organisationId, dueOn: day(20) },
                { kind: 'TRAVEL_BOOKED', ownerOrganisationId: focal.user.organisationId, dueOn: day(25) },
                { kind: 'ESCORT', ownerOrganisationId: focal.user.organisationId, dueOn: day(30) },
                { kind: 'RECEPTION', ownerOrganisationId: focalId.user.organisationId, dueOn: day(31) },
              ],
            },
          },
        },
      ),
    ).createRepatriationPlan.plan;

    const approveEarly = await graphql(
      node.gatewayUrl,
      `
        mutation A($id: ID!) {
          approveRepatriationPlan(planId: $id) {
            plan {
              status
            }
          }
        }
      `,
      {
        ...as(focal),
        variables: { id: plan.id },
      },
    );
    expect(approveEarly.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'RISK_ASSESSMENT_MISSING',
    });

    ok(
      await graphql(
        node.gatewayUrl,
        `
          mutation R($input: RecordRiskAssessmentInput!) {
            recordRiskAssessment(input: $input) {
              riskAssessment {
                id
              }
            }
          }
        `,
        {
          ...as(focal),
          variables: {
            input: {
              caseId,
              personId,
              factors,
              conclusion: 'SAFE_TO_RETURN',
              assessedAt: new Date().toISOString(),
            },
          },
        },
      ),
    );
    const step = (session: Session, input: Record<string, unknown>) =>
      graphql(
        node.gatewayUrl,
        `
          mutation S($input: UpdateRepatriationStepInput!) {
            updateRepatriationStep(input: $input) {
              plan {
                id
              }
            }
          }
        `,
        {
          ...as(session),
          variables: { input: { planId: plan.id, ...input } },
        },
      );
    ok(await step(consul, { step: 'TRAVEL_DOCUMENT', status: 'IN_PROGRESS' }));
    ok(await step(consul, { step: 'TRAVEL_DOCUMENT', status: 'DONE' }));
    ok(
      await step(focal, {
        step: 'EXIT_CLEARANCE',
        status: 'IN_PROGRESS',
        exitClearance: {
          travelDocumentNumber: DOCUMENT,
          nameOnTravelDocument: 'SINTA MAHARANI',
          attestationCode,
          requestedDepartureDate: day(21),
        },
      }),
    );

    const requests = ok(
      await graphql<{
        exitClearanceRequests: { edges: { node: Record<string, unknown> & { id: string } }[] };
      }>(
        node.gatewayUrl,
        `
          {
            exitClearanceRequests {
              edges {
                node {
                  id
                  travelDocumentNumber
                  nameOnTravelDocument
                  attestationCode
                  requestedDepartureDate
                  status
                }
              }
            }
          }
        `,
        as(immigration),
      ),
    );
    const request = requests.exitClearanceRequests.edges
      .map((edge) => edge.node)
      .find((node) => node.travelDocumentNumber === DOCUMENT)!;
    expect(Object.keys(request).sort()).toEqual([
      'attestationCode',
      'id',
      'nameOnTravelDocument',
      'requestedDepartureDate',
      'status',
      'travelDocumentNumber',
    ]);
    // The exit-clearance type has nothing else to ask for: the case, the narrative, the nationality are not in it.
    const probe = await graphql(
      node.gatewayUrl,
      `
        {
          exitClearanceRequests {
            edges {
              node {
                caseId
              }
            }
          }
        }
      `,
      as(immigration),
    );
    expect(probe.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    ok(
      await graphql(
        node.gatewayUrl,
        `
          mutation E($input: RespondToExitClearanceInput!) {
            respondToExitClearance(input: $input) {
              request {
                status
              }
            }
          }
        `,
        {
          ...as(immigration),
          variables: {
            input: {
              requestId: request.id,
              decision: 'GRANTED',
              fineWaived: true,
              reference: 'IMM-KH-TEST-1',
            },
          },
        },
      ),
    );
    const thailandImmigration = await signIn(node.gatewayUrl, 'immigration.th@passage.demo');
    const otherImmigration = ok(
      await graphql<{ exitClearanceRequests: { edges: unknown[] } }>(
        node.gatewayUrl,
        `
          {
            exitClearanceRequests(status: GRANTED) {
              edges {
                node {
                  id
                }
              }
            }
          }
        `,
        as(thailandImmigration),
      ),
    );
    expect(otherImmigration.exitClearanceRequests.edges).toEqual([]);

    const approved = ok(
      await graphql<{ approveRepatriationPlan: { plan: { status: string } } }>(
        node.gatewayUrl,
        `
          mutation A($id: ID!) {
            approveRepatriationPlan(planId: $id) {
              plan {
                status
              }
            }
          }
        `,
        { ...as(focal), variables: { id: plan.id } },
      ),
    );
    expect(approved.approveRepatriationPlan.plan.status).toBe('APPROVED');

    for (const remaining of ['FUNDING', 'TRAVEL_BOOKED', 'ESCORT']) {
      ok(await step(focal, { step: remaining, status: 'IN_PROGRESS' }));
      ok(await step(focal, { step: remaining, status: 'DONE' }));
    }
    const arrived = ok(
      await graphql<{
        confirmArrival: { plan: { status: string; followUps: { id: string; monthsAfter: number }[] } };
      }>(
        node.gatewayUrl,
        `
          mutation C($input: ConfirmArrivalInput!) {
            confirmArrival(input: $input) {
              plan {
                status
                followUps {
                  id
                  monthsAfter
                }
              }
            }
          }
        `,
        { ...as(focalId), variables: { input: { planId: plan.id, arrivedAt: new Date().toISOString() } } },
      ),
    );
    expect(arrived.confirmArrival.plan.followUps.map((followUp) => followUp.monthsAfter)).toEqual([
      1, 3, 6, 12,
    ]);
    ok(
      await graphql(
        node.gatewayUrl,
        `
          mutation F($input: RecordFollowUpInput!) {
            recordFollowUp(input: $input) {
              plan {
                id
              }
            }
          }
        `,
        {
          ...as(focalId),
          variables: {
            input: {
              followUpId: arrived.confirmArrival.plan.followUps[0].id,
              outcome: 'REINTEGRATING',
              notes: 'back with family (test)',
            },
          },
        },
      ),
    );

    const durations = ok(
      await graphql<{ stageDurations: { step: string; suppressed: boolean }[] }>(
        node.gatewayUrl,
        `
          {
            stageDurations(country: "KH") {
              step
              suppressed
              plans
              medianDays
            }
          }
        `,
        as(focal),
      ),
    );
    // One plan is below the k-anonymity threshold: every cell is suppressed rather than shown.
    expect(durations.stageDurations.every((cell) => cell.suppressed)).toBe(true);
    const refused = await graphql(
      node.gatewayUrl,
      `
        {
          stageDurations(country: "KH") {
            step
          }
        }
      `,
      as(immigration),
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
