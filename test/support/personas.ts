import { generateSync } from 'otplib';
import { graphql } from './graphql-client.js';

/** The demo password `npm start` and the test node seed every persona with (README). */
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Rescue-Refer-Return-2026';

export const PERSONAS = [
  'admin@passage.demo',
  'consul.id-kh@passage.demo',
  'focal.kh@passage.demo',
  'focal.th@passage.demo',
  'focal.id@passage.demo',
  'police.kh@passage.demo',
  'ngo.kh@passage.demo',
  'ngo.id@passage.demo',
  'shelter.kh@passage.demo',
  'immigration.kh@passage.demo',
  'immigration.th@passage.demo',
  'dpo.kh@passage.demo',
] as const;

/**
 * The authenticator secret the demo seed gives every persona whose roles need a second factor (README,
 * apps/identity/src/demo-seed/demo-personas.ts). Case, decision, verifier and administrator roles sign in
 * with a code (ADR 024); the platform administrator and the data protection officer do not.
 */
export const DEMO_TOTP_SECRET = 'PASSAGEDEMOAUTHENTICATORSECRETKH';

const WITHOUT_SECOND_FACTOR: ReadonlySet<string> = new Set(['admin@passage.demo', 'dpo.kh@passage.demo']);

/** Whether the demo persona signs in with an authenticator code. */
export function hasDemoAuthenticator(email: string): boolean {
  return (PERSONAS as readonly string[]).includes(email) && !WITHOUT_SECOND_FACTOR.has(email);
}

const STEP_SECONDS = 30;
/** The last time step used per node and account: identity accepts each step once, one step either side. */
const lastStep = new Map<string, number>();

/**
 * A code for the next step identity has not seen from this process, waiting for the clock when the three
 * steps it accepts (previous, current, next) are used up.
 */
export async function nextTotpCode(node: string, email: string, secret = DEMO_TOTP_SECRET): Promise<string> {
  const key = `${node} ${email}`;
  for (;;) {
    const current = Math.floor(Date.now() / 1000 / STEP_SECONDS);
    const step = Math.max(current - 1, (lastStep.get(key) ?? -Infinity) + 1);
    if (step <= current + 1) {
      lastStep.set(key, step);
      return generateSync({ secret, epoch: step * STEP_SECONDS });
    }
    await new Promise((resolve) =>
      setTimeout(resolve, (current + 1) * STEP_SECONDS * 1000 - Date.now() + 50),
    );
  }
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  mfaEnrolmentRequired: boolean;
  user: { id: string; email: string; organisationId: string; roles: string[] };
}

const SESSION_FIELDS = 'accessToken refreshToken mfaEnrolmentRequired user { id email organisationId roles }';

export const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { ${SESSION_FIELDS} } }`;
export const REFRESH = `mutation Refresh($input: RefreshSessionInput!) { refreshSession(input: $input) { ${SESSION_FIELDS} } }`;

/** Signs in through the gateway and fails the test when that does not work. */
export async function signIn(
  gatewayUrl: string,
  email: string,
  password = DEMO_PASSWORD,
  extra: { totpCode?: string; recoveryCode?: string } = {},
): Promise<Session> {
  const withCode = hasDemoAuthenticator(email) && !extra.totpCode && !extra.recoveryCode;
  // Another process may have used a step of this persona on the same node: then the next step works.
  for (let attempt = 1; ; attempt++) {
    const code = withCode ? { totpCode: await nextTotpCode(gatewayUrl, email) } : {};
    const response = await graphql<{ login: Session }>(gatewayUrl, LOGIN, {
      variables: { input: { email, password, ...extra, ...code } },
    });
    if (response.data?.login) return response.data.login;
    if (!withCode || attempt === 3 || !response.raw.includes('MFA')) {
      throw new Error(`sign-in of ${email} failed: ${response.raw}`);
    }
  }
}

/** Headers of a request made as the holder of `session`. */
export function as(session: Pick<Session, 'accessToken'>): { headers: Record<string, string> } {
  return { headers: { authorization: `Bearer ${session.accessToken}` } };
}
