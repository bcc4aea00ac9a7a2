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
  const response = await graphql<{ login: Session }>(gatewayUrl, LOGIN, {
    variables: { input: { email, password, ...extra } },
  });
  if (!response.data?.login) throw new Error(`sign-in of ${email} failed: ${response.raw}`);
  return response.data.login;
}

/** Headers of a request made as the holder of `session`. */
export function as(session: Pick<Session, 'accessToken'>): { headers: Record<string, string> } {
  return { headers: { authorization: `Bearer ${session.accessToken}` } };
}
