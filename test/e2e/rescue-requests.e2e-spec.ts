import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@passage/shared/testing';
import { graphql } from '../support/graphql-client.js';
import { as, signIn, type Session } from '../support/personas.js';
import { startTestNode, type RunningNode } from '../support/running-node.js';

const SUBMIT = `mutation Submit($input: SubmitRescueRequestInput!) {
  submitRescueRequest(input: $input) { rescueRequest { id reference side status dueAt overdue peopleReported jurisdictionCountry } }
}`;
const REQUEST = `query Request($id: ID!) {
  rescueRequest(id: $id) {
    id side status outcome overdue escalated dueAt peopleReported othersCount othersNames compoundId
    people { nameOrAlias nationality ageBand minor }
    locations { compoundName province country }
    history { fromStatus toStatus changedBy }
  }
}`;
const COMPOUNDS = `{ compounds { id name province peopleReported listedPeople listedNames openRequests } }`;
// Compound names and listed names are live rescue data too: without a named grant they come back null.

/** Three named Indonesians and twelve others, in a compound in Cambodia (all fictional). */
function requestFor(compoundName: string) {
  return {
    onBehalfOf: 'RELATIVE',
    reportedVia: 'family hotline',
    people: [
      {
        nameOrAlias: 'Ayu Lestari (test)',
        nationality: 'ID',
        gender: 'FEMALE',
        ageBand: '18_24',
        languages: ['id'],
      },
      {
        nameOrAlias: 'Budi Santoso (test)',
        nationality: 'ID',
        gender: 'MALE',
        ageBand: '25_34',
        languages: ['id', 'en'],
      },
      {
        nameOrAlias: 'Dewi Kartika (test)',
        nationality: 'ID',
        gender: 'FEMALE',
        ageBand: '14_17',
        languages: ['id'],
      },
    ],
    othersCount: 12,
    location: {
      compoundName,
      province: 'Preah Sihanouk',
      district: 'Prey Nob',
      country: 'KH',
      insideSpecialEconomicZone: true,
    },
    risks: ['VIOLENCE', 'MINORS_PRESENT'],
    safeContact: { channel: 'WHATSAPP', windows: 'after 23:00', doNotContact: true },
  };
}

describe('rescue requests across the exchange (real services, Postgres, Kafka)', () => {
  let node: RunningNode;
  let consul: Session;
  let focal: Session;

  beforeAll(async () => {
    // Short due times so that "overdue" can be seen within the test; the rules are the same as in production.
    // Cambodia's calendar works every day here, so the test does not depend on the weekday it runs on.
    node = await startTestNode('e2e', {
      RESCUE_ACKNOWLEDGE_WITHIN_MS: '4s',
      RESCUE_OVERDUE_CHECK_INTERVAL_MS: '500ms',
      WORKING_CALENDARS: JSON.stringify({
        KH: { workingDays: ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] },
      }),
    });
    consul = await signIn(node.gatewayUrl, 'consul.id-kh@passage.demo');
    focal = await signIn(node.gatewayUrl, 'focal.kh@passage.demo');
  });

  afterAll(async () => {
    await node?.stop();
  });

  async function submit(compoundName: string) {
    const response = await graphql<{
      submitRescueRequest: { rescueRequest: { id: string; side: string; status: string } };
    }>(node.gatewayUrl, SUBMIT, { ...as(consul), variables: { input: requestFor(compoundName) } });
    expect(response.errors).toBeUndefined();
    return response.data!.submitRescueRequest.rescueRequest;
  }

  async function view(session: Session, id: string) {
    const response = await graphql<{
      rescueRequest: Record<string, unknown> & { status: string; side: string };
    }>(node.gatewayUrl, REQUEST, { ...as(session), variables: { id } });
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!.rescueRequest;
  }

  it('reaches the focal point, who acknowledges it, and the embassy sees the new status', async () => {
    const submitted = await submit('Golden Sands Compound (test)');
    expect(submitted).toMatchObject({ side: 'REQUESTER', status: 'SUBMITTED' });

    const atFocal = await eventually(() => view(focal, submitted.id));
    expect(atFocal).toMatchObject({
      side: 'JURISDICTION',
      status: 'SUBMITTED',
      peopleReported: 15,
      othersCount: 12,
    });
    // Until a named focal point takes the request on, names and places stay hidden even from the focal point.
    expect((atFocal.people as { nameOrAlias: string | null }[]).map((person) => person.nameOrAlias)).toEqual([
      null,
      null,
      null,
    ]);
    expect(atFocal.locations).toBeNull();

    const compounds = await graphql<{
      compounds: {
        id: string;
        name: string | null;
        peopleReported: number;
        listedPeople: number;
        openRequests: number;
      }[];
    }>(node.gatewayUrl, COMPOUNDS, as(focal));
    expect(compounds.data!.compounds.find((compound) => compound.id === atFocal.compoundId)).toMatchObject({
      peopleReported: 15,
      listedPeople: 3,
      openRequests: 1,
    });

    const acknowledged = await graphql(
      node.gatewayUrl,
      `
        mutation A($input: AcknowledgeRescueRequestInput!) {
          acknowledgeRescueRequest(input: $input) {
            rescueRequest {
              status
            }
          }
        }
      `,
      {
        ...as(focal),
        variables: { input: { id: submitted.id, note: 'received, verifying the location' } },
      },
    );
    expect(acknowledged.errors).toBeUndefined();
    const claimed = await view(focal, submitted.id);
    expect((claimed.people as { nameOrAlias: string }[]).map((person) => person.nameOrAlias)).toContain(
      'Ayu Lestari (test)',
    );
    expect(claimed.locations).toEqual([
      expect.objectContaining({ compoundName: 'Golden Sands Compound (test)', province: 'Preah Sihanouk' }),
    ]);
    // Another focal point of the same country, not named on the request, still sees no names.
    await eventually(async () => expect((await view(consul, submitted.id)).status).toBe('ACKNOWLEDGED'));
    const atEmbassy = await view(consul, submitted.id);
    expect(atEmbassy.side).toBe('REQUESTER');
    expect(atEmbassy.history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          toStatus: 'ACKNOWLEDGED',
          changedBy: 'Cambodia National Referral Focal Point (demo)',
        }),
      ]),
    );
  });

  it('records every read and change in an audit trail that names categories, never values', async () => {
    const submitted = await submit('Audit Hill (test)');
    await eventually(() => view(focal, submitted.id));
    await view(focal, submitted.id);
    const dpo = await signIn(node.gatewayUrl, 'dpo.kh@passage.demo');
    const trail = await graphql<{
      auditTrail: {
        totalCount: number;
        records: {
          action: string;
          actorOrganisationKind: string;
          dataCategories: string[];
          fields: string[];
          decisionReason: string;
        }[];
      };
    }>(
      node.gatewayUrl,
      `
        query T($id: ID!) {
          auditTrail(resourceType: "rescue-request", resourceId: $id) {
            totalCount
            records {
              action
              actorOrganisationKind
              dataCategories
              fields
              decisionReason
              recordHash
            }
          }
        }
      `,
      { ...as(dpo), variables: { id: submitted.id } },
    );
    expect(trail.errors).toBeUndefined();
    const actions = trail.data!.auditTrail.records.map(
      (record) => `${record.actorOrganisationKind}:${record.action}`,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['EMBASSY:rescue-request.submit', 'NRM_COORDINATOR:rescue-request.read']),
    );
    const focalRead = trail.data!.auditTrail.records.find(
      (record) => record.actorOrganisationKind === 'NRM_COORDINATOR',
    );
    expect(focalRead!.dataCategories).not.toContain('IDENTITY');
    expect(trail.raw).not.toMatch(/Ayu|Audit Hill|Preah Sihanouk/);

    const officer = await signIn(node.gatewayUrl, 'immigration.kh@passage.demo');
    const refused = await graphql(
      node.gatewayUrl,
      `
        query T($id: ID!) {
          auditTrail(resourceType: "rescue-request", resourceId: $id) {
            totalCount
          }
        }
      `,
      {
        ...as(officer),
        variables: { id: submitted.id },
      },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('shows a request left unacknowledged past its due time as overdue to both sides', async () => {
    const submitted = await submit('Blue River Park (test)');
    await eventually(() => view(focal, submitted.id));
    await eventually(
      async () => {
        const [requester, jurisdiction] = await Promise.all([
          view(consul, submitted.id),
          view(focal, submitted.id),
        ]);
        expect(jurisdiction).toMatchObject({ overdue: true, escalated: true, status: 'SUBMITTED' });
        expect(requester).toMatchObject({ overdue: true, escalated: true, status: 'SUBMITTED' });
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
  });

  it('refuses a status change that skips a step, naming the field, and changes nothing', async () => {
    const submitted = await submit('Skip Test Tower (test)');
    await eventually(() => view(focal, submitted.id));
    const skipped = await graphql(
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
        variables: { input: { id: submitted.id, status: 'OPERATION_PLANNED' } },
      },
    );
    expect(skipped.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.status' });
    expect((await view(focal, submitted.id)).status).toBe('SUBMITTED');
  });

  it('refuses bad input and writes nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [
        { ...requestFor('X'), location: { ...requestFor('X').location, country: 'XX' } },
        'input.location.country',
      ],
      [
        { ...requestFor('X'), location: { ...requestFor('X').location, latitude: 123.4, longitude: 10 } },
        'input.location.latitude',
      ],
      [
        { ...requestFor('X'), people: [{ ...requestFor('X').people[0], nationality: 'Indonesia' }] },
        'input.people.0.nationality',
      ],
      [
        { ...requestFor('X'), people: [{ ...requestFor('X').people[0], nameOrAlias: 'x'.repeat(5000) }] },
        'input.people.0.nameOrAlias',
      ],
    ];
    for (const [input, field] of cases) {
      const response = await graphql(node.gatewayUrl, SUBMIT, { ...as(consul), variables: { input } });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const list = await graphql<{
      rescueRequests: { edges: { node: { locations: { compoundName: string }[] | null } }[] };
    }>(
      node.gatewayUrl,
      `
        {
          rescueRequests(first: 100) {
            edges {
              node {
                id
                locations {
                  compoundName
                }
              }
            }
          }
        }
      `,
      as(focal),
    );
    const names = list
      .data!.rescueRequests.edges.flatMap((edge) => edge.node.locations ?? [])
      .map((location) => location.compoundName);
    expect(names).not.toContain('X');
  });

  it('keeps rescue data from immigration and from organisations without a need to know', async () => {
    const submitted = await submit('Firewall Plaza (test)');
    await eventually(() => view(focal, submitted.id));
    for (const email of [
      'immigration.kh@passage.demo',
      'ngo.id@passage.demo',
      'focal.th@passage.demo',
      'admin@passage.demo',
    ]) {
      const outsider = await signIn(node.gatewayUrl, email);
      const single = await graphql(node.gatewayUrl, REQUEST, {
        ...as(outsider),
        variables: { id: submitted.id },
      });
      expect(single.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(single.raw).not.toMatch(/Ayu|Firewall Plaza|Preah Sihanouk/);
      const list = await graphql(
        node.gatewayUrl,
        `
          {
            rescueRequests {
              edges {
                node {
                  id
                }
              }
            }
          }
        `,
        as(outsider),
      );
      expect(list.raw).not.toContain(submitted.id);
      const compounds = await graphql(
        node.gatewayUrl,
        `
          {
            compounds(country: "KH") {
              name
              listedNames
            }
          }
        `,
        as(outsider),
      );
      expect(compounds.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(compounds.raw).not.toMatch(/Firewall Plaza|Ayu/);
    }
  });
});
