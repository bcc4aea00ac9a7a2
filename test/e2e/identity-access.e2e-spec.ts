import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@passage/shared/testing';
import { totpCode } from '../../apps/identity/src/credentials/index.js';
import { graphql } from '../support/graphql-client.js';
import { DEMO_PASSWORD, LOGIN, PERSONAS, REFRESH, as, signIn, type Session } from '../support/personas.js';
import { startTestNode, type RunningNode } from '../support/running-node.js';
import { TokenForge, claimsOf, tamperedToken, unsignedToken } from '../support/token-forge.js';

const ME = `{ me { id email roles organisation { id name kind } } }`;
const ORGANISATION_COUNT = `{ organisations { totalCount } }`;
const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { user { id email roles organisationId } } }`;
const STRONG_PASSWORD = 'correct horse battery staple 7';

describe('identity and access through the gateway (real services, Postgres, Kafka)', () => {
  let node: RunningNode;
  let admin: Session;
  let ngoKhOrganisationId: string;

  beforeAll(async () => {
    node = await startTestNode();
    admin = await signIn(node.gatewayUrl, 'admin@passage.demo');
    ngoKhOrganisationId = (await signIn(node.gatewayUrl, 'ngo.kh@passage.demo')).user.organisationId;
  });

  afterAll(async () => {
    await node?.stop();
  });

  /** A fresh account in the Cambodian NGO, so tests that lock or deactivate never touch a persona. */
  async function newPerson(organisationId = ngoKhOrganisationId, roles = ['CASEWORKER']) {
    const email = `person-${randomUUID().slice(0, 8)}@example.org`;
    const response = await graphql<{ createUser: { user: { id: string } } }>(node.gatewayUrl, CREATE_USER, {
      ...as(admin),
      variables: {
        input: { organisationId, email, displayName: 'Test Person', roles, initialPassword: STRONG_PASSWORD },
      },
    });
    expect(response.errors).toBeUndefined();
    return { id: response.data!.createUser.user.id, email };
  }

  it.each(PERSONAS)('signs in %s and answers `me` for them', async (email) => {
    const session = await signIn(node.gatewayUrl, email);
    expect(session.mfaEnrolmentRequired).toBe(false);
    const me = await graphql<{ me: { email: string } }>(node.gatewayUrl, ME, as(session));
    expect(me.errors).toBeUndefined();
    expect(me.data!.me.email).toBe(email);
  });

  it('gives the same answer for a wrong password and an unknown address', async () => {
    const wrongPassword = await graphql(node.gatewayUrl, LOGIN, {
      variables: { input: { email: 'focal.th@passage.demo', password: 'not the password at all' } },
    });
    const unknownAddress = await graphql(node.gatewayUrl, LOGIN, {
      variables: { input: { email: 'nobody-here@passage.demo', password: 'not the password at all' } },
    });
    const shape = (response: typeof wrongPassword) => ({
      message: response.errors?.[0]?.message,
      code: response.errors?.[0]?.extensions?.code,
      reason: response.errors?.[0]?.extensions?.reason,
      data: response.data,
    });
    expect(shape(wrongPassword)).toEqual(shape(unknownAddress));
    expect(shape(wrongPassword)).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' });
  });

  it('locks an account after repeated failures, even against the right password', async () => {
    const person = await newPerson();
    const attempt = (password: string) =>
      graphql(node.gatewayUrl, LOGIN, { variables: { input: { email: person.email, password } } });
    for (let failure = 0; failure < 5; failure++) {
      expect((await attempt('wrong password number x')).errors?.[0]?.extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
    }
    const locked = await attempt(STRONG_PASSWORD);
    expect(locked.errors?.[0]?.extensions).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      reason: 'ACCOUNT_LOCKED',
    });
    expect(locked.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(locked.data).toBeNull();

    // Unknown addresses lock the same way, so a lockout does not reveal that an account exists.
    const stranger = `nobody-${randomUUID().slice(0, 6)}@passage.demo`;
    for (let failure = 0; failure < 5; failure++) {
      await graphql(node.gatewayUrl, LOGIN, {
        variables: { input: { email: stranger, password: 'whatever it is' } },
      });
    }
    const strangerLocked = await graphql(node.gatewayUrl, LOGIN, {
      variables: { input: { email: stranger, password: 'x' } },
    });
    expect(strangerLocked.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
  });

  it('rotates refresh tokens, and a reused one ends the whole session everywhere', async () => {
    const first = await signIn(node.gatewayUrl, 'ngo.id@passage.demo');
    const rotated = await graphql<{ refreshSession: Session }>(node.gatewayUrl, REFRESH, {
      variables: { input: { refreshToken: first.refreshToken } },
    });
    expect(rotated.errors).toBeUndefined();
    const second = rotated.data!.refreshSession;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect((await graphql(node.gatewayUrl, ME, as(second))).errors).toBeUndefined();

    // Someone replays the first refresh token: the session dies, for the thief and the owner alike.
    const replay = await graphql(node.gatewayUrl, REFRESH, {
      variables: { input: { refreshToken: first.refreshToken } },
    });
    expect(replay.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const ownerRefresh = await graphql(node.gatewayUrl, REFRESH, {
      variables: { input: { refreshToken: second.refreshToken } },
    });
    expect(ownerRefresh.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await eventually(
      async () => {
        const me = await graphql(node.gatewayUrl, ME, as(second));
        expect(me.status).toBe(401);
      },
      { timeoutMs: 10_000 },
    );
  });

  it('logs out: the access token stops working and the refresh token is dead', async () => {
    const session = await signIn(node.gatewayUrl, 'shelter.kh@passage.demo');
    expect((await graphql(node.gatewayUrl, 'mutation { logout }', as(session))).data).toEqual({
      logout: true,
    });
    await eventually(async () => expect((await graphql(node.gatewayUrl, ME, as(session))).status).toBe(401), {
      timeoutMs: 10_000,
    });
    const refresh = await graphql(node.gatewayUrl, REFRESH, {
      variables: { input: { refreshToken: session.refreshToken } },
    });
    expect(refresh.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stops a deactivated person’s live access token within seconds, at the gateway and in the subgraph', async () => {
    const person = await newPerson();
    const session = await signIn(node.gatewayUrl, person.email, STRONG_PASSWORD);
    expect((await graphql(node.gatewayUrl, ME, as(session))).errors).toBeUndefined();

    const deactivated = await graphql(
      node.gatewayUrl,
      `
        mutation D($input: DeactivateUserInput!) {
          deactivateUser(input: $input) {
            user {
              active
            }
          }
        }
      `,
      {
        ...as(admin),
        variables: { input: { userId: person.id } },
      },
    );
    expect(deactivated.data).toEqual({ deactivateUser: { user: { active: false } } });

    const started = Date.now();
    await eventually(
      async () => {
        expect((await graphql(node.gatewayUrl, ME, as(session))).status).toBe(401);
        // Straight to identity too, as a caller inside the network could: it refuses on its own.
        const direct = await graphql(node.serviceUrl('identity'), ME, as(session));
        expect(direct.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      },
      { timeoutMs: 10_000, intervalMs: 200 },
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    const again = await graphql(node.gatewayUrl, LOGIN, {
      variables: { input: { email: person.email, password: STRONG_PASSWORD } },
    });
    expect(again.errors?.[0]?.extensions?.reason).toBe('INVALID_CREDENTIALS');
  });

  it('signs out everyone of a deactivated organisation within seconds', async () => {
    const created = await graphql<{ createOrganisation: { organisation: { id: string } } }>(
      node.gatewayUrl,
      `
        mutation C($input: CreateOrganisationInput!) {
          createOrganisation(input: $input) {
            organisation {
              id
            }
          }
        }
      `,
      {
        ...as(admin),
        variables: {
          input: { name: `Closing NGO ${randomUUID().slice(0, 4)} (test)`, kind: 'NGO', country: 'MM' },
        },
      },
    );
    const organisationId = created.data!.createOrganisation.organisation.id;
    const person = await newPerson(organisationId);
    const session = await signIn(node.gatewayUrl, person.email, STRONG_PASSWORD);
    const deactivated = await graphql(
      node.gatewayUrl,
      `
        mutation D($input: DeactivateOrganisationInput!) {
          deactivateOrganisation(input: $input) {
            organisation {
              active
            }
          }
        }
      `,
      { ...as(admin), variables: { input: { organisationId } } },
    );
    expect(deactivated.data).toEqual({ deactivateOrganisation: { organisation: { active: false } } });
    await eventually(async () => expect((await graphql(node.gatewayUrl, ME, as(session))).status).toBe(401), {
      timeoutMs: 10_000,
      intervalMs: 200,
    });
    const refresh = await graphql(node.gatewayUrl, REFRESH, {
      variables: { input: { refreshToken: session.refreshToken } },
    });
    expect(refresh.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  describe('tokens that must be refused', () => {
    let forge: TokenForge;
    let genuine: Session;

    beforeAll(async () => {
      forge = await TokenForge.forNode(node.databaseUrl('identity'));
      genuine = await signIn(node.gatewayUrl, 'police.kh@passage.demo');
    });

    const cases: [string, () => Promise<string>][] = [
      [
        'expired',
        () =>
          forge.sign({
            ...claimsOf(genuine.accessToken),
            iat: Math.floor(Date.now() / 1000) - 3600,
            exp: Math.floor(Date.now() / 1000) - 1800,
          }),
      ],
      [
        'forged (claims changed after signing)',
        async () => tamperedToken(genuine.accessToken, { rol: ['PLATFORM_ADMIN'], okd: 'PLATFORM_OPERATOR' }),
      ],
      [
        'signed by another key under the real key id',
        () => forge.signWithImpostorKey(claimsOf(genuine.accessToken)),
      ],
      ['unsigned (alg: none)', async () => unsignedToken(claimsOf(genuine.accessToken))],
      [
        'for another node',
        () =>
          forge.sign({
            ...claimsOf(genuine.accessToken),
            aud: 'passage:other-node',
            iss: 'passage-identity:other-node',
          }),
      ],
      ['without a session id', () => forge.sign({ ...claimsOf(genuine.accessToken), sid: undefined })],
      ['garbage', async () => 'not-a-token'],
    ];

    it.each(cases)('refuses a token that is %s at the gateway and in each subgraph', async (_label, make) => {
      const token = await make();
      const headers = { headers: { authorization: `Bearer ${token}` } };
      const viaGateway = await graphql(node.gatewayUrl, ME, headers);
      expect(viaGateway.status).toBe(401);
      expect(viaGateway.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      // Straight to the subgraphs, as a caller inside the network could: they verify on their own.
      const identity = await graphql(node.serviceUrl('identity'), ME, headers);
      expect(identity.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(identity.data ?? null).toBeNull();
    });

    it('accepts the genuine token (the refusals above are not a broken verifier)', async () => {
      expect((await graphql(node.gatewayUrl, ME, as(genuine))).errors).toBeUndefined();
      expect((await graphql(node.serviceUrl('identity'), ME, as(genuine))).errors).toBeUndefined();
    });
  });

  it('lets an immigration officer call `me` and nothing that lists organisations or people', async () => {
    const officer = await signIn(node.gatewayUrl, 'immigration.kh@passage.demo');
    const me = await graphql<{ me: { organisation: { kind: string } } }>(node.gatewayUrl, ME, as(officer));
    expect(me.errors).toBeUndefined();
    expect(me.data!.me.organisation.kind).toBe('IMMIGRATION');

    const queries = [
      `{ organisations { totalCount edges { node { id name } } } }`,
      `{ organisation(id: "${ngoKhOrganisationId}") { name } }`,
      `{ users { edges { node { email } } } }`,
      `{ users(organisationId: "${ngoKhOrganisationId}") { edges { node { email } } } }`,
    ];
    for (const query of queries) {
      const response = await graphql(node.gatewayUrl, query, as(officer));
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(response.data ?? null).toBeNull();
      expect(response.raw).not.toMatch(/passage\.demo|Mekong/);
    }
    const create = await graphql(node.gatewayUrl, CREATE_USER, {
      ...as(officer),
      variables: {
        input: {
          organisationId: officer.user.organisationId,
          email: 'x@example.org',
          displayName: 'X',
          roles: ['VERIFIER'],
          initialPassword: STRONG_PASSWORD,
        },
      },
    });
    expect(create.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets the platform operator create an organisation and a person, and refuses it to others', async () => {
    const created = await graphql<{
      createOrganisation: { organisation: { id: string; kind: string; nodeId: string } };
    }>(
      node.gatewayUrl,
      `
        mutation C($input: CreateOrganisationInput!) {
          createOrganisation(input: $input) {
            organisation {
              id
              kind
              nodeId
            }
          }
        }
      `,
      {
        ...as(admin),
        variables: {
          input: {
            name: `Lao Women's Union shelter ${randomUUID().slice(0, 4)} (test)`,
            kind: 'SHELTER',
            country: 'LA',
          },
        },
      },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createOrganisation.organisation).toMatchObject({ kind: 'SHELTER', nodeId: 'e2e' });
    const person = await newPerson(created.data!.createOrganisation.organisation.id);
    expect(person.id).toMatch(/^[0-9a-f-]{36}$/);

    const caseworker = await signIn(node.gatewayUrl, 'ngo.kh@passage.demo');
    const refused = await graphql(
      node.gatewayUrl,
      `
        mutation C($input: CreateOrganisationInput!) {
          createOrganisation(input: $input) {
            organisation {
              id
            }
          }
        }
      `,
      {
        ...as(caseworker),
        variables: { input: { name: 'Should not exist (test)', kind: 'NGO', country: 'KH' } },
      },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const cases = [
      [{ name: 'X', kind: 'NGO', country: 'KH' }, 'input.name'],
      [{ name: 'Valid name (test)', kind: 'NGO', country: 'XX' }, 'input.country'],
      [{ name: 'Valid embassy (test)', kind: 'EMBASSY', country: 'PH' }, 'input.stationedIn'],
    ] as const;
    for (const [input, field] of cases) {
      const response = await graphql(
        node.gatewayUrl,
        `
          mutation C($input: CreateOrganisationInput!) {
            createOrganisation(input: $input) {
              organisation {
                id
              }
            }
          }
        `,
        {
          ...as(admin),
          variables: { input },
        },
      );
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const weak = await graphql(node.gatewayUrl, CREATE_USER, {
      ...as(admin),
      variables: {
        input: {
          organisationId: ngoKhOrganisationId,
          email: 'weak@example.org',
          displayName: 'Weak',
          roles: ['CASEWORKER'],
          initialPassword: 'password123',
        },
      },
    });
    expect(weak.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.initialPassword',
      reason: 'PASSWORD_TOO_SHORT',
    });
    // The message says what is wrong, in words a person can act on: every problem, the first one's code.
    expect(weak.errors?.[0]?.message).toMatch(
      /^input\.initialPassword: Password must be at least 12 characters; Password is one of the most commonly used/,
    );
    const wrongRole = await graphql(node.gatewayUrl, CREATE_USER, {
      ...as(admin),
      variables: {
        input: {
          organisationId: ngoKhOrganisationId,
          email: 'role@example.org',
          displayName: 'Role',
          roles: ['VERIFIER'],
          initialPassword: STRONG_PASSWORD,
        },
      },
    });
    expect(wrongRole.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.roles' });
    for (const email of ['weak@example.org', 'role@example.org']) {
      const login = await graphql(node.gatewayUrl, LOGIN, {
        variables: { input: { email, password: STRONG_PASSWORD } },
      });
      expect(login.errors?.[0]?.extensions?.reason).toBe('INVALID_CREDENTIALS');
    }
  });

  it('enforces a second factor an organisation requires: enrolment first, then codes at every sign-in', async () => {
    const organisation = await graphql<{ createOrganisation: { organisation: { id: string } } }>(
      node.gatewayUrl,
      `
        mutation C($input: CreateOrganisationInput!) {
          createOrganisation(input: $input) {
            organisation {
              id
            }
          }
        }
      `,
      {
        ...as(admin),
        variables: {
          input: {
            name: `Strict NGO ${randomUUID().slice(0, 4)} (test)`,
            kind: 'NGO',
            country: 'TH',
            requireMfa: true,
          },
        },
      },
    );
    const person = await newPerson(organisation.data!.createOrganisation.organisation.id);
    const first = await signIn(node.gatewayUrl, person.email, STRONG_PASSWORD);
    expect(first.mfaEnrolmentRequired).toBe(true);
    const blocked = await graphql(node.gatewayUrl, ORGANISATION_COUNT, as(first));
    expect(blocked.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'MFA_ENROLMENT_REQUIRED',
    });

    const enrolment = await graphql<{ enrollTotp: { secret: string; otpauthUri: string } }>(
      node.gatewayUrl,
      `
        mutation {
          enrollTotp {
            secret
            otpauthUri
          }
        }
      `,
      as(first),
    );
    const { secret, otpauthUri } = enrolment.data!.enrollTotp;
    expect(otpauthUri).toContain('otpauth://totp/');
    const confirmationCode = totpCode(secret, new Date());
    const wrong = await graphql(
      node.gatewayUrl,
      `
        mutation {
          confirmTotp(input: { code: "000000" }) {
            enrolled
          }
        }
      `,
      as(first),
    );
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.code' });
    const confirmed = await graphql<{ confirmTotp: { recoveryCodes: string[] } }>(
      node.gatewayUrl,
      `
        mutation C($code: String!) {
          confirmTotp(input: { code: $code }) {
            recoveryCodes
          }
        }
      `,
      { ...as(first), variables: { code: confirmationCode } },
    );
    expect(confirmed.errors).toBeUndefined();
    const recoveryCodes = confirmed.data!.confirmTotp.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);

    const refreshed = await graphql<{ refreshSession: Session }>(node.gatewayUrl, REFRESH, {
      variables: { input: { refreshToken: first.refreshToken } },
    });
    expect(refreshed.data!.refreshSession.mfaEnrolmentRequired).toBe(false);
    expect(
      (await graphql(node.gatewayUrl, ORGANISATION_COUNT, as(refreshed.data!.refreshSession))).errors,
    ).toBeUndefined();

    const withoutCode = await graphql(node.gatewayUrl, LOGIN, {
      variables: { input: { email: person.email, password: STRONG_PASSWORD } },
    });
    expect(withoutCode.errors?.[0]?.extensions?.reason).toBe('MFA_REQUIRED');
    // The code that confirmed the enrolment has been used: replaying it must not open a second door.
    const replayedCode = await graphql(node.gatewayUrl, LOGIN, {
      variables: { input: { email: person.email, password: STRONG_PASSWORD, totpCode: confirmationCode } },
    });
    expect(replayedCode.errors?.[0]?.extensions?.reason).toBe('MFA_CODE_INVALID');
    const withRecovery = await signIn(node.gatewayUrl, person.email, STRONG_PASSWORD, {
      recoveryCode: recoveryCodes[0],
    });
    expect(withRecovery.mfaEnrolmentRequired).toBe(false);
    const reusedRecovery = await graphql(node.gatewayUrl, LOGIN, {
      variables: {
        input: { email: person.email, password: STRONG_PASSWORD, recoveryCode: recoveryCodes[0] },
      },
    });
    expect(reusedRecovery.errors?.[0]?.extensions?.reason).toBe('MFA_CODE_INVALID');
  });

  it('keeps the demo password documented in the README', () => {
    expect(DEMO_PASSWORD).toBe('Rescue-Refer-Return-2026');
  });
});
