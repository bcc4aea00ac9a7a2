import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestBus, eventually, readTopic } from '@passage/shared/testing';
import { findInDirectory } from '../support/directory.js';
import { graphql } from '../support/graphql-client.js';
import { as, signIn, type Session } from '../support/personas.js';
import { startTestNode, type RunningNode } from '../support/running-node.js';

const SUBMIT = `mutation S($input: SubmitRescueRequestInput!) { submitRescueRequest(input: $input) { rescueRequest { id side } } }`;
const STATUS = `query R($id: ID!) { rescueRequest(id: $id) { status side history { toStatus changedBy } } }`;
const MOVE = `mutation U($input: UpdateRescueRequestStatusInput!) { updateRescueRequestStatus(input: $input) { rescueRequest { status } } }`;

async function rows(
  databaseUrl: string,
  sql: string,
  parameters: unknown[] = [],
): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Node A hosts Cambodia, Thailand, Lao PDR and Myanmar; node B Indonesia and the rest. They have their own
 * databases, services and gateways, and share only the Kafka cluster, where they read each other's
 * mailboxes only as sealed envelopes.
 */
describe('two country nodes exchanging a rescue request (real services, Postgres, Kafka)', () => {
  let nodeA: RunningNode;
  let nodeB: RunningNode;
  let consul: Session; // Embassy of Indonesia in Phnom Penh: an Indonesian organisation, on node B
  let focal: Session; // Cambodia's focal point, on node A

  beforeAll(async () => {
    [nodeA, nodeB] = await Promise.all([startTestNode('e2ea'), startTestNode('e2eb')]);
    consul = await signIn(nodeB.gatewayUrl, 'consul.id-kh@passage.demo');
    focal = await signIn(nodeA.gatewayUrl, 'focal.kh@passage.demo');
  });

  afterAll(async () => {
    await Promise.all([nodeA?.stop(), nodeB?.stop()]);
  });

  it('keeps each persona on the node of its country', async () => {
    const wrongNode = await graphql(
      nodeA.gatewayUrl,
      `
        mutation {
          login(input: { email: "consul.id-kh@passage.demo", password: "Rescue-Refer-Return-2026" }) {
            accessToken
          }
        }
      `,
    );
    expect(wrongNode.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // A token of node B means nothing on node A.
    expect(
      (
        await graphql(
          nodeA.gatewayUrl,
          `
            {
              me {
                id
              }
            }
          `,
          as(consul),
        )
      ).status,
    ).toBe(401);
  });

  it('carries a request from the embassy on node B to the focal point on node A and the status back, storing each side only on its node, sealed on the wire', async () => {
    const submitted = await graphql<{ submitRescueRequest: { rescueRequest: { id: string } } }>(
      nodeB.gatewayUrl,
      SUBMIT,
      {
        ...as(consul),
        variables: {
          input: {
            onBehalfOf: 'RELATIVE',
            people: [
              {
                nameOrAlias: 'Wulan Sekar Ayuningtyas (test)',
                nationality: 'ID',
                gender: 'FEMALE',
                ageBand: '18_24',
              },
            ],
            othersCount: 7,
            location: { compoundName: 'Lotus Bay tower (test)', province: 'Preah Sihanouk', country: 'KH' },
          },
        },
      },
    );
    expect(submitted.errors).toBeUndefined();
    const id = submitted.data!.submitRescueRequest.rescueRequest.id;

    await eventually(async () => {
      const atA = await graphql<{ rescueRequest: { status: string; side: string } }>(
        nodeA.gatewayUrl,
        STATUS,
        { ...as(focal), variables: { id } },
      );
      expect(atA.data?.rescueRequest).toMatchObject({ status: 'SUBMITTED', side: 'JURISDICTION' });
    });
    expect(
      (
        await graphql(nodeA.gatewayUrl, MOVE, {
          ...as(focal),
          variables: { input: { id, status: 'ACKNOWLEDGED' } },
        })
      ).errors,
    ).toBeUndefined();
    await eventually(async () => {
      const atB = await graphql<{ rescueRequest: { status: string; side: string } }>(
        nodeB.gatewayUrl,
        STATUS,
        { ...as(consul), variables: { id } },
      );
      expect(atB.data?.rescueRequest).toMatchObject({ status: 'ACKNOWLEDGED', side: 'REQUESTER' });
    });

    const copies = (url: string) => rows(url, `SELECT copy FROM rescue_request WHERE request_id = $1`, [id]);
    expect(await copies(nodeA.databaseUrl('referrals'))).toEqual([{ copy: 'JURISDICTION' }]);
    expect(await copies(nodeB.databaseUrl('referrals'))).toEqual([{ copy: 'REQUESTER' }]);

    const bus = createTestBus();
    try {
      const onTheWire = await readTopic(bus, 'e2e2.exchange.KH', { count: 1 });
      for (const record of onTheWire) {
        expect(record.value.toString('latin1')).not.toMatch(/Wulan|Ayuningtyas|Lotus Bay|Sihanouk/);
      }
      const back = await readTopic(bus, 'e2e2.exchange.ID', { count: 1 });
      expect(back[0].value.toString('latin1')).not.toMatch(/Cambodia National Referral/);
    } finally {
      await bus.disconnect();
    }
  });

  it('loses nothing while node B is down: what node A sends meanwhile is applied when B comes back', async () => {
    const submitted = await graphql<{ submitRescueRequest: { rescueRequest: { id: string } } }>(
      nodeB.gatewayUrl,
      SUBMIT,
      {
        ...as(consul),
        variables: {
          input: {
            onBehalfOf: 'PERSON',
            people: [
              { nameOrAlias: 'Outage case (test)', nationality: 'ID', gender: 'MALE', ageBand: '25_34' },
            ],
            othersCount: 0,
            location: { compoundName: 'Outage block (test)', province: 'Koh Kong', country: 'KH' },
          },
        },
      },
    );
    const id = submitted.data!.submitRescueRequest.rescueRequest.id;
    await eventually(async () =>
      expect(
        (
          await graphql(nodeA.gatewayUrl, MOVE, {
            ...as(focal),
            variables: { input: { id, status: 'ACKNOWLEDGED' } },
          })
        ).errors,
      ).toBeUndefined(),
    );
    await eventually(async () => {
      const atB = await graphql<{ rescueRequest: { status: string } }>(nodeB.gatewayUrl, STATUS, {
        ...as(consul),
        variables: { id },
      });
      expect(atB.data?.rescueRequest.status).toBe('ACKNOWLEDGED');
    });

    await nodeB.stop();
    expect(
      (
        await graphql(nodeA.gatewayUrl, MOVE, {
          ...as(focal),
          variables: { input: { id, status: 'VERIFYING' } },
        })
      ).errors,
    ).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    nodeB = await startTestNode('e2eb', {}, { freshDatabases: false });
    consul = await signIn(nodeB.gatewayUrl, 'consul.id-kh@passage.demo');
    await eventually(
      async () => {
        const atB = await graphql<{ rescueRequest: { status: string; history: { toStatus: string }[] } }>(
          nodeB.gatewayUrl,
          STATUS,
          {
            ...as(consul),
            variables: { id },
          },
        );
        expect(atB.data?.rescueRequest.status).toBe('VERIFYING');
        expect(atB.data?.rescueRequest.history.map((change) => change.toStatus)).toEqual([
          'SUBMITTED',
          'ACKNOWLEDGED',
          'VERIFYING',
        ]);
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
  });

  describe('a case handed off from node A to an NGO on node B', () => {
    const OPEN = `mutation O($input: OpenCaseInput!) { openCase(input: $input) { case { id people { id } } } }`;
    const OFFER = `mutation H($input: OfferHandoffInput!) { offerHandoff(input: $input) { handoff { id status sharedCategories } } }`;
    const RESPOND = `mutation R($input: RespondToHandoffInput!) { respondToHandoff(input: $input) { handoff { id status packet { json } } } }`;
    const HANDOFFS = `{ handoffs { id direction status sharedCategories packet { json } } }`;
    let ngoB: Session;
    let ngoBId: string;
    let caseId: string;
    let personId: string;

    beforeAll(async () => {
      ngoB = await signIn(nodeB.gatewayUrl, 'ngo.id@passage.demo');
      // Node A addresses the NGO as its directory lists it, announced by node B through the exchange.
      ngoBId = (await findInDirectory(nodeA.gatewayUrl, focal, 'ID', 'Rumah Pulang')).id;
      expect(ngoBId).toBe(ngoB.user.organisationId);
      const opened = await graphql<{ openCase: { case: { id: string; people: { id: string }[] } } }>(
        nodeA.gatewayUrl,
        OPEN,
        {
          ...as(focal),
          variables: {
            input: {
              origin: 'WALK_IN',
              people: [
                {
                  name: 'Retno Handayani (test)',
                  nationality: 'ID',
                  gender: 'FEMALE',
                  ageBand: 'AGE_25_34',
                  languages: ['id'],
                  documentType: 'PASSPORT',
                  documentNumber: 'B7654321',
                  narrative: 'Held for eight months (narrative, test).',
                  medicalNotes: 'Needs dental care (health, test).',
                  contact: '+62 800 000 000 (test)',
                },
              ],
            },
          },
        },
      );
      expect(opened.errors).toBeUndefined();
      caseId = opened.data!.openCase.case.id;
      personId = opened.data!.openCase.case.people[0].id;
      const consent = await graphql(
        nodeA.gatewayUrl,
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
              purposes: ['CROSS_BORDER_HANDOFF', 'RETURN'],
              language: 'id',
              interpreterUsed: true,
              interpreterLanguage: 'id',
            },
          },
        },
      );
      expect(consent.errors).toBeUndefined();
      const decided = await graphql(
        nodeA.gatewayUrl,
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
      );
      expect(decided.errors).toBeUndefined();
    });

    async function offer(categories: string[]) {
      const response = await graphql<{ offerHandoff: { handoff: { id: string; status: string } } }>(
        nodeA.gatewayUrl,
        OFFER,
        {
          ...as(focal),
          variables: {
            input: {
              caseId,
              personId,
              recipientCountry: 'ID',
              recipientOrganisationId: ngoBId,
              categories,
            },
          },
        },
      );
      expect(response.errors).toBeUndefined();
      return response.data!.offerHandoff.handoff;
    }

    async function receivedAtB(id: string) {
      const list = await graphql<{
        handoffs: { id: string; status: string; packet: { json: string } | null }[];
      }>(nodeB.gatewayUrl, HANDOFFS, as(ngoB));
      const found = list.data!.handoffs.find((handoff) => handoff.id === id);
      if (!found) throw new Error(`handoff ${id} not at node B`);
      return found;
    }

    it('delivers only the consented categories, which node B sees once it accepts, and node A sees the answer', async () => {
      const sent = await offer(['IDENTITY', 'LEGAL']);
      const pending = await eventually(() => receivedAtB(sent.id));
      expect(JSON.parse(pending.packet!.json).identity).toBeUndefined(); // the addressee sees operational facts only until it accepts
      const accepted = await graphql<{
        respondToHandoff: { handoff: { status: string; packet: { json: string } } };
      }>(nodeB.gatewayUrl, RESPOND, {
        ...as(ngoB),
        variables: { input: { handoffId: sent.id, decision: 'ACCEPTED' } },
      });
      expect(accepted.errors).toBeUndefined();
      const packet = JSON.parse((await receivedAtB(sent.id)).packet!.json);
      expect(packet.identity).toMatchObject({ name: 'Retno Handayani (test)' });
      expect(packet.legal).toMatchObject({ documentNumber: 'B7654321' });
      expect(packet.identificationDecisions).toEqual([
        expect.objectContaining({ status: 'REASONABLE_GROUNDS', jurisdictionCountry: 'KH' }),
      ]);

      // Node B's database holds no category the survivor did not consent to share.
      const stored = JSON.stringify(
        await rows(nodeB.databaseUrl('referrals'), `SELECT * FROM handoff_received`),
      );
      expect(stored).toContain('Retno Handayani');
      expect(stored).not.toMatch(/eight months|dental care|\+62 800/);
      const everything = JSON.stringify(
        await rows(nodeB.databaseUrl('referrals'), `SELECT message_id FROM inbox_message`),
      );
      expect(everything).not.toMatch(/Retno/);

      await eventually(async () => {
        const list = await graphql<{ handoffs: { id: string; status: string }[] }>(
          nodeA.gatewayUrl,
          HANDOFFS,
          as(focal),
        );
        expect(list.data!.handoffs.find((handoff) => handoff.id === sent.id)?.status).toBe('ACCEPTED');
      });

      const bus = createTestBus();
      try {
        const wire = await readTopic(bus, 'e2e2.exchange.ID', { count: 2 });
        for (const record of wire)
          expect(record.value.toString('latin1')).not.toMatch(/Retno|Handayani|B7654321/);
      } finally {
        await bus.disconnect();
      }
    });

    it('leaves nothing behind on node B when a handoff is declined', async () => {
      const sent = await offer(['IDENTITY']);
      await eventually(() => receivedAtB(sent.id));
      const declined = await graphql<{ respondToHandoff: { handoff: null } }>(nodeB.gatewayUrl, RESPOND, {
        ...as(ngoB),
        variables: { input: { handoffId: sent.id, decision: 'DECLINED', reason: 'no capacity (test)' } },
      });
      expect(declined.data).toEqual({ respondToHandoff: { handoff: null } });
      expect(
        await rows(nodeB.databaseUrl('referrals'), `SELECT 1 FROM handoff_received WHERE id = $1`, [sent.id]),
      ).toEqual([]);
      await eventually(async () => {
        const list = await graphql<{ handoffs: { id: string; status: string }[] }>(
          nodeA.gatewayUrl,
          HANDOFFS,
          as(focal),
        );
        expect(list.data!.handoffs.find((handoff) => handoff.id === sent.id)?.status).toBe('DECLINED');
      });
    });

    it('erases the copy on node B when the survivor withdraws consent to cross-border sharing', async () => {
      const accepted = await eventually(async () => {
        const list = await graphql<{ handoffs: { id: string; status: string }[] }>(
          nodeB.gatewayUrl,
          HANDOFFS,
          as(ngoB),
        );
        const found = list.data!.handoffs.find((handoff) => handoff.status === 'ACCEPTED');
        if (!found) throw new Error('no accepted handoff yet');
        return found;
      });
      const withdrawn = await graphql(
        nodeA.gatewayUrl,
        `
          mutation W($input: WithdrawConsentInput!) {
            withdrawConsent(input: $input) {
              consent {
                purpose
              }
            }
          }
        `,
        {
          ...as(focal),
          variables: { input: { caseId, personId, purpose: 'CROSS_BORDER_HANDOFF' } },
        },
      );
      expect(withdrawn.errors).toBeUndefined();
      await eventually(async () => {
        expect(
          await rows(nodeB.databaseUrl('referrals'), `SELECT 1 FROM handoff_received WHERE id = $1`, [
            accepted.id,
          ]),
        ).toEqual([]);
      });
      const stored = JSON.stringify(
        await rows(nodeB.databaseUrl('referrals'), `SELECT * FROM handoff_received`),
      );
      expect(stored).not.toMatch(/Retno|B7654321/);
    });
  });
});
