import { randomUUID } from 'node:crypto';
import type { OrganisationKind, Role } from '@passage/schemas';
import { graphql } from './graphql-client.js';
import { LOGIN, REFRESH, as, nextTotpCode, type Session } from './personas.js';

/**
 * How a working person comes to be since ADR 024, step by step through the gateway: the operator sets
 * up an organisation and its first administrator; the administrator enrols (own password, then an
 * authenticator); a second administrator is asked for by the first and approved by the operator; every
 * other person is created by one administrator, their roles approved by the other, and enrols the same
 * way. Nobody but the person chooses their password.
 */

/** A person who enrolled: their credentials and a session without the enrolment restriction. */
export interface EnrolledPerson {
  id: string;
  email: string;
  password: string;
  /** Base32 authenticator secret; null when the person's roles need no second factor. */
  totpSecret: string | null;
  session: Session;
}

export interface SetUpOrganisation {
  organisationId: string;
  admin: EnrolledPerson;
  secondAdmin: EnrolledPerson;
}

const CREATE_ORGANISATION = `mutation C($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }`;
const CREATE_USER = `mutation U($input: CreateUserInput!) { createUser(input: $input) { user { id } enrolmentLink { token } pendingRoleGrant { id } } }`;
const APPROVE = `mutation A($input: RoleGrantDecisionInput!) { approveRoleGrant(input: $input) { grant { status } } }`;
const ENROL = `mutation E($input: EnrolInput!) { enrol(input: $input) { email mfaEnrolmentRequired } }`;
const ENROLL_TOTP = `mutation T($input: EnrollTotpInput) { enrollTotp(input: $input) { secret } }`;
const CONFIRM_TOTP = `mutation C($input: ConfirmTotpInput!) { confirmTotp(input: $input) { recoveryCodes } }`;

function must<T>(response: { data?: T | null; raw: string }, what: string): T {
  if (!response.data) throw new Error(`${what} failed: ${response.raw}`);
  return response.data;
}

/** The operator sets up an organisation with two enrolled administrators. */
export async function setUpOrganisation(
  gatewayUrl: string,
  operator: Session,
  input: { kind: OrganisationKind; country: string; stationedIn?: string; name?: string },
): Promise<SetUpOrganisation> {
  const { createOrganisation } = must(
    await graphql<{ createOrganisation: { organisation: { id: string } } }>(gatewayUrl, CREATE_ORGANISATION, {
      ...as(operator),
      variables: {
        input: { name: input.name ?? `Organisation ${randomUUID().slice(0, 8)} (test)`, ...input },
      },
    }),
    'createOrganisation',
  );
  const organisationId = createOrganisation.organisation.id;
  const admin = await addPerson(gatewayUrl, {
    organisationId,
    creator: operator,
    roles: ['ORGANISATION_ADMIN'],
  });
  // The second administrator: asked for by the first, approved by the operator (a single-admin organisation).
  const secondAdmin = await addPerson(gatewayUrl, {
    organisationId,
    creator: admin.session,
    approver: operator,
    roles: ['ORGANISATION_ADMIN'],
  });
  return { organisationId, admin, secondAdmin };
}

/**
 * Creates a person (as `creator`), has `approver` approve the roles that wait for a second party, and
 * enrols them: their own password through the link, an authenticator when their roles need one.
 */
export async function addPerson(
  gatewayUrl: string,
  options: { organisationId: string; creator: Session; approver?: Session; roles: Role[]; email?: string },
): Promise<EnrolledPerson> {
  const email = options.email ?? `person-${randomUUID().slice(0, 8)}@example.org`;
  const password = `own passphrase ${randomUUID()}`;
  const { createUser } = must(
    await graphql<{
      createUser: {
        user: { id: string };
        enrolmentLink: { token: string };
        pendingRoleGrant: { id: string } | null;
      };
    }>(gatewayUrl, CREATE_USER, {
      ...as(options.creator),
      variables: {
        input: {
          organisationId: options.organisationId,
          email,
          displayName: 'Test Person',
          roles: options.roles,
        },
      },
    }),
    'createUser',
  );
  if (createUser.pendingRoleGrant) {
    if (!options.approver) throw new Error(`roles ${options.roles.join(', ')} need an approver`);
    must(
      await graphql(gatewayUrl, APPROVE, {
        ...as(options.approver),
        variables: { input: { grantId: createUser.pendingRoleGrant.id } },
      }),
      'approveRoleGrant',
    );
  }
  const { enrol } = must(
    await graphql<{ enrol: { mfaEnrolmentRequired: boolean } }>(gatewayUrl, ENROL, {
      variables: { input: { token: createUser.enrolmentLink.token, password } },
    }),
    'enrol',
  );
  const first = must(
    await graphql<{ login: Session }>(gatewayUrl, LOGIN, { variables: { input: { email, password } } }),
    'login',
  ).login;
  if (!enrol.mfaEnrolmentRequired) {
    return { id: createUser.user.id, email, password, totpSecret: null, session: first };
  }
  const { enrollTotp } = must(
    await graphql<{ enrollTotp: { secret: string } }>(gatewayUrl, ENROLL_TOTP, {
      ...as(first),
      variables: { input: { currentPassword: password } },
    }),
    'enrollTotp',
  );
  const code = await nextTotpCode(gatewayUrl, email, enrollTotp.secret);
  must(
    await graphql(gatewayUrl, CONFIRM_TOTP, { ...as(first), variables: { input: { code } } }),
    'confirmTotp',
  );
  const refreshed = must(
    await graphql<{ refreshSession: Session }>(gatewayUrl, REFRESH, {
      variables: { input: { refreshToken: first.refreshToken } },
    }),
    'refreshSession',
  ).refreshSession;
  return { id: createUser.user.id, email, password, totpSecret: enrollTotp.secret, session: refreshed };
}

/** Signs a person in with their password and, when they have one, the next authenticator code. */
export async function signInPerson(
  gatewayUrl: string,
  person: Pick<EnrolledPerson, 'email' | 'password' | 'totpSecret'>,
): Promise<Session> {
  const totpCode = person.totpSecret
    ? await nextTotpCode(gatewayUrl, person.email, person.totpSecret)
    : undefined;
  return must(
    await graphql<{ login: Session }>(gatewayUrl, LOGIN, {
      variables: { input: { email: person.email, password: person.password, totpCode } },
    }),
    'login',
  ).login;
}
