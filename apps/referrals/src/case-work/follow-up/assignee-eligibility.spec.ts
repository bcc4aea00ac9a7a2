import { describe, expect, it } from '@jest/globals';
import type { ConsentPurpose, DataCategory, OrganisationKind } from '@passage/schemas';
import type { ResourceContext } from '@passage/shared';
import { whyNotAssignable, type ListedOrganisation } from './assignee-eligibility.js';

const NOW = new Date('2026-03-02T08:00:00Z');
const OWNER = 'org-owner';

function organisation(
  kind: OrganisationKind,
  country: string | null = 'KH',
  overrides: Partial<ListedOrganisation> = {},
): ListedOrganisation {
  return {
    organisationId: `org-${kind.toLowerCase()}`,
    name: `${kind} (test)`,
    kind,
    country,
    stationedIn: null,
    active: true,
    ...overrides,
  };
}

function personContext(
  team: { organisationId: string; sharedCategories: DataCategory[] }[] = [],
  consents: ConsentPurpose[] = ['SERVICES_REFERRAL'],
): ResourceContext {
  return {
    ownerOrganisationId: OWNER,
    ownerCountry: 'KH',
    jurisdictionCountry: 'KH',
    team: team.map((member) => ({ ...member, via: 'REFERRAL' as const })),
    consents,
    subjectIsMinor: false,
  };
}

const check = (candidate: ListedOrganisation | null, context = personContext()) =>
  whyNotAssignable(candidate, context, context, NOW);

describe('who may be assigned a follow-up task', () => {
  it('accepts the case owner and the coordinator of the jurisdiction', () => {
    expect(check(organisation('NGO', 'KH', { organisationId: OWNER }))).toBeNull();
    expect(check(organisation('NRM_COORDINATOR'))).toBeNull();
  });

  it('accepts a team member only while it was given the legal data and the referral consent stands', () => {
    const shelter = organisation('SHELTER');
    const withLegal = [
      { organisationId: shelter.organisationId, sharedCategories: ['LEGAL'] as DataCategory[] },
    ];
    expect(check(shelter, personContext(withLegal))).toBeNull();
    expect(check(shelter, personContext(withLegal, []))).toMatch(/may not see this person's legal data/);
    expect(
      check(
        shelter,
        personContext([
          { organisationId: shelter.organisationId, sharedCategories: ['OPERATIONAL', 'HEALTH'] },
        ]),
      ),
    ).toMatch(/may not see this person's legal data/);
  });

  it('refuses organisations with no need to know the legal data', () => {
    expect(check(organisation('NGO'))).toMatch(/may not see/);
    expect(check(organisation('NRM_COORDINATOR', 'TH'))).toMatch(/may not see/);
    // An embassy owning the case sees legal data only once the person consents to consular contact.
    const embassy = organisation('EMBASSY', 'UG', { organisationId: OWNER, stationedIn: 'KH' });
    expect(check(embassy)).toMatch(/may not see/);
    expect(check(embassy, personContext([], ['CONSULAR_CONTACT']))).toBeNull();
  });

  it.each(['IMMIGRATION', 'OVERSIGHT', 'PLATFORM_OPERATOR'] as const)(
    'never gives a task to %s, even one that owned the record',
    (kind) => {
      expect(check(organisation(kind, 'KH', { organisationId: OWNER }))).toMatch(
        /cannot work follow-up tasks/,
      );
    },
  );

  it('refuses an organisation that is not listed or no longer takes part', () => {
    expect(check(null)).toBe('is not an organisation of the directory');
    expect(check(organisation('NRM_COORDINATOR', 'KH', { active: false }))).toMatch(/no longer takes part/);
  });
});
