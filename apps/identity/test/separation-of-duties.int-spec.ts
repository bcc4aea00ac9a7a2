import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestingModule } from '@nestjs/testing';
import type { DataSource } from 'typeorm';
import type { OrganisationKind, Role } from '@passage/schemas';
import { ManualClock, type AuthenticatedActor } from '@passage/shared';
import { OrganisationEntity, OrganisationService } from '../src/organisations/index.js';
import {
  AccountBootstrap,
  EnrolmentLinks,
  OwnCredentials,
  RoleGrants,
  UserAccountEntity,
  UserService,
} from '../src/people/index.js';
import { SecondFactor } from '../src/second-factor/index.js';
import { SessionService } from '../src/sessions/index.js';
import {
  identityTestConfig,
  openIdentityContexts,
  type IdentityTestingModule,
} from './identity-testing-module.js';

const PASSWORD = 'correct horse battery staple 7';
const OWN_PASSWORD = 'my own choice of a long passphrase 42';
const MINUTE = 60_000;

const config = identityTestConfig({});

/** Finding 1 and 9 of issue 12, each reproduced as the attack it was, and refused (ADR 024). */
describe('separation of duties and account hygiene (real Postgres)', () => {
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
  let identity: IdentityTestingModule;
  let app: TestingModule;
  let dataSource: DataSource;
  let organisations: OrganisationService;
  let people: UserService;
  let grants: RoleGrants;
  let links: EnrolmentLinks;
  let sessions: SessionService;
  let operator: AuthenticatedActor;

  beforeAll(async () => {
    identity = await openIdentityContexts(clock, config);
    ({ app, dataSource } = identity);
    organisations = app.get(OrganisationService);
    people = app.get(UserService);
    grants = app.get(RoleGrants);
    links = app.get(EnrolmentLinks);
    sessions = app.get(SessionService);
    const platform = await organisations.create(null, {
      name: 'Platform (test)',
      kind: 'PLATFORM_OPERATOR',
      country: null,
      stationedIn: null,
      requireMfa: false,
    });
    const administrator = await app.get(AccountBootstrap).createWithPassword({
      organisationId: platform.id,
      email: 'operator@example.org',
      displayName: 'Operator',
      roles: ['PLATFORM_ADMIN'],
      password: PASSWORD,
    });
    operator = actorOf(administrator, platform);
  });

  afterAll(async () => {
    await identity?.close();
  });

  function actorOf(
    user: Pick<UserAccountEntity, 'id' | 'roles'>,
    organisation: Pick<OrganisationEntity, 'id' | 'kind' | 'name' | 'country' | 'stationedIn'>,
    sessionId: string = randomUUID(),
  ): AuthenticatedActor {
    return {
      userId: user.id,
      sessionId,
      organisationId: organisation.id,
      organisationKind: organisation.kind,
      organisationName: organisation.name,
      country: organisation.country,
      stationedIn: organisation.stationedIn,
      nodeId: config.NODE_ID,
      roles: user.roles,
      mfaEnrolmentPending: false,
    };
  }

  function organisationInput(kind: OrganisationKind = 'NGO', country = 'KH') {
    return { name: `Organisation ${randomUUID().slice(0, 8)} (test)`, kind, country, stationedIn: null };
  }

  function personInput(organisationId: string, roles: Role[]) {
    return {
      organisationId,
      email: `person-${randomUUID().slice(0, 8)}@example.org`,
      displayName: 'Test Person',
      roles,
    };
  }

  /** An organisation set up by the operator, with its first administrator enrolled. */
  async function organisationWithAdministrator(kind: OrganisationKind = 'NGO', country = 'KH') {
    const organisation = await organisations.create(operator, organisationInput(kind, country));
    const created = await people.create(operator, personInput(organisation.id, ['ORGANISATION_ADMIN']));
    await links.redeem(created.enrolmentLink.token, OWN_PASSWORD);
    return { organisation, admin: actorOf(created.user, organisation), adminUser: created.user };
  }

  async function rolesOf(userId: string): Promise<Role[]> {
    return (await dataSource.getRepository(UserAccountEntity).findOneByOrFail({ id: userId })).roles;
  }

  async function countPeople(organisationId: string): Promise<number> {
    return dataSource.getRepository(UserAccountEntity).countBy({ organisationId });
  }

  it('refuses the operator a focal point (or caseworker) in a coordinator, and a second administrator', async () => {
    const organisation = await organisations.create(operator, organisationInput('NRM_COORDINATOR', 'KH'));
    for (const roles of [
      ['FOCAL_POINT'],
      ['CASEWORKER'],
      ['ORGANISATION_ADMIN', 'FOCAL_POINT'],
    ] as Role[][]) {
      await expect(people.create(operator, personInput(organisation.id, roles))).rejects.toMatchObject({
        code: 'FORBIDDEN',
        details: { field: 'input.roles', reason: 'OPERATOR_CREATES_FIRST_ADMINISTRATOR_ONLY' },
      });
    }
    expect(await countPeople(organisation.id)).toBe(0);

    const first = await people.create(operator, personInput(organisation.id, ['ORGANISATION_ADMIN']));
    expect(first.user.roles).toEqual(['ORGANISATION_ADMIN']);
    expect(first.pendingRoleGrant).toBeNull();
    expect(first.enrolmentLink.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(
      people.create(operator, personInput(organisation.id, ['ORGANISATION_ADMIN'])),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', details: { reason: 'ORGANISATION_HAS_PEOPLE' } });
    expect(await countPeople(organisation.id)).toBe(1);
  });

  it('refuses the operator a second coordinator or oversight body, and countries this node does not host', async () => {
    await organisations.create(operator, organisationInput('NRM_COORDINATOR', 'TH'));
    await expect(
      organisations.create(operator, organisationInput('NRM_COORDINATOR', 'TH')),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { field: 'input.kind', reason: 'COORDINATOR_EXISTS' },
    });
    await organisations.create(operator, organisationInput('OVERSIGHT', 'TH'));
    await expect(organisations.create(operator, organisationInput('OVERSIGHT', 'TH'))).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'OVERSIGHT_EXISTS' },
    });
    await expect(organisations.create(operator, organisationInput('NGO', 'ID'))).rejects.toMatchObject({
      code: 'FORBIDDEN',
      details: { field: 'input.country', reason: 'COUNTRY_NOT_HOSTED' },
    });
    const thai = await dataSource.getRepository(OrganisationEntity).countBy({ country: 'TH' });
    expect(thai).toBe(2);
  });

  it('refuses anyone changing their own roles', async () => {
    const { admin, adminUser } = await organisationWithAdministrator('SHELTER', 'KH');
    await expect(
      people.assignRoles(admin, adminUser.id, ['ORGANISATION_ADMIN', 'FOCAL_POINT']),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', details: { field: 'input.userId', reason: 'OWN_ROLES' } });
    expect(await rolesOf(adminUser.id)).toEqual(['ORGANISATION_ADMIN']);
    await expect(
      people.assignRoles(operator, adminUser.id, ['ORGANISATION_ADMIN', 'FOCAL_POINT']),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await rolesOf(adminUser.id)).toEqual(['ORGANISATION_ADMIN']);
  });

  it('keeps case roles from a single administrator: they wait for a second administrator of the organisation', async () => {
    const { organisation, admin } = await organisationWithAdministrator('NGO', 'KH');
    const confederate = await people.create(admin, personInput(organisation.id, ['CASEWORKER']));
    expect(confederate.user.roles).toEqual([]);
    expect(confederate.pendingRoleGrant).toMatchObject({ roles: ['CASEWORKER'], status: 'PENDING' });
    const grantId = confederate.pendingRoleGrant!.id;

    // Alone: the administrator cannot approve their own request; neither can the operator, nor the person.
    await expect(grants.approve(admin, grantId)).rejects.toMatchObject({
      details: { reason: 'SECOND_ADMINISTRATOR_REQUIRED' },
    });
    await expect(grants.approve(operator, grantId)).rejects.toMatchObject({
      details: { reason: 'OPERATOR_APPROVES_SECOND_ADMINISTRATOR_ONLY' },
    });
    expect(await rolesOf(confederate.user.id)).toEqual([]);

    // A second administrator: asked for by the first, approved by the operator (the single-admin case)...
    const second = await people.create(admin, personInput(organisation.id, ['ORGANISATION_ADMIN']));
    expect(second.user.roles).toEqual([]);
    await grants.approve(operator, second.pendingRoleGrant!.id);
    expect(await rolesOf(second.user.id)).toEqual(['ORGANISATION_ADMIN']);
    // ...after which the operator approves nothing more here: the organisation has two administrators.
    const third = await people.create(admin, personInput(organisation.id, ['ORGANISATION_ADMIN']));
    await expect(grants.approve(operator, third.pendingRoleGrant!.id)).rejects.toMatchObject({
      details: { reason: 'OPERATOR_APPROVES_SECOND_ADMINISTRATOR_ONLY' },
    });

    const secondAdmin = actorOf({ id: second.user.id, roles: ['ORGANISATION_ADMIN'] }, organisation);
    expect((await grants.list(secondAdmin, null, true)).map((grant) => grant.id)).toEqual(
      expect.arrayContaining([grantId, third.pendingRoleGrant!.id]),
    );
    const approved = await grants.approve(secondAdmin, grantId);
    expect(approved).toMatchObject({
      status: 'APPROVED',
      decidedBy: second.user.id,
      requestedBy: admin.userId,
    });
    expect(await rolesOf(confederate.user.id)).toEqual(['CASEWORKER']);
    const types = (await dataSource.query(
      `SELECT message_type FROM outbox_message WHERE message_key = $1 ORDER BY id`,
      [confederate.user.id],
    )) as { message_type: string }[];
    expect(types.map((row) => row.message_type)).toEqual(
      expect.arrayContaining([
        'identity.role-grant-requested@v1',
        'identity.role-grant-decided@v1',
        'identity.user-roles-assigned@v1',
      ]),
    );
  });

  it('lets a new person set their own password once with the link, and asks a case role for a second factor', async () => {
    const { organisation, admin } = await organisationWithAdministrator('NGO', 'KH');
    const created = await people.create(admin, personInput(organisation.id, ['CASEWORKER']));
    await expect(
      sessions.signIn({ email: created.user.email, password: OWN_PASSWORD }),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await expect(links.redeem(created.enrolmentLink.token, 'password123')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'input.password' },
    });
    await links.redeem(created.enrolmentLink.token, OWN_PASSWORD);
    await expect(links.redeem(created.enrolmentLink.token, OWN_PASSWORD)).rejects.toMatchObject({
      details: { reason: 'ENROLMENT_LINK_INVALID' },
    });
    // Until a second administrator approves, the person holds no role at all.
    await expect(
      sessions.signIn({ email: created.user.email, password: OWN_PASSWORD }),
    ).resolves.toMatchObject({ mfaEnrolmentRequired: false, user: { roles: [] } });
    const second = await people.create(admin, personInput(organisation.id, ['ORGANISATION_ADMIN']));
    await grants.approve(operator, second.pendingRoleGrant!.id);
    const secondAdmin = actorOf({ id: second.user.id, roles: ['ORGANISATION_ADMIN'] }, organisation);
    await grants.approve(secondAdmin, created.pendingRoleGrant!.id);
    await expect(
      sessions.signIn({ email: created.user.email, password: OWN_PASSWORD }),
    ).resolves.toMatchObject({ mfaEnrolmentRequired: true, user: { roles: ['CASEWORKER'] } });

    const late = await people.create(admin, personInput(organisation.id, ['CASEWORKER']));
    clock.advance(72 * 60 * MINUTE);
    await expect(links.redeem(late.enrolmentLink.token, OWN_PASSWORD)).rejects.toMatchObject({
      details: { reason: 'ENROLMENT_LINK_INVALID' },
    });
  });

  it('refuses to set up a second factor without the password', async () => {
    const { adminUser } = await organisationWithAdministrator('NGO', 'KH');
    const secondFactor = app.get(SecondFactor);
    await expect(secondFactor.enrol(adminUser.id, null)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'input.currentPassword', reason: 'REAUTHENTICATION_REQUIRED' },
    });
    await expect(secondFactor.enrol(adminUser.id, 'not my password at all')).rejects.toMatchObject({
      details: { field: 'input.currentPassword', reason: 'WRONG_PASSWORD' },
    });
    const stored = await dataSource.getRepository(UserAccountEntity).findOneByOrFail({ id: adminUser.id });
    expect(stored.totpSecret).toBeNull();
    await expect(secondFactor.enrol(adminUser.id, OWN_PASSWORD)).resolves.toMatchObject({
      secret: expect.any(String),
    });
  });

  it("ends the person's other sessions when they change their password, and keeps this one", async () => {
    const { organisation, adminUser } = await organisationWithAdministrator('NGO', 'KH');
    const here = await sessions.signIn({ email: adminUser.email, password: OWN_PASSWORD });
    const elsewhere = await sessions.signIn({ email: adminUser.email, password: OWN_PASSWORD });
    const own = app.get(OwnCredentials);
    const actor = actorOf(adminUser, organisation, here.sessionId);
    await expect(
      own.changePassword(actor, 'a wrong current password', 'another long passphrase 99'),
    ).rejects.toMatchObject({
      details: { field: 'input.currentPassword', reason: 'WRONG_PASSWORD' },
    });
    await expect(own.changePassword(actor, OWN_PASSWORD, 'another long passphrase 99')).resolves.toBe(1);
    await expect(sessions.refresh(elsewhere.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(sessions.refresh(here.refreshToken)).resolves.toMatchObject({ sessionId: here.sessionId });
    const [revoked] = (await dataSource.query(`SELECT revoke_reason FROM session WHERE id = $1`, [
      elsewhere.sessionId,
    ])) as { revoke_reason: string }[];
    expect(revoked.revoke_reason).toBe('PASSWORD_CHANGED');
    await expect(sessions.signIn({ email: adminUser.email, password: OWN_PASSWORD })).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('resets a password with a new link, and refuses the operator a reset of a case worker', async () => {
    const { organisation, admin } = await organisationWithAdministrator('NGO', 'KH');
    const created = await people.create(admin, personInput(organisation.id, ['CASEWORKER']));
    await links.redeem(created.enrolmentLink.token, OWN_PASSWORD);
    const signedIn = await sessions.signIn({ email: created.user.email, password: OWN_PASSWORD });
    await expect(links.reset(operator, created.user.id)).rejects.toMatchObject({
      details: { reason: 'OPERATOR_RESETS_ADMINISTRATORS_ONLY' },
    });
    await expect(links.reset(admin, admin.userId)).rejects.toMatchObject({
      details: { reason: 'OWN_ACCOUNT' },
    });
    const link = await links.reset(admin, created.user.id);
    await expect(sessions.refresh(signedIn.refreshToken)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(
      sessions.signIn({ email: created.user.email, password: OWN_PASSWORD }),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    await links.redeem(link.token, 'a fresh long passphrase 2026');
    await expect(
      sessions.signIn({ email: created.user.email, password: 'a fresh long passphrase 2026' }),
    ).resolves.toMatchObject({ user: { id: created.user.id } });
  });
});
