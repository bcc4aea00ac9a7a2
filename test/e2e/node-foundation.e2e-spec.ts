import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@passage/shared/testing';
import { graphql } from '../support/graphql-client.js';
import { as, signIn, type Session } from '../support/personas.js';
import { startTestNode, type RunningNode } from '../support/running-node.js';

const NODE_STATUS = `{
  passageNode {
    id
    hostedCountries
    identity { name consuming outbox { pending abandoned } }
    referrals { name consuming outbox { pending abandoned } }
    exchange { mailboxTopics reachableCountries }
  }
}`;

interface ServiceStatus {
  name: string;
  consuming: boolean;
  outbox: { pending: number; abandoned: number };
}

interface NodeStatus {
  id: string;
  hostedCountries: string[];
  identity: ServiceStatus;
  referrals: ServiceStatus;
  exchange: { mailboxTopics: string[]; reachableCountries: number };
}

describe('a node started like `npm start` (real Postgres, real Kafka, all services, the gateway)', () => {
  let node: RunningNode;
  /** The node's activity is for its operator (and a hosted country's oversight body) only. */
  let operator: Session;

  beforeAll(async () => {
    node = await startTestNode();
    operator = await signIn(node.gatewayUrl, 'admin@passage.demo');
  });

  afterAll(async () => {
    await node?.stop();
  });

  it('answers one query through the gateway with fields from both subgraphs', async () => {
    const response = await graphql<{ passageNode: NodeStatus }>(node.gatewayUrl, NODE_STATUS, as(operator));
    expect(response.errors).toBeUndefined();
    const status = response.data!.passageNode;
    expect(status.id).toBe('e2e');
    expect(status.hostedCountries).toEqual(
      expect.arrayContaining(['KH', 'TH', 'ID', 'MM', 'LA', 'PH', 'VN']),
    );
    expect(status.identity).toEqual({
      name: 'identity',
      consuming: true,
      outbox: { pending: 0, abandoned: 0 },
    });
    expect(status.referrals).toEqual({
      name: 'referrals',
      consuming: true,
      outbox: { pending: 0, abandoned: 0 },
    });
    expect(status.exchange.mailboxTopics).toContain('e2e.exchange.KH');
    expect(status.exchange.reachableCountries).toBeGreaterThanOrEqual(status.hostedCountries.length);
  });

  it("keeps the node's outbox and exchange activity from the anonymous caller and from immigration (issue 12)", async () => {
    const immigration = await signIn(node.gatewayUrl, 'immigration.kh@passage.demo');
    for (const options of [{}, as(immigration)]) {
      const response = await graphql(
        node.gatewayUrl,
        `
          {
            passageNode {
              referrals {
                outbox {
                  pending
                }
              }
              exchange {
                mailboxTopics
              }
            }
          }
        `,
        options,
      );
      expect(response.data?.passageNode ?? null).toBeNull();
      expect(response.errors?.map((error) => error.extensions?.code)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^(UNAUTHENTICATED|FORBIDDEN)$/)]),
      );
    }
    const id = await graphql<{ passageNode: { id: string } }>(
      node.gatewayUrl,
      `
        {
          passageNode {
            id
          }
        }
      `,
    );
    expect(id.data?.passageNode.id).toBe('e2e');
  });

  it('carries the caller’s correlation id through the gateway into both subgraphs’ logs', async () => {
    const correlationId = randomUUID();
    const response = await graphql(node.gatewayUrl, NODE_STATUS, {
      headers: { ...as(operator).headers, 'x-correlation-id': correlationId },
    });
    expect(response.headers.get('x-correlation-id')).toBe(correlationId);
    for (const service of ['gateway', 'identity', 'referrals']) {
      const [line] = await eventually(() => {
        const lines = node
          .output(service)
          .split('\n')
          .filter((text) => text.includes(correlationId));
        if (lines.length === 0) throw new Error(`${service} logged nothing with ${correlationId}`);
        return lines.map((text) => JSON.parse(text));
      });
      expect(line).toMatchObject({ service, node: 'e2e', correlationId, context: 'GraphQL' });
    }
  });

  it('reports readiness of every dependency and exposes Prometheus metrics', async () => {
    for (const service of ['identity', 'referrals', 'gateway'] as const) {
      const ready = await fetch(`${node.serviceUrl(service)}/health/ready`);
      expect(ready.status).toBe(200);
      const metrics = await (await fetch(`${node.serviceUrl(service)}/metrics`)).text();
      expect(metrics).toContain(`service="${service}"`);
      expect(metrics).toContain('node="e2e"');
    }
    const referralsMetrics = await (await fetch(`${node.serviceUrl('referrals')}/metrics`)).text();
    expect(referralsMetrics).toMatch(/^outbox_pending_messages\{[^}]*\} 0$/m);
    expect(referralsMetrics).toContain('graphql_operation_duration_seconds_bucket');
    const ready = (await (await fetch(`${node.serviceUrl('referrals')}/health/ready`)).json()) as {
      details: object;
    };
    expect(Object.keys(ready.details)).toEqual(['database', 'kafka', 'kafka-consumers']);
  });

  it('refuses operations that exceed the alias or size limits, with a code and no internals', async () => {
    // Limits are checked before any subgraph is called; introspection fields are exempt, so use real ones.
    const aliases = await graphql(
      node.gatewayUrl,
      `{ ${Array.from({ length: 20 }, (_, i) => `n${i}: passageNode { id }`).join(' ')} }`,
    );
    expect(aliases.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(aliases.errors?.[0]?.message).toMatch(/aliases/i);
    expect(aliases.data).toBeUndefined();

    const oversized = await fetch(`${node.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ passageNode { id } }`, variables: { padding: 'x'.repeat(400_000) } }),
    });
    expect(oversized.status).toBe(413);
    expect(await oversized.text()).not.toMatch(/at .*\.js:\d+/);
  });

  it('masks unknown fields and parse errors without a stack trace', async () => {
    const unknown = await graphql(
      node.gatewayUrl,
      `
        {
          passageNode {
            secretField
          }
        }
      `,
    );
    expect(unknown.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const broken = await graphql(node.gatewayUrl, `{ passageNode { id `);
    // The token limit parses the document first, so a syntax error is reported as a validation failure.
    expect(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED']).toContain(
      broken.errors?.[0]?.extensions?.code,
    );
    for (const response of [unknown, broken]) {
      expect(response.raw).not.toContain('stacktrace');
      expect(response.raw).not.toMatch(/node_modules|\.js:\d+/);
    }
  });

  it('rejects a cross-site form post (CSRF prevention)', async () => {
    const response = await fetch(
      `${node.gatewayUrl}/graphql?query=${encodeURIComponent('{ passageNode { id } }')}`,
    );
    expect(response.status).toBe(400);
  });
});
