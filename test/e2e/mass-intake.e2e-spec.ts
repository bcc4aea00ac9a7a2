import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { graphql, type GraphqlResponse } from '../support/graphql-client.js';
import { as, signIn, type Session } from '../support/personas.js';
import { raid } from '../support/raid.js';
import { startTestNode, type RunningNode } from '../support/running-node.js';

const REGISTER = `mutation Register($input: RegisterMassIntakeInput!) {
  registerMassIntake(input: $input) { massIntakeId caseCount cases { caseId personId reference } }
}`;
const OPEN_CASE = `mutation Open($input: OpenCaseInput!) { openCase(input: $input) { case { id } } }`;
const CASE = `query C($id: ID!) { case(id: $id) {
  origin massIntakeId firstContactAt screeningDueAt identificationDueAt screeningOverdue identificationOverdue
  people { name languages immediateNeeds }
} }`;
const MASS_INTAKE_CASES = `query { cases(filter: { origin: MASS_INTAKE }, first: 1) { totalCount } }`;

/** What a client sends to say that its body is a mass intake, which may exceed 256 kB (ADR 022). */
const DECLARED = { 'x-passage-operation': 'registerMassIntake' };
const KIB = 1024;

interface Registered {
  registerMassIntake: {
    massIntakeId: string;
    caseCount: number;
    cases: { caseId: string; personId: string; reference: string }[];
  };
}

function ok<T>(response: GraphqlResponse<T>): T {
  if (response.errors) throw new Error(JSON.stringify(response.errors).slice(0, 2_000));
  return response.data!;
}

describe('mass intake at the size of a real raid, through the gateway (real services, Postgres, Kafka)', () => {
  let node: RunningNode;
  let focal: Session;

  beforeAll(async () => {
    node = await startTestNode();
    focal = await signIn(node.gatewayUrl, 'focal.kh@passage.demo');
  });

  afterAll(async () => {
    await node?.stop();
  });

  const body = (query: string, input: unknown) => JSON.stringify({ query, variables: { input } });

  /** Posts a body as is (a refused one is answered before GraphQL, and not in its format). */
  async function post(text: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${node.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...as(focal).headers, ...headers },
      body: text,
    });
    return { status: response.status, text: await response.text() };
  }

  async function massIntakeCases(): Promise<number> {
    const { cases } = ok(
      await graphql<{ cases: { totalCount: number } }>(node.gatewayUrl, MASS_INTAKE_CASES, as(focal)),
    );
    return cases.totalCount;
  }

  it('registers a raid of 2,724 named people with their languages in one operation', async () => {
    const people = raid(2_724);
    expect(Buffer.byteLength(body(REGISTER, { people }))).toBeGreaterThan(256 * KIB);
    const registered = ok(
      await graphql<Registered>(node.gatewayUrl, REGISTER, {
        variables: { input: { people } },
        headers: { ...as(focal).headers, ...DECLARED },
      }),
    );
    expect(registered.registerMassIntake.caseCount).toBe(2_724);
    expect(new Set(registered.registerMassIntake.cases.map((item) => item.reference)).size).toBe(2_724);

    // The last person as given: name in full, languages and needs, and the case's due times.
    const last = registered.registerMassIntake.cases[2_723];
    const { case: seen } = ok(
      await graphql<{
        case: {
          origin: string;
          massIntakeId: string;
          firstContactAt: string | null;
          screeningDueAt: string | null;
          identificationDueAt: string | null;
          screeningOverdue: boolean;
          identificationOverdue: boolean;
          people: { name: string | null; languages: string[]; immediateNeeds: string[] }[];
        };
      }>(node.gatewayUrl, CASE, { ...as(focal), variables: { id: last.caseId } }),
    );
    expect(seen).toMatchObject({
      origin: 'MASS_INTAKE',
      massIntakeId: registered.registerMassIntake.massIntakeId,
      screeningOverdue: false,
      identificationOverdue: false,
      people: [
        {
          name: people[2_723].name,
          languages: people[2_723].languages,
          immediateNeeds: people[2_723].immediateNeeds,
        },
      ],
    });
    expect(new Date(seen.screeningDueAt!).getTime()).toBeGreaterThan(
      new Date(seen.firstContactAt!).getTime(),
    );
    expect(new Date(seen.identificationDueAt!).getTime()).toBeGreaterThan(
      new Date(seen.screeningDueAt!).getTime(),
    );
  });

  it('registers the largest intake, 5,000 people, in one operation', async () => {
    const people = raid(5_000);
    const text = body(REGISTER, { people });
    expect(Buffer.byteLength(text)).toBeGreaterThan(1_500 * KIB);
    const before = await massIntakeCases();
    const response = await post(text, DECLARED);
    expect(response.status).toBe(200);
    const registered = JSON.parse(response.text) as { data?: Registered; errors?: unknown };
    expect(registered.errors).toBeUndefined();
    expect(registered.data?.registerMassIntake.caseCount).toBe(5_000);
    expect(await massIntakeCases()).toBe(before + 5_000);
  });

  it('refuses a large intake that does not say what it is with 413, and registers no one', async () => {
    const before = await massIntakeCases();
    expect((await post(body(REGISTER, { people: raid(2_724) }))).status).toBe(413);
    expect(await massIntakeCases()).toBe(before);
  });

  it('keeps every other operation at 256 kB, whatever the request claims', async () => {
    const oversized = body(OPEN_CASE, {
      origin: 'WALK_IN',
      people: [{ alias: 'x'.repeat(300 * KIB), gender: 'MALE', ageBand: 'UNKNOWN' }],
    });
    for (const headers of [{}, DECLARED]) {
      const response = await post(oversized, headers);
      expect(response.status).toBe(413);
      expect(response.text).not.toMatch(/at .*\.js:\d+/);
    }
  });

  it('names the bad row of a 5,000-person intake and registers no one', async () => {
    const before = await massIntakeCases();
    const people = raid(5_000);
    people[1_234] = { ...people[1_234], languages: ['xx-not-a-language'] };
    const response = await graphql<Registered>(node.gatewayUrl, REGISTER, {
      variables: { input: { people } },
      headers: { ...as(focal).headers, ...DECLARED },
    });
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.people.1234.languages.0',
    });
    expect(await massIntakeCases()).toBe(before);
  });
});
