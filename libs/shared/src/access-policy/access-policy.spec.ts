import { describe, expect, it } from '@jest/globals';
import {
  CONSENT_PURPOSES,
  DATA_CATEGORIES,
  ORGANISATION_KINDS,
  ROLES,
  type ConsentPurpose,
  type OrganisationKind,
  type Role,
} from '@passage/schemas';
import {
  ACCESS_ACTIONS,
  CASE_WORK_ACTIONS,
  IDENTITY_ACTIONS,
  type AccessAction,
  type CaseWorkAction,
} from './access-actions.js';
import { ACCESS_DENIED_MESSAGE, AccessDeniedError } from './access-denied.error.js';
import { assertAllowed, decide, decideFields } from './access-policy.js';
import type { Actor, OrganisationTarget, ResourceContext } from './access-subjects.js';
import { DENY_REASONS, type Decision } from './policy-reasons.js';

const NOW = new Date('2026-12-01T12:00:00Z');
const EVERY_ROLE: readonly Role[] = ROLES;

function actorOf(
  kind: OrganisationKind,
  roles: readonly Role[] = EVERY_ROLE,
  overrides: Partial<Actor> = {},
): Actor {
  return {
    userId: 'user-self',
    organisationId: 'org-self',
    organisationKind: kind,
    country: 'TH',
    nodeId: 'th',
    roles,
    ...overrides,
  };
}

function record(overrides: Partial<ResourceContext> = {}): ResourceContext {
  return {
    ownerOrganisationId: 'org-other',
    ownerCountry: 'KH',
    jurisdictionCountry: 'KH',
    team: [],
    consents: CONSENT_PURPOSES,
    subjectIsMinor: false,
    ...overrides,
  };
}

const everyCategoryShared = [
  { organisationId: 'org-self', via: 'REFERRAL' as const, sharedCategories: DATA_CATEGORIES },
];

/** Every record shape an actor could hold, including one addressed to it and one it holds a live grant for. */
const RECORD_SHAPES: Readonly<Record<string, ResourceContext>> = {
  own: record({ ownerOrganisationId: 'org-self' }),
  team: record({ team: everyCategoryShared }),
  unrelated: record(),
  sameCountry: record({ jurisdictionCountry: 'TH', ownerCountry: 'TH' }),
  sameCountryTeamOwnAddressed: record({
    ownerOrganisationId: 'org-self',
    jurisdictionCountry: 'TH',
    team: everyCategoryShared,
    addressedToOrganisationId: 'org-self',
    rescueAccess: [{ userId: 'user-self', until: new Date('2027-01-01T00:00:00Z') }],
  }),
  addressed: record({ addressedToOrganisationId: 'org-self' }),
  granted: record({ rescueAccess: [{ userId: 'user-self', until: new Date('2027-01-01T00:00:00Z') }] }),
  child: record({ ownerOrganisationId: 'org-self', subjectIsMinor: true }),
};
const TARGETS: readonly (OrganisationTarget | null)[] = [
  { organisationId: 'org-self' },
  { organisationId: 'org-other' },
  null,
];

const EVERY_RESOURCE: readonly (ResourceContext | OrganisationTarget | null)[] = [
  ...Object.values(RECORD_SHAPES),
  ...TARGETS,
];

function decideAny(
  actor: Actor,
  action: AccessAction,
  resource: ResourceContext | OrganisationTarget | null,
): Decision {
  return decide(actor, action, resource as never, NOW);
}

describe('the immigration firewall', () => {
  const officer = actorOf('IMMIGRATION');
  const allowedEverywhere: readonly AccessAction[] = [
    'attestation.verify',
    'self.read',
    'self.manage-credentials',
  ];
  const addressedOnly: readonly AccessAction[] = ['exit-clearance.read', 'exit-clearance.respond'];
  // Since ADR 024 only an organisation's own administrators give it people; immigration's are no exception.
  const ownPeopleOnly: readonly AccessAction[] = [
    'organisation.read',
    'user.list',
    'user.read',
    'user.create',
    'user.assign-roles',
    'user.approve-roles',
    'user.issue-enrolment-link',
    'user.deactivate',
  ];

  it.each(
    ACCESS_ACTIONS.filter(
      (action) =>
        !allowedEverywhere.includes(action) &&
        !addressedOnly.includes(action) &&
        !ownPeopleOnly.includes(action),
    ),
  )('refuses %s whatever the resource, with every role', (action) => {
    for (const resource of EVERY_RESOURCE) {
      expect(decideAny(officer, action, resource)).toEqual({
        allowed: false,
        reason: 'FIREWALL_IMMIGRATION',
      });
    }
  });

  it.each(ownPeopleOnly)('allows %s on its own organisation only, to its administrator', (action) => {
    expect(decideAny(officer, action, { organisationId: 'org-self' }).allowed).toBe(true);
    expect(decideAny(actorOf('IMMIGRATION', ['VERIFIER']), action, { organisationId: 'org-self' })).toEqual(
      expect.objectContaining({ allowed: action === 'organisation.read' }),
    );
    for (const resource of EVERY_RESOURCE.filter(
      (candidate) => !(candidate && 'organisationId' in candidate && candidate.organisationId === 'org-self'),
    )) {
      expect(decideAny(officer, action, resource)).toEqual({
        allowed: false,
        reason: 'FIREWALL_IMMIGRATION',
      });
    }
  });

  it.each(allowedEverywhere)('allows %s', (action) => {
    for (const resource of EVERY_RESOURCE) expect(decideAny(officer, action, resource).allowed).toBe(true);
  });

  it.each(addressedOnly)('allows %s only on a request addressed to its own organisation', (action) => {
    expect(decideAny(officer, action, RECORD_SHAPES.addressed!)).toEqual({
      allowed: true,
      reason: 'ALLOWED_ADDRESSEE',
    });
    expect(decideAny(officer, action, RECORD_SHAPES.sameCountryTeamOwnAddressed!).allowed).toBe(true);
    for (const resource of [
      RECORD_SHAPES.own,
      RECORD_SHAPES.team,
      RECORD_SHAPES.sameCountry,
      RECORD_SHAPES.unrelated,
      null,
    ]) {
      expect(decideAny(officer, action, resource ?? null)).toEqual({
        allowed: false,
        reason: 'FIREWALL_IMMIGRATION',
      });
    }
  });

  it('redacts every category everywhere except OPERATIONAL on an addressed exit clearance', () => {
    for (const action of CASE_WORK_ACTIONS) {
      for (const [shape, resource] of Object.entries(RECORD_SHAPES)) {
        const fields = decideFields(officer, action, resource, DATA_CATEGORIES, NOW);
        const addressed = shape === 'addressed' || shape === 'sameCountryTeamOwnAddressed';
        const shown = DATA_CATEGORIES.filter((category) => fields[category] === 'ALLOW');
        expect({ action, shape, shown }).toEqual({
          action,
          shape,
          shown: addressed && action.startsWith('exit-clearance.') ? ['OPERATIONAL'] : [],
        });
      }
    }
  });

  it('gives an immigration organisation the same answer whether or not the record exists', () => {
    for (const action of CASE_WORK_ACTIONS) {
      expect(decideAny(officer, action, null)).toEqual(decideAny(officer, action, RECORD_SHAPES.unrelated!));
    }
  });
});

describe('the platform operator', () => {
  it.each(CASE_WORK_ACTIONS)('never performs %s, on any record, with any role', (action) => {
    for (const resource of [...Object.values(RECORD_SHAPES), null]) {
      expect(decideAny(actorOf('PLATFORM_OPERATOR'), action, resource)).toEqual({
        allowed: false,
        reason: 'NOT_PLATFORM_DATA',
      });
    }
    expect(
      DATA_CATEGORIES.map(
        (c) => decideFields(actorOf('PLATFORM_OPERATOR'), action, RECORD_SHAPES.own!, [c], NOW)[c],
      ),
    ).toEqual(DATA_CATEGORIES.map(() => 'REDACT'));
  });

  it.each(IDENTITY_ACTIONS.filter((action) => action !== 'user.assign-roles'))(
    'administers %s on any organisation with the PLATFORM_ADMIN role',
    (action) => {
      for (const target of TARGETS) {
        expect(decideAny(actorOf('PLATFORM_OPERATOR', ['PLATFORM_ADMIN']), action, target).allowed).toBe(
          true,
        );
      }
    },
  );

  it("never changes roles in another organisation (ADR 024): who does case work is the organisation's call", () => {
    const operator = actorOf('PLATFORM_OPERATOR', ['PLATFORM_ADMIN']);
    expect(decideAny(operator, 'user.assign-roles', { organisationId: 'org-other' })).toEqual({
      allowed: false,
      reason: 'OUT_OF_ORGANISATION',
    });
    expect(decideAny(operator, 'user.assign-roles', { organisationId: 'org-self' }).allowed).toBe(true);
  });

  it('needs the PLATFORM_ADMIN role for platform-wide administration', () => {
    const staff = actorOf('PLATFORM_OPERATOR', ['CASEWORKER']);
    expect(decideAny(staff, 'organisation.create', null)).toEqual({
      allowed: false,
      reason: 'ROLE_REQUIRED',
    });
    expect(decideAny(staff, 'organisation.list', null)).toEqual({ allowed: false, reason: 'ROLE_REQUIRED' });
    expect(decideAny(staff, 'organisation.read', { organisationId: 'org-other' })).toEqual({
      allowed: false,
      reason: 'OUT_OF_ORGANISATION',
    });
    expect(decideAny(staff, 'organisation.read', { organisationId: 'org-self' })).toEqual({
      allowed: true,
      reason: 'ALLOWED_OWN_ORGANISATION',
    });
  });

  it('gives the PLATFORM_ADMIN role no power outside the platform operator', () => {
    const ngo = actorOf('NGO', ['PLATFORM_ADMIN']);
    expect(decideAny(ngo, 'organisation.create', null)).toEqual({
      allowed: false,
      reason: 'KIND_NOT_PERMITTED',
    });
    expect(decideAny(ngo, 'user.create', { organisationId: 'org-other' })).toEqual({
      allowed: false,
      reason: 'ROLE_REQUIRED',
    });
  });
});

describe('identity administration', () => {
  it('lets an organisation administrator manage users of their own organisation only', () => {
    const admin = actorOf('SHELTER', ['ORGANISATION_ADMIN']);
    for (const action of [
      'user.list',
      'user.read',
      'user.create',
      'user.assign-roles',
      'user.deactivate',
    ] as const) {
      expect(decide(admin, action, { organisationId: 'org-self' }, NOW)).toEqual({
        allowed: true,
        reason: 'ALLOWED_ORGANISATION_ADMIN',
      });
      expect(decide(admin, action, { organisationId: 'org-other' }, NOW)).toEqual({
        allowed: false,
        reason: 'OUT_OF_ORGANISATION',
      });
      expect(decide(admin, action, null, NOW)).toEqual({ allowed: false, reason: 'OUT_OF_ORGANISATION' });
      expect(decide(actorOf('SHELTER', ['SUPERVISOR']), action, { organisationId: 'org-self' }, NOW)).toEqual(
        {
          allowed: false,
          reason: 'ROLE_REQUIRED',
        },
      );
    }
  });

  it('lets any user read and secure their own account and read their own organisation', () => {
    const plain = actorOf('NGO', []);
    expect(decide(plain, 'self.read', null, NOW)).toEqual({ allowed: true, reason: 'ALLOWED_SELF' });
    expect(decide(plain, 'self.manage-credentials', null, NOW)).toEqual({
      allowed: true,
      reason: 'ALLOWED_SELF',
    });
    expect(decide(plain, 'organisation.read', { organisationId: 'org-self' }, NOW)).toEqual({
      allowed: true,
      reason: 'ALLOWED_OWN_ORGANISATION',
    });
  });

  it('opens the directory of who is who to the kinds that address other organisations', () => {
    expect(decide(actorOf('NGO', []), 'organisation.list', null, NOW)).toEqual({
      allowed: true,
      reason: 'ALLOWED_DIRECTORY',
    });
    expect(
      decide(actorOf('OVERSIGHT', []), 'organisation.read', { organisationId: 'org-other' }, NOW),
    ).toEqual({
      allowed: true,
      reason: 'ALLOWED_DIRECTORY',
    });
  });
});

describe('roles', () => {
  const caseWorkExceptVerify = CASE_WORK_ACTIONS.filter((action) => action !== 'attestation.verify');
  const allowingKinds = (action: CaseWorkAction): OrganisationKind[] =>
    ORGANISATION_KINDS.filter((kind) => kind !== 'IMMIGRATION' && kind !== 'PLATFORM_OPERATOR').filter(
      (kind) =>
        Object.values(RECORD_SHAPES).some((resource) => decide(actorOf(kind), action, resource, NOW).allowed),
    );

  it.each(caseWorkExceptVerify)('%s needs more than administration or data protection roles', (action) => {
    for (const kind of allowingKinds(action)) {
      for (const roles of [[], ['ORGANISATION_ADMIN'], ['VERIFIER'], ['PLATFORM_ADMIN']] as Role[][]) {
        for (const resource of Object.values(RECORD_SHAPES)) {
          expect({ kind, roles, decision: decide(actorOf(kind, roles), action, resource, NOW) }).toEqual({
            kind,
            roles,
            decision: { allowed: false, reason: 'ROLE_REQUIRED' },
          });
        }
      }
    }
  });

  it('lets anyone authenticated outside the platform operator verify an attestation, whatever the role', () => {
    for (const kind of ORGANISATION_KINDS.filter((kind) => kind !== 'PLATFORM_OPERATOR')) {
      expect(decide(actorOf(kind, []), 'attestation.verify', null, NOW).allowed).toBe(true);
    }
  });

  it.each([
    'identification.decide',
    'attestation.issue',
    'attestation.revoke',
    'repatriation.approve',
  ] as const)('%s is a supervisor’s or focal point’s decision', (action) => {
    const resource = RECORD_SHAPES.sameCountry!;
    expect(decide(actorOf('NRM_COORDINATOR', ['CASEWORKER', 'INVESTIGATOR']), action, resource, NOW)).toEqual(
      {
        allowed: false,
        reason: 'ROLE_REQUIRED',
      },
    );
    expect(decide(actorOf('NRM_COORDINATOR', ['SUPERVISOR']), action, resource, NOW).allowed).toBe(true);
    expect(decide(actorOf('NRM_COORDINATOR', ['FOCAL_POINT']), action, resource, NOW).allowed).toBe(true);
  });

  it('lets a data protection officer audit and export the organisation’s own records, not read them', () => {
    const dpo = actorOf('NGO', ['DATA_PROTECTION_OFFICER']);
    const own = RECORD_SHAPES.own!;
    expect(decide(dpo, 'audit.read', own, NOW)).toEqual({ allowed: true, reason: 'ALLOWED_OWNER' });
    expect(decide(dpo, 'export.create', own, NOW)).toEqual({ allowed: true, reason: 'ALLOWED_OWNER' });
    expect(decide(dpo, 'case.read', own, NOW)).toEqual({ allowed: false, reason: 'ROLE_REQUIRED' });
    expect(decide(actorOf('NGO', ['CASEWORKER']), 'export.create', own, NOW)).toEqual({
      allowed: false,
      reason: 'ROLE_REQUIRED',
    });
  });

  it('checks oversight staff against the oversight roles', () => {
    const resource = RECORD_SHAPES.sameCountry!;
    expect(
      decide(actorOf('OVERSIGHT', ['DATA_PROTECTION_OFFICER']), 'case.read', resource, NOW).allowed,
    ).toBe(true);
    expect(decide(actorOf('OVERSIGHT', ['CASEWORKER']), 'audit.read', null, NOW).allowed).toBe(true);
    expect(decide(actorOf('OVERSIGHT', ['ORGANISATION_ADMIN']), 'audit.read', null, NOW)).toEqual({
      allowed: false,
      reason: 'ROLE_REQUIRED',
    });
  });
});

describe('need to know', () => {
  it('answers a missing record exactly as an unrelated one, for every kind and case-work action', () => {
    for (const kind of ORGANISATION_KINDS) {
      for (const action of CASE_WORK_ACTIONS) {
        // The one exception: oversight may read its country's whole audit trail without naming a record.
        if (kind === 'OVERSIGHT' && action === 'audit.read') continue;
        expect({ kind, action, decision: decide(actorOf(kind), action, null, NOW) }).toEqual({
          kind,
          action,
          decision: decide(actorOf(kind), action, RECORD_SHAPES.unrelated!, NOW),
        });
      }
    }
  });

  it('never reveals through a refusal reason that a record exists before need to know is established', () => {
    const beforeNeedToKnow = [
      'FIREWALL_IMMIGRATION',
      'NOT_PLATFORM_DATA',
      'KIND_NOT_PERMITTED',
      'ROLE_REQUIRED',
      'NO_NEED_TO_KNOW',
    ];
    for (const kind of ORGANISATION_KINDS) {
      for (const action of CASE_WORK_ACTIONS) {
        const decision = decide(actorOf(kind), action, RECORD_SHAPES.unrelated!, NOW);
        if (!decision.allowed) expect(beforeNeedToKnow).toContain(decision.reason);
      }
    }
  });

  it('names the relation that let the actor in', () => {
    const ngo = actorOf('NGO');
    expect(decide(ngo, 'case.read', RECORD_SHAPES.own!, NOW).reason).toBe('ALLOWED_OWNER');
    expect(decide(ngo, 'case.read', RECORD_SHAPES.team!, NOW).reason).toBe('ALLOWED_TEAM');
    expect(decide(ngo, 'rescue-request.read', RECORD_SHAPES.granted!, NOW).reason).toBe(
      'ALLOWED_RESCUE_ACCESS',
    );
    expect(decide(ngo, 'referral.respond', RECORD_SHAPES.addressed!, NOW).reason).toBe('ALLOWED_ADDRESSEE');
    expect(decide(ngo, 'case.open', null, NOW).reason).toBe('ALLOWED_KIND');
    expect(decide(ngo, 'case.read', RECORD_SHAPES.unrelated!, NOW).reason).toBe('NO_NEED_TO_KNOW');
    expect(decide(ngo, 'attestation.issue', RECORD_SHAPES.own!, NOW).reason).toBe('KIND_NOT_PERMITTED');
    const coordinator = actorOf('NRM_COORDINATOR');
    expect(decide(coordinator, 'case.read', RECORD_SHAPES.sameCountry!, NOW).reason).toBe(
      'ALLOWED_JURISDICTION',
    );
    const police = actorOf('LAW_ENFORCEMENT');
    const assigned = record({ jurisdictionCountry: 'TH', team: everyCategoryShared });
    expect(decide(police, 'identification.decide', assigned, NOW).reason).toBe('ALLOWED_JURISDICTION_POLICE');
    expect(decide(police, 'identification.decide', RECORD_SHAPES.sameCountry!, NOW).reason).toBe(
      'NO_NEED_TO_KNOW',
    );
    expect(decide(actorOf('OVERSIGHT'), 'audit.read', RECORD_SHAPES.sameCountry!, NOW).reason).toBe(
      'ALLOWED_OVERSIGHT',
    );
  });

  it('lets police of the jurisdiction update a rescue request only once it was given to them', () => {
    const police = actorOf('LAW_ENFORCEMENT');
    const request = (overrides: Partial<ResourceContext>) =>
      record({ jurisdictionCountry: 'TH', ...overrides });
    const inAnHour = new Date('2026-12-01T13:00:00Z');
    expect(decide(police, 'rescue-request.update-status', request({}), NOW).allowed).toBe(false);
    expect(
      decide(
        police,
        'rescue-request.update-status',
        request({ rescueAccess: [{ userId: 'user-self', until: inAnHour }] }),
        NOW,
      ).allowed,
    ).toBe(true);
    expect(
      decide(
        police,
        'rescue-request.update-status',
        request({ rescueAccess: [{ userId: 'user-self', until: NOW }] }),
        NOW,
      ).allowed,
    ).toBe(false);
    expect(
      decide(police, 'rescue-request.update-status', request({ team: everyCategoryShared }), NOW).allowed,
    ).toBe(true);
    // Police elsewhere, even holding a grant, do not run another country's operation.
    expect(
      decide(
        police,
        'rescue-request.update-status',
        record({ rescueAccess: [{ userId: 'user-self', until: inAnHour }] }),
        NOW,
      ).allowed,
    ).toBe(false);
  });

  it('gives an embassy no jurisdiction through the country it sits in', () => {
    const embassy = actorOf('EMBASSY', EVERY_ROLE, { country: 'IN', stationedIn: 'TH' });
    expect(decide(embassy, 'case.read', RECORD_SHAPES.sameCountry!, NOW)).toEqual({
      allowed: false,
      reason: 'NO_NEED_TO_KNOW',
    });
  });
});

describe('rescue access grants', () => {
  const ngo = actorOf('NGO');
  const withGrant = (until: Date, userId = 'user-self') => record({ rescueAccess: [{ userId, until }] });

  it('hold until, and not at, their deadline', () => {
    expect(decide(ngo, 'rescue-request.read', withGrant(new Date(NOW.getTime() + 1)), NOW).allowed).toBe(
      true,
    );
    expect(decide(ngo, 'rescue-request.read', withGrant(NOW), NOW)).toEqual({
      allowed: false,
      reason: 'NO_NEED_TO_KNOW',
    });
    expect(decide(ngo, 'rescue-request.read', withGrant(new Date(NOW.getTime() - 1)), NOW).allowed).toBe(
      false,
    );
  });

  it('are personal', () => {
    expect(
      decide(ngo, 'rescue-request.read', withGrant(new Date('2027-01-01'), 'user-colleague'), NOW).allowed,
    ).toBe(false);
  });

  it('open rescue requests and compounds, nothing else', () => {
    const granted = withGrant(new Date('2027-01-01'));
    expect(decide(ngo, 'compound.read', granted, NOW).allowed).toBe(true);
    for (const action of CASE_WORK_ACTIONS.filter(
      (a) => a !== 'rescue-request.read' && a !== 'compound.read',
    )) {
      const decision = decide(ngo, action, granted, NOW);
      if (decision.allowed) expect(decision.reason).toBe('ALLOWED_KIND');
    }
  });

  it('do not make police of the jurisdiction assigned to a case', () => {
    const police = actorOf('LAW_ENFORCEMENT', ['SUPERVISOR']);
    const granted = record({
      jurisdictionCountry: 'TH',
      rescueAccess: [{ userId: 'user-self', until: new Date('2027-01-01') }],
    });
    expect(decide(police, 'identification.decide', granted, NOW)).toEqual({
      allowed: false,
      reason: 'NO_NEED_TO_KNOW',
    });
    expect(decide(police, 'rescue-request.update-status', granted, NOW).allowed).toBe(true);
  });

  it('fail closed on an unreadable clock or deadline', () => {
    expect(
      decide(ngo, 'rescue-request.read', withGrant(new Date('2027-01-01')), new Date(Number.NaN)).allowed,
    ).toBe(false);
    expect(decide(ngo, 'rescue-request.read', withGrant(new Date('not a date')), NOW).allowed).toBe(false);
    const stringDeadline = record({
      rescueAccess: [{ userId: 'user-self', until: '2027-01-01' as unknown as Date }],
    });
    expect(decide(ngo, 'rescue-request.read', stringDeadline, NOW).allowed).toBe(false);
  });
});

describe('purpose-bound sharing', () => {
  const cases: readonly (readonly [CaseWorkAction, OrganisationKind, ConsentPurpose, ResourceContext])[] = [
    ['referral.create', 'NGO', 'SERVICES_REFERRAL', RECORD_SHAPES.own!],
    ['referral.create', 'SHELTER', 'SERVICES_REFERRAL', RECORD_SHAPES.team!],
    ['handoff.offer', 'NRM_COORDINATOR', 'CROSS_BORDER_HANDOFF', RECORD_SHAPES.own!],
    ['repatriation.plan', 'EMBASSY', 'RETURN', RECORD_SHAPES.own!],
    ['repatriation.plan', 'INTERNATIONAL_ORGANISATION', 'RETURN', RECORD_SHAPES.team!],
    ['repatriation.approve', 'NRM_COORDINATOR', 'RETURN', RECORD_SHAPES.sameCountry!],
    ['stay-pathway.plan', 'NGO', 'STAY_PATHWAY', RECORD_SHAPES.own!],
    ['stay-pathway.plan', 'SERVICE_PROVIDER', 'STAY_PATHWAY', RECORD_SHAPES.team!],
    ['stay-pathway.decide', 'INTERNATIONAL_ORGANISATION', 'STAY_PATHWAY', RECORD_SHAPES.own!],
  ];

  it.each(cases)('%s by %s flips with %s', (action, kind, purpose, resource) => {
    const actor = actorOf(kind);
    expect(decide(actor, action, resource, NOW).allowed).toBe(true);
    const withdrawn = { ...resource, consents: CONSENT_PURPOSES.filter((granted) => granted !== purpose) };
    expect(decide(actor, action, withdrawn, NOW)).toEqual({ allowed: false, reason: 'CONSENT_REQUIRED' });
  });

  it('checks consent only after need to know, so strangers learn nothing about it', () => {
    const noConsent = record({ consents: [] });
    expect(decide(actorOf('NGO'), 'referral.create', noConsent, NOW)).toEqual({
      allowed: false,
      reason: 'NO_NEED_TO_KNOW',
    });
  });

  it('keeps consent to return and consent to a stay pathway apart', () => {
    const onlyReturn = record({ ownerOrganisationId: 'org-self', consents: ['RETURN'] });
    const onlyStay = record({ ownerOrganisationId: 'org-self', consents: ['STAY_PATHWAY'] });
    expect(decide(actorOf('NGO'), 'stay-pathway.plan', onlyReturn, NOW)).toEqual({
      allowed: false,
      reason: 'CONSENT_REQUIRED',
    });
    expect(decide(actorOf('NGO'), 'repatriation.plan', onlyStay, NOW)).toEqual({
      allowed: false,
      reason: 'CONSENT_REQUIRED',
    });
    expect(decide(actorOf('NGO'), 'stay-pathway.plan', onlyStay, NOW).allowed).toBe(true);
  });

  it('lets only a supervisor or focal point open a stay pathway on a reason of their own', () => {
    const own = RECORD_SHAPES.own!;
    expect(decide(actorOf('NGO', ['CASEWORKER']), 'stay-pathway.plan', own, NOW).allowed).toBe(true);
    expect(decide(actorOf('NGO', ['CASEWORKER']), 'stay-pathway.decide', own, NOW)).toEqual({
      allowed: false,
      reason: 'ROLE_REQUIRED',
    });
    for (const role of ['SUPERVISOR', 'FOCAL_POINT'] as const) {
      expect(decide(actorOf('NGO', [role]), 'stay-pathway.decide', own, NOW).allowed).toBe(true);
    }
  });

  it('keeps a stay pathway from the embassy, police and the coordinator that is not on the case', () => {
    for (const kind of ['EMBASSY', 'LAW_ENFORCEMENT', 'SHELTER', 'OVERSIGHT'] as const) {
      expect(decide(actorOf(kind), 'stay-pathway.plan', RECORD_SHAPES.own!, NOW).allowed).toBe(false);
    }
    expect(decide(actorOf('NRM_COORDINATOR'), 'stay-pathway.plan', RECORD_SHAPES.sameCountry!, NOW)).toEqual({
      allowed: false,
      reason: 'NO_NEED_TO_KNOW',
    });
  });

  it('keeps assistance-related reads independent of police and return consents', () => {
    const noConsent = record({ ownerOrganisationId: 'org-self', consents: [] });
    for (const action of [
      'case.read',
      'case.update',
      'interview.record',
      'screening.record',
      'consent.record',
      'consent.withdraw',
    ] as const) {
      expect(decide(actorOf('NGO'), action, noConsent, NOW).allowed).toBe(true);
    }
  });
});

describe('malformed input fails closed', () => {
  it('does not match two missing organisation ids or countries', () => {
    const nobody = actorOf('NRM_COORDINATOR', EVERY_ROLE, { organisationId: '', country: '' });
    const blank = record({ ownerOrganisationId: '', jurisdictionCountry: '', addressedToOrganisationId: '' });
    for (const action of CASE_WORK_ACTIONS) {
      const decision = decide(nobody, action, blank, NOW);
      if (decision.allowed) expect(decision.reason).toBe('ALLOWED_KIND');
    }
    expect(
      decide(actorOf('NGO', EVERY_ROLE, { organisationId: '' }), 'user.read', { organisationId: '' }, NOW)
        .allowed,
    ).toBe(false);
  });

  it('refuses a record without team, consents or grants, instead of throwing', () => {
    const bare = {
      ownerOrganisationId: 'org-other',
      ownerCountry: 'KH',
      jurisdictionCountry: 'KH',
    } as unknown as ResourceContext;
    for (const action of CASE_WORK_ACTIONS) {
      expect(() => decide(actorOf('NGO'), action, bare, NOW)).not.toThrow();
      expect(() => decideFields(actorOf('NGO'), action, bare, DATA_CATEGORIES, NOW)).not.toThrow();
    }
    expect(decide(actorOf('NGO'), 'case.read', bare, NOW).allowed).toBe(false);
    const ownBare = { ...bare, ownerOrganisationId: 'org-self' } as ResourceContext;
    expect(decide(actorOf('NGO'), 'referral.create', ownBare, NOW)).toEqual({
      allowed: false,
      reason: 'CONSENT_REQUIRED',
    });
  });

  it('treats a resource of the wrong shape as no record', () => {
    expect(decideAny(actorOf('NGO'), 'case.read', { organisationId: 'org-self' })).toEqual({
      allowed: false,
      reason: 'NO_NEED_TO_KNOW',
    });
  });

  it('ignores team entries with an unknown route', () => {
    const odd = record({
      team: [
        { organisationId: 'org-self', via: 'constructor' as 'REFERRAL', sharedCategories: DATA_CATEGORIES },
      ],
    });
    expect(decide(actorOf('NGO'), 'case.read', odd, NOW).allowed).toBe(false);
  });

  it('refuses an unknown action and an unknown organisation kind', () => {
    expect(decide(actorOf('NGO'), 'case.delete' as AccessAction, null, NOW)).toEqual({
      allowed: false,
      reason: 'KIND_NOT_PERMITTED',
    });
    const stranger = actorOf('MILITARY' as OrganisationKind);
    for (const action of CASE_WORK_ACTIONS) {
      expect(decide(stranger, action, RECORD_SHAPES.own!, NOW)).toEqual({
        allowed: false,
        reason: 'KIND_NOT_PERMITTED',
      });
    }
  });
});

describe('assertAllowed', () => {
  it('returns the decision when allowed, for the audit record', () => {
    expect(assertAllowed(actorOf('NGO'), 'case.read', RECORD_SHAPES.own!, NOW)).toEqual({
      allowed: true,
      reason: 'ALLOWED_OWNER',
    });
  });

  it('throws a FORBIDDEN error carrying the reason and one fixed message', () => {
    const attempts: readonly (() => unknown)[] = [
      () => assertAllowed(actorOf('IMMIGRATION'), 'case.read', RECORD_SHAPES.own!, NOW),
      () => assertAllowed(actorOf('NGO'), 'case.read', RECORD_SHAPES.unrelated!, NOW),
      () => assertAllowed(actorOf('NGO'), 'case.read', null, NOW),
      () => assertAllowed(actorOf('NGO', []), 'case.read', RECORD_SHAPES.own!, NOW),
    ];
    const reasons = attempts.map((attempt) => {
      try {
        attempt();
      } catch (error) {
        expect(error).toBeInstanceOf(AccessDeniedError);
        const denied = error as AccessDeniedError;
        expect(denied.code).toBe('FORBIDDEN');
        expect(denied.message).toBe(ACCESS_DENIED_MESSAGE);
        expect(DENY_REASONS).toContain(denied.reason);
        return denied.reason;
      }
      throw new Error('expected a refusal');
    });
    expect(reasons).toEqual(['FIREWALL_IMMIGRATION', 'NO_NEED_TO_KNOW', 'NO_NEED_TO_KNOW', 'ROLE_REQUIRED']);
  });
});
