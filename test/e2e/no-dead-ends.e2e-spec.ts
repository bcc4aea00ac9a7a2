import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { findInDirectory } from '../support/directory.js';
import { graphql, type GraphqlResponse } from '../support/graphql-client.js';
import { as, signIn, type Session } from '../support/personas.js';
import { startTestNode, type RunningNode } from '../support/running-node.js';

const PASSWORD = 'Mekong-Crossing-Kampala-2026!';

function ok<T>(response: GraphqlResponse<T>): T {
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!;
}

/**
 * Issue 10's journey through the gateway: a Ugandan man who escaped a compound in Myanmar reaches an NGO
 * in Vientiane with no passport and no phone, speaking Luganda. Every organisation he meets is created by
 * the platform operator on the spot, as a new country joining would be.
 */
describe('no dead ends: a survivor without a passport, in any language, from first contact to home', () => {
  let node: RunningNode;
  let admin: Session;
  let laoNgo: Session;
  let laoFocal: Session;
  let laoImmigration: Session;

  async function call<T>(session: Session, query: string, variables: Record<string, unknown> = {}) {
    return ok(await graphql<T>(node.gatewayUrl, query, { ...as(session), variables }));
  }

  /** The coded error a refused request got, and proof that it carried no data. */
  async function refusal(session: Session, query: string, variables: Record<string, unknown>) {
    const response = await graphql(node.gatewayUrl, query, { ...as(session), variables });
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.raw).not.toMatch(/at .*\.(ts|js):\d+/);
    return response.errors![0].extensions as Record<string, unknown>;
  }

  async function laoOrganisation(name: string, kind: string, roles: string[]): Promise<Session> {
    const created = await call<{ createOrganisation: { organisation: { id: string } } }>(
      admin,
      `mutation C($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }`,
      { input: { name: `${name} ${randomUUID().slice(0, 4)} (test)`, kind, country: 'LA' } },
    );
    const email = `${kind.toLowerCase()}-${randomUUID().slice(0, 8)}@example.la`;
    await call(admin, `mutation U($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
      input: {
        organisationId: created.createOrganisation.organisation.id,
        email,
        displayName: `${name} officer (test)`,
        roles,
        initialPassword: PASSWORD,
      },
    });
    return signIn(node.gatewayUrl, email, PASSWORD);
  }

  beforeAll(async () => {
    node = await startTestNode();
    admin = await signIn(node.gatewayUrl, 'admin@passage.demo');
    laoNgo = await laoOrganisation('Vientiane Migrant Support', 'NGO', ['CASEWORKER']);
    laoFocal = await laoOrganisation('Lao National Referral', 'NRM_COORDINATOR', ['FOCAL_POINT']);
    laoImmigration = await laoOrganisation('Lao Immigration', 'IMMIGRATION', ['CASEWORKER']);
  });

  afterAll(async () => {
    await node?.stop();
  });

  it('takes him from a self-exit case in Luganda to protection, a travel document, home, and a closed case', async () => {
    const opened = await call<{
      openCase: { case: { id: string; people: { id: string; languages: string[] }[] } };
    }>(
      laoNgo,
      `mutation O($input: OpenCaseInput!) { openCase(input: $input) { case { id people { id languages } } } }`,
      {
        input: {
          origin: 'SELF_EXIT_ESCAPE',
          people: [
            {
              name: 'Ssemakula Joseph (test)',
              nationality: 'UG',
              gender: 'MALE',
              ageBand: 'AGE_25_34',
              languages: ['lg', 'en'],
              narrative: 'Escaped a compound in Myawaddy and crossed into Lao PDR (test).',
              currentLocation: 'Vientiane, NGO drop-in centre (test)',
            },
          ],
        },
      },
    );
    const caseId = opened.openCase.case.id;
    const personId = opened.openCase.case.people[0].id;
    expect(opened.openCase.case.people[0].languages).toEqual(['lg', 'en']);
  });
});
