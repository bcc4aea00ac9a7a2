import { describe, expect, it } from '@jest/globals';
import {
  CONSENT_PURPOSES,
  DATA_CATEGORIES,
  ORGANISATION_KINDS,
  ROLES,
  type ConsentPurpose,
  type DataCategory,
  type OrganisationKind,
  type Role,
} from '@passage/schemas';
import { CASE_WORK_ACTIONS } from './access-actions.js';
import { decideFields } from './access-policy.js';
import type { Actor, ResourceContext, TeamMembership } from './access-subjects.js';

/**
 * Who sees which data category of a record. Expected sets are written out by hand; `ALL` is every
 * category, the rest list what stays visible.
 */

const NOW = new Date('2026-12-01T12:00:00Z');
const ALL = DATA_CATEGORIES.join(' ');
const NO_ROLES_BUT_ADMIN: readonly Role[] = ['ORGANISATION_ADMIN'];

function actorOf(
  kind: OrganisationKind,
  roles: readonly Role[] = ROLES.filter((role) => role !== 'PLATFORM_ADMIN'),
): Actor {
  return {
    userId: 'user-self',
    organisationId: 'org-self',
    organisationKind: kind,
    country: kind === 'EMBASSY' ? 'IN' : 'TH',
    stationedIn: kind === 'EMBASSY' ? 'TH' : null,
    nodeId: 'th',
    roles,
  };
}

type Relation = 'OWNER' | 'TEAM' | 'COORDINATOR';

function record(
  relation: Relation,
  consents: readonly ConsentPurpose[],
  extra: Partial<ResourceContext> = {},
): ResourceContext {
  return {
    ownerOrganisationId: relation === 'OWNER' ? 'org-self' : 'org-other',
    ownerCountry: 'TH',
    jurisdictionCountry: relation === 'COORDINATOR' ? 'TH' : 'KH',
    team:
      relation === 'TEAM'
        ? [{ organisationId: 'org-self', via: 'REFERRAL', sharedCategories: DATA_CATEGORIES }]
        : [],
    consents,
    subjectIsMinor: false,
    ...extra,
  };
}

/** The categories `actor` sees through `action`, as a space-separated list in catalogue order. */
function visible(
  actor: Actor,
  resource: ResourceContext,
  action: (typeof CASE_WORK_ACTIONS)[number] = 'case.read',
): string {
  const decision = decideFields(actor, action, resource, DATA_CATEGORIES, NOW);
  return DATA_CATEGORIES.filter((category) => decision[category] === 'ALLOW').join(' ');
}

const NONE: readonly ConsentPurpose[] = [];

/** [kind, relation, consents, expected visible categories] for case.read, actor holding every role. */
const CASE_READ_TABLE: readonly (readonly [OrganisationKind, Relation, readonly ConsentPurpose[], string])[] =
  [
    // Owners see everything they hold, except where the kind's own limits apply.
    ['NGO', 'OWNER', NONE, ALL],
    ['NRM_COORDINATOR', 'OWNER', NONE, ALL],
    ['INTERNATIONAL_ORGANISATION', 'OWNER', NONE, ALL],
    ['SHELTER', 'OWNER', NONE, ALL],
    ['SERVICE_PROVIDER', 'OWNER', NONE, ALL],
    ['LAW_ENFORCEMENT', 'OWNER', NONE, 'IDENTITY CONTACT LOCATION LEGAL OPERATIONAL'],
    ['LAW_ENFORCEMENT', 'OWNER', ['LAW_ENFORCEMENT_SHARING'], ALL],
    [
      'LAW_ENFORCEMENT',
      'OWNER',
      ['CONSULAR_CONTACT', 'SERVICES_REFERRAL', 'RETURN'],
      'IDENTITY CONTACT LOCATION LEGAL OPERATIONAL',
    ],
    ['EMBASSY', 'OWNER', NONE, 'IDENTITY OPERATIONAL'],
    ['EMBASSY', 'OWNER', ['LAW_ENFORCEMENT_SHARING', 'SERVICES_REFERRAL', 'RETURN'], 'IDENTITY OPERATIONAL'],
    ['EMBASSY', 'OWNER', ['CONSULAR_CONTACT'], ALL],
    ['OVERSIGHT', 'OWNER', CONSENT_PURPOSES, 'OPERATIONAL'],
    ['IMMIGRATION', 'OWNER', CONSENT_PURPOSES, ''],
    ['PLATFORM_OPERATOR', 'OWNER', CONSENT_PURPOSES, ''],
    // Team members: operational facts always, the shared categories only while the route's consent stands.
    ['NGO', 'TEAM', NONE, 'OPERATIONAL'],
    ['NGO', 'TEAM', ['CROSS_BORDER_HANDOFF'], 'OPERATIONAL'],
    ['NGO', 'TEAM', ['SERVICES_REFERRAL'], ALL],
    ['SHELTER', 'TEAM', NONE, 'OPERATIONAL'],
    ['SHELTER', 'TEAM', ['SERVICES_REFERRAL'], ALL],
    ['SERVICE_PROVIDER', 'TEAM', ['SERVICES_REFERRAL'], ALL],
    ['INTERNATIONAL_ORGANISATION', 'TEAM', ['SERVICES_REFERRAL'], ALL],
    ['NRM_COORDINATOR', 'TEAM', ['SERVICES_REFERRAL'], ALL],
    ['LAW_ENFORCEMENT', 'TEAM', NONE, 'OPERATIONAL'],
    ['LAW_ENFORCEMENT', 'TEAM', ['SERVICES_REFERRAL'], 'IDENTITY CONTACT LOCATION LEGAL OPERATIONAL'],
    ['LAW_ENFORCEMENT', 'TEAM', ['LAW_ENFORCEMENT_SHARING'], 'OPERATIONAL'],
    ['LAW_ENFORCEMENT', 'TEAM', ['SERVICES_REFERRAL', 'LAW_ENFORCEMENT_SHARING'], ALL],
    ['EMBASSY', 'TEAM', NONE, 'OPERATIONAL'],
    ['EMBASSY', 'TEAM', ['SERVICES_REFERRAL'], 'IDENTITY OPERATIONAL'],
    ['EMBASSY', 'TEAM', ['CONSULAR_CONTACT'], 'OPERATIONAL'],
    ['EMBASSY', 'TEAM', ['SERVICES_REFERRAL', 'CONSULAR_CONTACT'], ALL],
    ['OVERSIGHT', 'TEAM', CONSENT_PURPOSES, 'OPERATIONAL'],
    ['IMMIGRATION', 'TEAM', CONSENT_PURPOSES, ''],
    ['PLATFORM_OPERATOR', 'TEAM', CONSENT_PURPOSES, ''],
    // Jurisdiction: the coordinator supervises status and legal decisions; oversight audits; nobody else.
    ['NRM_COORDINATOR', 'COORDINATOR', NONE, 'LEGAL OPERATIONAL'],
    ['NRM_COORDINATOR', 'COORDINATOR', CONSENT_PURPOSES, 'LEGAL OPERATIONAL'],
    ['OVERSIGHT', 'COORDINATOR', CONSENT_PURPOSES, 'OPERATIONAL'],
    ['LAW_ENFORCEMENT', 'COORDINATOR', CONSENT_PURPOSES, ''],
    ['NGO', 'COORDINATOR', CONSENT_PURPOSES, ''],
    ['EMBASSY', 'COORDINATOR', CONSENT_PURPOSES, ''],
    ['SHELTER', 'COORDINATOR', CONSENT_PURPOSES, ''],
    ['SERVICE_PROVIDER', 'COORDINATOR', CONSENT_PURPOSES, ''],
    ['INTERNATIONAL_ORGANISATION', 'COORDINATOR', CONSENT_PURPOSES, ''],
    ['IMMIGRATION', 'COORDINATOR', CONSENT_PURPOSES, ''],
    ['PLATFORM_OPERATOR', 'COORDINATOR', CONSENT_PURPOSES, ''],
  ];

describe('decideFields for case.read', () => {
  it('covers every organisation kind in each relation', () => {
    for (const relation of ['OWNER', 'TEAM', 'COORDINATOR'] as const) {
      const kinds = new Set(CASE_READ_TABLE.filter((row) => row[1] === relation).map((row) => row[0]));
      expect([...kinds].sort()).toEqual([...ORGANISATION_KINDS].sort());
    }
  });

  it.each(CASE_READ_TABLE)('%s as %s with consents %j sees [%s]', (kind, relation, consents, expected) => {
    expect(visible(actorOf(kind), record(relation, consents))).toBe(expected);
  });

  it('answers exactly for the categories asked', () => {
    const decision = decideFields(
      actorOf('NGO'),
      'case.read',
      record('OWNER', NONE),
      ['HEALTH', 'LEGAL'],
      NOW,
    );
    expect(decision).toEqual({ HEALTH: 'ALLOW', LEGAL: 'ALLOW' });
  });
});

describe('team members see only what was shared', () => {
  const shared = (sharedCategories: readonly DataCategory[], via: TeamMembership['via'] = 'REFERRAL') =>
    record('TEAM', CONSENT_PURPOSES, { team: [{ organisationId: 'org-self', via, sharedCategories }] });

  it('limits a referral to its packet', () => {
    expect(visible(actorOf('SHELTER'), shared(['IDENTITY', 'HEALTH']))).toBe('IDENTITY HEALTH OPERATIONAL');
  });

  it('ties a handoff to cross-border consent, not to referral consent', () => {
    const handoff = (consents: readonly ConsentPurpose[]) =>
      record('TEAM', consents, {
        team: [{ organisationId: 'org-self', via: 'HANDOFF', sharedCategories: ['IDENTITY', 'LEGAL'] }],
      });
    expect(visible(actorOf('NGO'), handoff(['CROSS_BORDER_HANDOFF']))).toBe('IDENTITY LEGAL OPERATIONAL');
    expect(visible(actorOf('NGO'), handoff(['SERVICES_REFERRAL']))).toBe('OPERATIONAL');
  });

  it('unites several accepted routes, each under its own consent', () => {
    const resource = record('TEAM', ['SERVICES_REFERRAL'], {
      team: [
        { organisationId: 'org-self', via: 'REFERRAL', sharedCategories: ['CONTACT'] },
        { organisationId: 'org-self', via: 'HANDOFF', sharedCategories: ['NARRATIVE'] },
      ],
    });
    expect(visible(actorOf('NGO'), resource)).toBe('CONTACT OPERATIONAL');
  });

  it('ignores memberships of other organisations and unknown categories', () => {
    const resource = record('TEAM', CONSENT_PURPOSES, {
      team: [
        {
          organisationId: 'org-self',
          via: 'REFERRAL',
          sharedCategories: ['CONTACT', 'BANK_ACCOUNT' as DataCategory],
        },
        { organisationId: 'org-other', via: 'REFERRAL', sharedCategories: DATA_CATEGORIES },
      ],
    });
    expect(visible(actorOf('NGO'), resource)).toBe('CONTACT OPERATIONAL');
  });

  it('still applies the kind limits to what was shared', () => {
    expect(visible(actorOf('LAW_ENFORCEMENT'), shared(DATA_CATEGORIES))).toBe(ALL);
    const withoutPoliceConsent = record('TEAM', ['SERVICES_REFERRAL'], {
      team: [{ organisationId: 'org-self', via: 'REFERRAL', sharedCategories: ['NARRATIVE', 'IDENTITY'] }],
    });
    expect(visible(actorOf('LAW_ENFORCEMENT'), withoutPoliceConsent)).toBe('IDENTITY OPERATIONAL');
  });
});

describe('sexual-violence and health data need a caseworker-type role', () => {
  it.each([
    ['NGO', ['CASEWORKER'], ALL],
    ['NGO', ['SUPERVISOR'], ALL],
    ['NGO', ['FOCAL_POINT'], ALL],
    ['NGO', ['INVESTIGATOR'], 'IDENTITY CONTACT LOCATION LEGAL NARRATIVE OPERATIONAL'],
    ['NGO', ['CONSULAR_OFFICER'], 'IDENTITY CONTACT LOCATION LEGAL NARRATIVE OPERATIONAL'],
    ['NRM_COORDINATOR', ['INVESTIGATOR'], 'IDENTITY CONTACT LOCATION LEGAL NARRATIVE OPERATIONAL'],
    ['LAW_ENFORCEMENT', ['INVESTIGATOR'], ALL],
    ['LAW_ENFORCEMENT', ['CONSULAR_OFFICER'], 'IDENTITY CONTACT LOCATION LEGAL NARRATIVE OPERATIONAL'],
    ['EMBASSY', ['CONSULAR_OFFICER'], ALL],
    ['EMBASSY', ['INVESTIGATOR'], 'IDENTITY CONTACT LOCATION LEGAL NARRATIVE OPERATIONAL'],
  ] as const)('%s owner with %j sees [%s]', (kind, roles, expected) => {
    expect(visible(actorOf(kind, roles), record('OWNER', CONSENT_PURPOSES))).toBe(expected);
  });

  it('gives nothing to a user with no case-work role', () => {
    expect(visible(actorOf('NGO', NO_ROLES_BUT_ADMIN), record('OWNER', CONSENT_PURPOSES))).toBe('');
    expect(visible(actorOf('NGO', ['DATA_PROTECTION_OFFICER']), record('OWNER', CONSENT_PURPOSES))).toBe('');
  });
});

describe('children', () => {
  it('never gives police sexual-violence data of a minor, even with consent', () => {
    const police = actorOf('LAW_ENFORCEMENT');
    expect(visible(police, record('OWNER', CONSENT_PURPOSES, { subjectIsMinor: true }))).toBe(
      'IDENTITY CONTACT LOCATION HEALTH LEGAL NARRATIVE OPERATIONAL',
    );
    expect(visible(police, record('OWNER', CONSENT_PURPOSES, { subjectIsMinor: false }))).toBe(ALL);
  });

  it('reads an unknown age as a child’s for that rule', () => {
    const { subjectIsMinor: _dropped, ...ageUnknown } = record('OWNER', CONSENT_PURPOSES);
    expect(visible(actorOf('LAW_ENFORCEMENT'), ageUnknown)).toBe(
      'IDENTITY CONTACT LOCATION HEALTH LEGAL NARRATIVE OPERATIONAL',
    );
  });

  it('gives nobody more for a child', () => {
    for (const kind of ORGANISATION_KINDS) {
      for (const relation of ['OWNER', 'TEAM', 'COORDINATOR'] as const) {
        for (const consents of [NONE, CONSENT_PURPOSES]) {
          const adult = visible(actorOf(kind), record(relation, consents, { subjectIsMinor: false }));
          const child = visible(actorOf(kind), record(relation, consents, { subjectIsMinor: true }));
          expect(child.split(' ').every((category) => adult.split(' ').includes(category))).toBe(true);
        }
      }
    }
  });
});

describe('live rescue data', () => {
  const grant = (until: Date, userId = 'user-self') =>
    record('TEAM', NONE, { team: [], rescueAccess: [{ userId, until }] });
  const inAnHour = new Date('2026-12-01T13:00:00Z');

  it('opens a rescue request to the named person until the grant expires', () => {
    expect(visible(actorOf('NGO'), grant(inAnHour), 'rescue-request.read')).toBe(ALL);
    expect(visible(actorOf('NGO'), grant(NOW), 'rescue-request.read')).toBe('');
    expect(visible(actorOf('NGO'), grant(inAnHour, 'user-colleague'), 'rescue-request.read')).toBe('');
  });

  it('still withholds from police what only their consent would release', () => {
    expect(visible(actorOf('LAW_ENFORCEMENT'), grant(inAnHour), 'compound.read')).toBe(
      'IDENTITY CONTACT LOCATION LEGAL OPERATIONAL',
    );
  });

  it('shows the jurisdiction coordinator only status and legal facts without a grant', () => {
    const request = record('COORDINATOR', NONE, { rescueAccess: [] });
    expect(visible(actorOf('NRM_COORDINATOR'), request, 'rescue-request.read')).toBe('LEGAL OPERATIONAL');
    expect(
      visible(
        actorOf('NRM_COORDINATOR'),
        { ...request, rescueAccess: [{ userId: 'user-self', until: inAnHour }] },
        'rescue-request.read',
      ),
    ).toBe(ALL);
  });

  it('does not count on cases', () => {
    expect(visible(actorOf('NGO'), grant(inAnHour), 'case.read')).toBe('');
  });
});

describe('consent withdrawal', () => {
  it('takes back what a team member saw', () => {
    const granted = record('TEAM', ['SERVICES_REFERRAL', 'ANONYMISED_STATISTICS']);
    const withdrawn = { ...granted, consents: ['ANONYMISED_STATISTICS'] as const };
    expect(visible(actorOf('SHELTER'), granted)).toBe(ALL);
    expect(visible(actorOf('SHELTER'), withdrawn)).toBe('OPERATIONAL');
  });

  it('takes back what the police and the embassy saw of their own records', () => {
    expect(visible(actorOf('LAW_ENFORCEMENT'), record('OWNER', ['LAW_ENFORCEMENT_SHARING']))).toBe(ALL);
    expect(visible(actorOf('LAW_ENFORCEMENT'), record('OWNER', NONE))).toBe(
      'IDENTITY CONTACT LOCATION LEGAL OPERATIONAL',
    );
    expect(visible(actorOf('EMBASSY'), record('OWNER', ['CONSULAR_CONTACT']))).toBe(ALL);
    expect(visible(actorOf('EMBASSY'), record('OWNER', NONE))).toBe('IDENTITY OPERATIONAL');
  });
});

describe('actions other than reads', () => {
  it('projects no record for actions that touch none', () => {
    for (const action of [
      'case.open',
      'rescue-request.submit',
      'mass-intake.register',
      'statistics.read',
      'attestation.verify',
      'directory.read',
    ] as const) {
      expect(visible(actorOf('NGO'), record('OWNER', CONSENT_PURPOSES), action)).toBe('');
    }
  });

  it('shows audit entries as operational facts only', () => {
    expect(visible(actorOf('NGO'), record('OWNER', CONSENT_PURPOSES), 'audit.read')).toBe('OPERATIONAL');
    expect(visible(actorOf('OVERSIGHT'), record('COORDINATOR', CONSENT_PURPOSES), 'audit.read')).toBe(
      'OPERATIONAL',
    );
  });

  it('shows a pending referral’s addressee only its operational summary', () => {
    const pending = record('TEAM', CONSENT_PURPOSES, { team: [], addressedToOrganisationId: 'org-self' });
    expect(visible(actorOf('SHELTER'), pending, 'referral.respond')).toBe('OPERATIONAL');
  });

  it('gives police of the jurisdiction what their own relation gives, for identification', () => {
    const assigned = record('TEAM', ['SERVICES_REFERRAL'], { jurisdictionCountry: 'TH' });
    expect(visible(actorOf('LAW_ENFORCEMENT'), assigned, 'identification.decide')).toBe(
      'IDENTITY CONTACT LOCATION LEGAL OPERATIONAL',
    );
  });

  it('follows the relations the action accepts, not every relation the actor has', () => {
    // The coordinator is also a team member here, but identification.decide only accepts jurisdiction.
    const both = record('TEAM', CONSENT_PURPOSES, { jurisdictionCountry: 'TH' });
    expect(visible(actorOf('NRM_COORDINATOR'), both, 'identification.decide')).toBe('LEGAL OPERATIONAL');
    expect(visible(actorOf('NRM_COORDINATOR'), both, 'case.read')).toBe(ALL);
  });
});
