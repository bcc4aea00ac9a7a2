import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { createTestBus, eventually, readTopic } from '@passage/shared/testing';
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
});
