import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestingModule } from '@nestjs/testing';
import { decodeJwt } from 'jose';
import type { DataSource } from 'typeorm';
import type { OrganisationKind, Role } from '@passage/schemas';
import { ManualClock, type AuthenticatedActor } from '@passage/shared';
import { totpCode } from '../src/credentials/index.js';
import { OrganisationService } from '../src/organisations/index.js';
import { AccountBootstrap, UserService } from '../src/people/index.js';
import { SecondFactor } from '../src/second-factor/index.js';
import { SessionService, SignInRateLimits } from '../src/sessions/index.js';
import {
  identityTestConfig,
  openIdentityContexts,
  type IdentityTestingModule,
} from './identity-testing-module.js';

const PASSWORD = 'correct horse battery staple 7';
const MINUTE = 60_000;

const config = identityTestConfig({
  HOSTED_COUNTRIES: ['KH', 'TH', 'ID'],
  SIGN_IN_LIMIT_PER_ADDRESS: 5,
  SIGN_IN_LIMIT_PER_ACCOUNT: 3,
  REFRESH_LIMIT_PER_ADDRESS: 4,
});

/** The identity contexts as the service wires them, on the real migrated Postgres; only the clock is a test's. */
describe('identity contexts on the injected clock (real Postgres)', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  let identity: IdentityTestingModule;
  let app: TestingModule;
  let dataSource: DataSource;
  let organisations: OrganisationService;
  let people: UserService;
  let sessions: SessionService;
  let secondFactor: SecondFactor;
  let admin: AuthenticatedActor;

  beforeAll(async () => {
    identity = await openIdentityContexts(clock, config);
    ({ app, dataSource } = identity);
    organisations = app.get(OrganisationService);
    people = app.get(UserService);
    sessions = app.get(SessionService);
    secondFactor = app.get(SecondFactor);
    const operator = await newOrganisation('PLATFORM_OPERATOR', null);
    const administrator = await newPerson(operator.id, ['PLATFORM_ADMIN']);
    admin = {
      userId: administrator.id,
      sessionId: randomUUID(),
      organisationId: operator.id,
      organisationKind: 'PLATFORM_OPERATOR',
      organisationName: operator.name,
      country: null,
      stationedIn: null,
      nodeId: config.NODE_ID,
      roles: ['PLATFORM_ADMIN'],
      mfaEnrolmentPending: false,
    };
  });

  afterAll(async () => {
    await identity?.close();
  });

  function newOrganisation(kind: OrganisationKind = 'NGO', country: string | null = 'KH') {
    return organisations.create(null, {
      name: `Organisation ${randomUUID().slice(0, 8)} (test)`,
      kind,
      country,
      stationedIn: null,
      requireMfa: false,
    });
  }

  function newPerson(organisationId: string, roles: Role[] = ['CASEWORKER']) {
    return app.get(AccountBootstrap).createWithPassword({
      organisationId,
      email: `person-${randomUUID().slice(0, 8)}@example.org`,
      displayName: 'Test Person',
      roles,
      password: PASSWORD,
    });
  }

  async function sessionRow(sessionId: string) {
    const [row] = (await dataSource.query(`SELECT revoked_at, revoke_reason FROM session WHERE id = $1`, [
      sessionId,
    ])) as { revoked_at: Date | null; revoke_reason: string | null }[];
    return row;
  }

  it('dates a session, its refresh token and its access token by the clock, and ends the refresh token on it', async () => {
    const person = await newPerson((await newOrganisation()).id);
    const signedIn = await sessions.signIn({ email: person.email, password: PASSWORD });
    expect(signedIn.accessTokenExpiresAt).toEqual(new Date(clock.now().getTime() + 10 * MINUTE));
    expect(signedIn.refreshTokenExpiresAt).toEqual(new Date(clock.now().getTime() + 12 * 60 * MINUTE));
    expect(decodeJwt(signedIn.accessToken).iat).toBe(clock.now().getTime() / 1000);

    clock.advance(12 * 60 * MINUTE - 1000);
    const refreshed = await sessions.refresh(signedIn.refreshToken);
    clock.advance(12 * 60 * MINUTE + 1000);
    await expect(sessions.refresh(refreshed.refreshToken)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      details: { reason: 'SESSION_ENDED' },
    });
  });

  it('locks an account after repeated failures and opens it again when the clock has moved on', async () => {
    const person = await newPerson((await newOrganisation()).id);
    for (let failure = 0; failure < 5; failure++) {
      await expect(
        sessions.signIn({ email: person.email, password: 'not the password' }),
      ).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    }
    await expect(sessions.signIn({ email: person.email, password: PASSWORD })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      details: { retryAfterSeconds: 30 },
    });
    clock.advance(30_000);
    await expect(sessions.signIn({ email: person.email, password: PASSWORD })).resolves.toMatchObject({
      user: { id: person.id },
    });
  });

  it('locks the account under 50 parallel wrong passwords and then refuses the right one', async () => {
    const person = await newPerson((await newOrganisation()).id);
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        sessions.signIn({ email: person.email, password: 'not the password' }),
      ),
    );
    expect(attempts.every((attempt) => attempt.status === 'rejected')).toBe(true);
    // Only the free attempts and the one that locks may reach the password check; the rest are refused.
    const [row] = (await dataSource.query(`SELECT failed_logins FROM user_account WHERE id = $1`, [
      person.id,
    ])) as { failed_logins: number }[];
    expect(row.failed_logins).toBe(5);
    await expect(sessions.signIn({ email: person.email, password: PASSWORD })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      details: { reason: 'ACCOUNT_LOCKED' },
    });
  });

  it('locks the second factor under 50 parallel wrong codes, with a lower limit, even with the right password', async () => {
    const person = await newPerson((await newOrganisation()).id);
    const { secret } = await secondFactor.enrol(person.id, PASSWORD);
    await secondFactor.confirm(person.id, totpCode(secret, clock.now()));
    clock.advance(30_000);
    const right = totpCode(secret, clock.now());
    // Not the code of this step nor of either neighbour the window accepts.
    const wrong = String((Number(right) + 500_000) % 1_000_000).padStart(6, '0');
    const attempts = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        sessions.signIn({ email: person.email, password: PASSWORD, totpCode: wrong }),
      ),
    );
    const refusals = attempts.map((attempt) =>
      attempt.status === 'rejected'
        ? (attempt.reason as { details?: { reason?: string } }).details?.reason
        : 'ok',
    );
    // Five attempts get past the password's reservation (the fifth locks it); of those, three codes are
    // checked (the third locks the second factor) and two are refused unchecked.
    expect(refusals.filter((reason) => reason === 'MFA_CODE_INVALID')).toHaveLength(3);
    expect(refusals.filter((reason) => reason === 'SECOND_FACTOR_LOCKED')).toHaveLength(2);
    expect(refusals.filter((reason) => reason === 'ACCOUNT_LOCKED')).toHaveLength(45);
    clock.advance(30_000);
    await expect(
      sessions.signIn({ email: person.email, password: PASSWORD, totpCode: totpCode(secret, clock.now()) }),
    ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { reason: 'SECOND_FACTOR_LOCKED' } });
  });

  it('limits sign-ins per client address and per account, counted in Postgres for every instance', async () => {
    const limits = app.get(SignInRateLimits);
    const otherInstance = new SignInRateLimits(dataSource, config);
    const rateLimited = { code: 'TOO_MANY_REQUESTS', details: { reason: 'RATE_LIMITED' } };
    // One address spraying five accounts, half through each instance; the sixth is refused.
    for (let account = 0; account < 5; account++) {
      const instance = account % 2 === 0 ? limits : otherInstance;
      await instance.admitSignIn('203.0.113.7', `sprayed-${account}@example.org`);
    }
    const refused = await limits.admitSignIn('203.0.113.7', 'sprayed-5@example.org').catch((error) => error);
    expect(refused).toMatchObject(rateLimited);
    const wait = (refused as { details: { retryAfterSeconds: number } }).details.retryAfterSeconds;
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(900);
    await expect(limits.admitSignIn('203.0.113.8', 'sprayed-5@example.org')).resolves.toBeUndefined();
    // One account tried from many addresses (address case and spaces do not make it another account).
    await limits.admitSignIn('198.51.100.1', 'target@example.org');
    await otherInstance.admitSignIn('198.51.100.2', ' Target@Example.org');
    await limits.admitSignIn(null, 'target@example.org');
    await expect(otherInstance.admitSignIn('198.51.100.4', 'target@example.org')).rejects.toMatchObject(
      rateLimited,
    );
    // Refreshes per address.
    for (let refresh = 0; refresh < 4; refresh++) await limits.admitRefresh('192.0.2.1');
    await expect(otherInstance.admitRefresh('192.0.2.1')).rejects.toMatchObject(rateLimited);
  });

  it("ends a person's sessions when they are deactivated, at the clock's time", async () => {
    const person = await newPerson((await newOrganisation()).id);
    const signedIn = await sessions.signIn({ email: person.email, password: PASSWORD });
    clock.advance(MINUTE);
    const deactivated = await people.deactivate(admin, person.id);
    expect(deactivated.deactivatedAt).toEqual(clock.now());
    expect(await sessionRow(signedIn.sessionId)).toEqual({
      revoked_at: clock.now(),
      revoke_reason: 'USER_DEACTIVATED',
    });
    await expect(sessions.refresh(signedIn.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it("ends the sessions of an organisation's people when it is deactivated, at the clock's time", async () => {
    const organisation = await newOrganisation();
    const first = await newPerson(organisation.id);
    const second = await newPerson(organisation.id);
    const bystander = await newPerson((await newOrganisation()).id);
    const signedIn = await Promise.all(
      [first, second, bystander].map((person) =>
        sessions.signIn({ email: person.email, password: PASSWORD }),
      ),
    );
    clock.advance(MINUTE);
    const deactivated = await organisations.deactivate(admin, organisation.id);
    expect(deactivated).toMatchObject({ active: false, deactivatedAt: clock.now() });
    const ended = { revoked_at: clock.now(), revoke_reason: 'ORGANISATION_DEACTIVATED' };
    expect(await sessionRow(signedIn[0].sessionId)).toEqual(ended);
    expect(await sessionRow(signedIn[1].sessionId)).toEqual(ended);
    expect(await sessionRow(signedIn[2].sessionId)).toEqual({ revoked_at: null, revoke_reason: null });
  });

  it("confirms an authenticator and checks it at sign-in with codes of the clock's time", async () => {
    const person = await newPerson((await newOrganisation()).id);
    const { secret } = await secondFactor.enrol(person.id, PASSWORD);
    const recoveryCodes = await secondFactor.confirm(person.id, totpCode(secret, clock.now()));
    expect(recoveryCodes.length).toBeGreaterThan(0);
    await expect(sessions.signIn({ email: person.email, password: PASSWORD })).rejects.toMatchObject({
      details: { reason: 'MFA_REQUIRED' },
    });
    clock.advance(30_000);
    await expect(
      sessions.signIn({ email: person.email, password: PASSWORD, totpCode: totpCode(secret, clock.now()) }),
    ).resolves.toMatchObject({ user: { id: person.id } });
  });
});
