import { describe, expect, it } from '@jest/globals';
import type { OrganisationKind, Role } from '@passage/schemas';
import type { AuthenticatedActor } from '@passage/shared';
import { listingRefusal, workingCountry } from './service-listing-rule.js';

const ORG = '00000000-0000-4000-8000-000000000001';

function actor(kind: OrganisationKind, roles: Role[], country = 'KH', stationedIn: string | null = null) {
  return {
    userId: '00000000-0000-4000-8000-0000000000aa',
    sessionId: '00000000-0000-4000-8000-0000000000bb',
    organisationId: ORG,
    organisationKind: kind,
    organisationName: 'Test organisation',
    country,
    stationedIn,
    nodeId: 'local',
    roles,
    mfaEnrolmentPending: false,
  } satisfies AuthenticatedActor;
}

describe('service listing rule', () => {
  it("lets a provider's own staff list services in the country it works in", () => {
    expect(listingRefusal(actor('SHELTER', ['CASEWORKER']), ORG, 'KH')).toBeNull();
    expect(listingRefusal(actor('NGO', ['ORGANISATION_ADMIN']), ORG, 'KH')).toBeNull();
  });

  it('lists an embassy’s services where it is stationed, not in the state it represents', () => {
    const embassy = actor('EMBASSY', ['CONSULAR_OFFICER'], 'ID', 'KH');
    expect(workingCountry(embassy)).toBe('KH');
    expect(listingRefusal(embassy, ORG, 'KH')).toBeNull();
    expect(listingRefusal(embassy, ORG, 'ID')).toBe('OUT_OF_ORGANISATION');
  });

  it('refuses immigration first, whatever else is true', () => {
    expect(listingRefusal(actor('IMMIGRATION', ['VERIFIER', 'ORGANISATION_ADMIN']), ORG, 'KH')).toBe(
      'FIREWALL_IMMIGRATION',
    );
  });

  it('refuses the platform operator, non-frontline kinds, people without a role for it, and others’ listings', () => {
    expect(listingRefusal(actor('PLATFORM_OPERATOR', ['PLATFORM_ADMIN']), ORG, 'KH')).toBe(
      'NOT_PLATFORM_DATA',
    );
    expect(listingRefusal(actor('OVERSIGHT', ['DATA_PROTECTION_OFFICER']), ORG, 'KH')).toBe(
      'KIND_NOT_PERMITTED',
    );
    expect(listingRefusal(actor('SHELTER', ['DATA_PROTECTION_OFFICER']), ORG, 'KH')).toBe('ROLE_REQUIRED');
    expect(
      listingRefusal(actor('SHELTER', ['CASEWORKER']), '00000000-0000-4000-8000-000000000002', 'KH'),
    ).toBe('OUT_OF_ORGANISATION');
    expect(listingRefusal(actor('SHELTER', ['CASEWORKER']), ORG, 'TH')).toBe('OUT_OF_ORGANISATION');
  });
});
