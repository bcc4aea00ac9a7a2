import { describe, expect, it } from '@jest/globals';
import {
  CONSENT_PURPOSES,
  DATA_CATEGORIES,
  ORGANISATION_KINDS,
  ROLES,
  type OrganisationKind,
} from '@passage/schemas';
import { ACCESS_ACTIONS, IDENTITY_ACTIONS, isNodeAction, type AccessAction } from './access-actions.js';
import { decide } from './access-policy.js';
import type { Actor, NodeTarget, OrganisationTarget, ResourceContext } from './access-subjects.js';

/**
 * The whole matrix: every organisation kind × every action × every shape of resource, against a table
 * written out by hand from docs/adr/007-access-policy.md. The actors hold every role their kind may
 * hold and the records every consent, so that this table isolates kind and relation; roles and
 * consents have their own tests.
 */

const NOW = new Date('2026-12-01T12:00:00Z');
const SELF_ORG = 'org-self';
const OTHER_ORG = 'org-other';
const ELSEWHERE = 'KH';

type Shape = 'own' | 'team' | 'unrelated' | 'country' | 'countryTeam' | 'addressed' | 'grant' | 'none';
const RECORD_SHAPES: readonly Shape[] = [
  'own',
  'team',
  'unrelated',
  'country',
  'countryTeam',
  'addressed',
  'grant',
  'none',
];
const IDENTITY_SHAPES: readonly Shape[] = ['own', 'unrelated', 'none'];

function actorOf(kind: OrganisationKind): Actor {
  const roles =
    kind === 'PLATFORM_OPERATOR'
      ? (['PLATFORM_ADMIN', 'ORGANISATION_ADMIN'] as const)
      : ROLES.filter((role) => role !== 'PLATFORM_ADMIN');
  return {
    userId: 'user-self',
    organisationId: SELF_ORG,
    organisationKind: kind,
    country: kind === 'EMBASSY' ? 'IN' : 'TH',
    stationedIn: kind === 'EMBASSY' ? 'TH' : null,
    nodeId: 'th',
    roles,
  };
}

function recordFor(actor: Actor, shape: Shape): ResourceContext | null {
  if (shape === 'none') return null;
  const inTeam = shape === 'team' || shape === 'countryTeam';
  return {
    ownerOrganisationId: shape === 'own' ? SELF_ORG : OTHER_ORG,
    ownerCountry: ELSEWHERE,
    jurisdictionCountry: shape === 'country' || shape === 'countryTeam' ? actor.country : ELSEWHERE,
    team: [
      { organisationId: 'org-third', via: 'REFERRAL', sharedCategories: DATA_CATEGORIES },
      ...(inTeam
        ? [{ organisationId: SELF_ORG, via: 'REFERRAL' as const, sharedCategories: DATA_CATEGORIES }]
        : []),
    ],
    consents: CONSENT_PURPOSES,
    rescueAccess: [
      { userId: 'user-third', until: new Date('2027-01-01T00:00:00Z') },
      ...(shape === 'grant' ? [{ userId: 'user-self', until: new Date('2026-12-01T13:00:00Z') }] : []),
    ],
    addressedToOrganisationId: shape === 'addressed' ? SELF_ORG : OTHER_ORG,
    subjectIsMinor: false,
  };
}

function targetFor(shape: Shape): OrganisationTarget | null {
  if (shape === 'none') return null;
  return { organisationId: shape === 'own' ? SELF_ORG : OTHER_ORG };
}

/** A node hosting the actor's country ('own'), or only another country ('unrelated'). */
function nodeFor(actor: Actor, shape: Shape): NodeTarget | null {
  if (shape === 'none') return null;
  return { hostedCountries: shape === 'own' ? [actor.country, ELSEWHERE] : [ELSEWHERE] };
}

type Row = Partial<Record<OrganisationKind, string>>;

/** `kinds` each allowed on the space-separated `shapes` ('all' = every shape). */
function each(kinds: readonly OrganisationKind[], shapes: string): Row {
  return Object.fromEntries(kinds.map((kind) => [kind, shapes]));
}

const FRONTLINE: readonly OrganisationKind[] = [
  'EMBASSY',
  'NRM_COORDINATOR',
  'LAW_ENFORCEMENT',
  'NGO',
  'SHELTER',
  'SERVICE_PROVIDER',
  'INTERNATIONAL_ORGANISATION',
];
const FRONTLINE_BUT_NRM = FRONTLINE.filter((kind) => kind !== 'NRM_COORDINATOR');
const CASE_OWNERS: readonly OrganisationKind[] = [
  'EMBASSY',
  'NRM_COORDINATOR',
  'LAW_ENFORCEMENT',
  'NGO',
  'INTERNATIONAL_ORGANISATION',
];
const HANDOFF: readonly OrganisationKind[] = ['NRM_COORDINATOR', 'NGO', 'INTERNATIONAL_ORGANISATION'];

/** Allowed shapes per action and kind. A kind that is not listed is refused everywhere. */
const EXPECTED: Record<AccessAction, Row> = {
  'organisation.list': { ...each([...FRONTLINE, 'OVERSIGHT', 'PLATFORM_OPERATOR'], 'all') },
  'organisation.read': {
    ...each([...FRONTLINE, 'OVERSIGHT', 'PLATFORM_OPERATOR'], 'all'),
    IMMIGRATION: 'own',
  },
  'organisation.create': { PLATFORM_OPERATOR: 'all' },
  'organisation.deactivate': { PLATFORM_OPERATOR: 'all' },
  'user.list': { ...each([...FRONTLINE, 'OVERSIGHT', 'IMMIGRATION'], 'own'), PLATFORM_OPERATOR: 'all' },
  'user.read': { ...each([...FRONTLINE, 'OVERSIGHT', 'IMMIGRATION'], 'own'), PLATFORM_OPERATOR: 'all' },
  'user.create': { ...each([...FRONTLINE, 'OVERSIGHT', 'IMMIGRATION'], 'own'), PLATFORM_OPERATOR: 'all' },
  'user.assign-roles': {
    ...each([...FRONTLINE, 'OVERSIGHT', 'IMMIGRATION'], 'own'),
    PLATFORM_OPERATOR: 'own',
  },
  'user.approve-roles': {
    ...each([...FRONTLINE, 'OVERSIGHT', 'IMMIGRATION'], 'own'),
    PLATFORM_OPERATOR: 'all',
  },
  'user.issue-enrolment-link': {
    ...each([...FRONTLINE, 'OVERSIGHT', 'IMMIGRATION'], 'own'),
    PLATFORM_OPERATOR: 'all',
  },
  'user.deactivate': { ...each([...FRONTLINE, 'OVERSIGHT', 'IMMIGRATION'], 'own'), PLATFORM_OPERATOR: 'all' },
  'self.read': { ...each(ORGANISATION_KINDS, 'all') },
  'self.manage-credentials': { ...each(ORGANISATION_KINDS, 'all') },

  'rescue-request.submit': {
    ...each(['EMBASSY', 'NRM_COORDINATOR', 'NGO', 'INTERNATIONAL_ORGANISATION'], 'all'),
  },
  'rescue-request.read': {
    ...each(FRONTLINE_BUT_NRM, 'own team countryTeam grant'),
    NRM_COORDINATOR: 'own team country countryTeam grant',
  },
  'rescue-request.update-status': { NRM_COORDINATOR: 'country countryTeam', LAW_ENFORCEMENT: 'countryTeam' },
  'compound.read': {
    ...each(FRONTLINE_BUT_NRM, 'own team countryTeam grant'),
    NRM_COORDINATOR: 'own team country countryTeam grant',
  },
  'case.open': { ...each(CASE_OWNERS, 'all') },
  'case.read': {
    ...each(FRONTLINE_BUT_NRM, 'own team countryTeam'),
    NRM_COORDINATOR: 'own team country countryTeam',
    OVERSIGHT: 'own team country countryTeam',
  },
  'case.update': { ...each(CASE_OWNERS, 'own') },
  'case.close': {
    ...each(['EMBASSY', 'LAW_ENFORCEMENT', 'NGO', 'INTERNATIONAL_ORGANISATION'], 'own'),
    NRM_COORDINATOR: 'own country countryTeam',
  },
  'case.reopen': {
    ...each(['EMBASSY', 'LAW_ENFORCEMENT', 'NGO', 'INTERNATIONAL_ORGANISATION'], 'own'),
    NRM_COORDINATOR: 'own country countryTeam',
  },
  'person.update': {
    ...each(['EMBASSY', 'LAW_ENFORCEMENT', 'NGO', 'INTERNATIONAL_ORGANISATION'], 'own'),
    NRM_COORDINATOR: 'own country countryTeam',
  },
  'person.add': { ...each(CASE_OWNERS, 'own') },
  'mass-intake.register': {
    ...each(['NRM_COORDINATOR', 'LAW_ENFORCEMENT', 'NGO', 'INTERNATIONAL_ORGANISATION'], 'all'),
  },
  'consent.record': {
    ...each(['EMBASSY', 'LAW_ENFORCEMENT', 'NGO', 'INTERNATIONAL_ORGANISATION'], 'own'),
    NRM_COORDINATOR: 'own country countryTeam',
  },
  'consent.withdraw': {
    ...each(FRONTLINE_BUT_NRM, 'own team countryTeam'),
    NRM_COORDINATOR: 'own team country countryTeam',
  },
  'interview.record': { ...each(FRONTLINE, 'own team countryTeam') },
  'screening.record': {
    ...each(
      [
        'NRM_COORDINATOR',
        'LAW_ENFORCEMENT',
        'NGO',
        'SHELTER',
        'SERVICE_PROVIDER',
        'INTERNATIONAL_ORGANISATION',
      ],
      'own team countryTeam',
    ),
  },
  'identification.decide': { NRM_COORDINATOR: 'country countryTeam', LAW_ENFORCEMENT: 'countryTeam' },
  'follow-up.work': {
    ...each(FRONTLINE_BUT_NRM, 'addressed'),
    NRM_COORDINATOR: 'country countryTeam addressed',
  },
  'detention.record': {
    ...each(FRONTLINE_BUT_NRM, 'own team countryTeam'),
    NRM_COORDINATOR: 'own team country countryTeam',
  },
  'attestation.issue': { NRM_COORDINATOR: 'country countryTeam' },
  'attestation.revoke': { NRM_COORDINATOR: 'country countryTeam' },
  'attestation.verify': { ...each([...FRONTLINE, 'OVERSIGHT', 'IMMIGRATION'], 'all') },
  'referral.create': { ...each(FRONTLINE, 'own team countryTeam') },
  'referral.respond': { ...each(FRONTLINE, 'addressed') },
  'handoff.offer': { ...each(HANDOFF, 'own') },
  'handoff.respond': { ...each(HANDOFF, 'addressed') },
  'repatriation.plan': {
    ...each(['EMBASSY', 'NRM_COORDINATOR', 'NGO', 'INTERNATIONAL_ORGANISATION'], 'own team countryTeam'),
  },
  'repatriation.approve': { NRM_COORDINATOR: 'country countryTeam' },
  // Not the embassy, police, shelters, oversight or the coordinator as such: owner and team only.
  'stay-pathway.plan': {
    ...each(
      ['NRM_COORDINATOR', 'NGO', 'SERVICE_PROVIDER', 'INTERNATIONAL_ORGANISATION'],
      'own team countryTeam',
    ),
  },
  'stay-pathway.decide': {
    ...each(
      ['NRM_COORDINATOR', 'NGO', 'SERVICE_PROVIDER', 'INTERNATIONAL_ORGANISATION'],
      'own team countryTeam',
    ),
  },
  'exit-clearance.read': {
    ...each(FRONTLINE_BUT_NRM, 'own team countryTeam'),
    NRM_COORDINATOR: 'own team country countryTeam',
    IMMIGRATION: 'addressed',
  },
  'exit-clearance.respond': { IMMIGRATION: 'addressed' },
  'statistics.read': { ...each([...FRONTLINE, 'OVERSIGHT'], 'all') },
  'export.create': { ...each(CASE_OWNERS, 'own') },
  'audit.read': { ...each(FRONTLINE, 'own'), OVERSIGHT: 'own country countryTeam none' },
  'directory.read': { ...each([...FRONTLINE, 'OVERSIGHT'], 'all') },
  // The node's outbox and exchange status: its operator, and the oversight body of a hosted country.
  'node.status': { PLATFORM_OPERATOR: 'all', OVERSIGHT: 'own' },
};

const IDENTITY_ACTION_SET: ReadonlySet<string> = new Set(IDENTITY_ACTIONS);

function expectedShapes(
  action: AccessAction,
  kind: OrganisationKind,
  shapes: readonly Shape[],
): Record<string, boolean> {
  const written = EXPECTED[action][kind];
  const allowed = written === 'all' ? shapes : (written?.split(' ') ?? []);
  return Object.fromEntries(shapes.map((shape) => [shape, allowed.includes(shape)]));
}

function actualShapes(
  action: AccessAction,
  kind: OrganisationKind,
  shapes: readonly Shape[],
): Record<string, boolean> {
  const actor = actorOf(kind);
  return Object.fromEntries(
    shapes.map((shape) => {
      const resource = IDENTITY_ACTION_SET.has(action)
        ? targetFor(shape)
        : isNodeAction(action)
          ? nodeFor(actor, shape)
          : recordFor(actor, shape);
      return [shape, decide(actor, action, resource, NOW).allowed];
    }),
  );
}

describe('access policy matrix', () => {
  it('has an expected row for every action, naming only known kinds and shapes', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACCESS_ACTIONS].sort());
    for (const row of Object.values(EXPECTED)) {
      for (const [kind, shapes] of Object.entries(row)) {
        expect(ORGANISATION_KINDS).toContain(kind);
        for (const shape of shapes.split(' ')) expect([...RECORD_SHAPES, 'all']).toContain(shape);
      }
    }
  });

  const cases = ACCESS_ACTIONS.flatMap((action) => ORGANISATION_KINDS.map((kind) => [action, kind] as const));

  it.each(cases)('%s by %s', (action, kind) => {
    const shapes = IDENTITY_ACTION_SET.has(action) || isNodeAction(action) ? IDENTITY_SHAPES : RECORD_SHAPES;
    expect(actualShapes(action, kind, shapes)).toEqual(expectedShapes(action, kind, shapes));
  });
});
