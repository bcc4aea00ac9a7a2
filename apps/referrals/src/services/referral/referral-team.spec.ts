import { describe, expect, it } from '@jest/globals';
import { decideFields, type Actor } from '@passage/shared';
import { caseResourceContext, personResourceContext, type CaseTeamMember } from '../../case-work/index.js';
import { referralRecordContext } from './referral-record-context.js';

const facts = { ownerOrganisationId: 'ngo', ownerCountry: 'KH', jurisdictionCountry: 'KH' };
const shelter: Actor = {
  userId: 'u',
  organisationId: 'shelter',
  organisationKind: 'SHELTER',
  country: 'KH',
  nodeId: 'local',
  roles: ['CASEWORKER'],
};
const now = new Date('2026-03-02T08:00:00Z');
const a = { id: 'a', ageBand: '25_34' as const };
const b = { id: 'b', ageBand: '35_49' as const };
const referralForA: CaseTeamMember = {
  personId: 'a',
  organisationId: 'shelter',
  via: 'REFERRAL',
  sharedCategories: ['OPERATIONAL', 'IDENTITY', 'HEALTH'],
};

function visible(context: ReturnType<typeof personResourceContext>) {
  const decision = decideFields(
    shelter,
    'case.read',
    context,
    ['OPERATIONAL', 'IDENTITY', 'HEALTH', 'NARRATIVE'],
    now,
  );
  return Object.entries(decision)
    .filter(([, access]) => access === 'ALLOW')
    .map(([category]) => category);
}

describe('accepted referrals in the case team', () => {
  it('shows the provider the shared categories of the referred person while consent stands', () => {
    const context = personResourceContext(facts, a, ['SERVICES_REFERRAL'], [referralForA]);
    expect(context.team).toEqual([
      { organisationId: 'shelter', via: 'REFERRAL', sharedCategories: ['OPERATIONAL', 'IDENTITY', 'HEALTH'] },
    ]);
    expect(visible(context)).toEqual(['OPERATIONAL', 'IDENTITY', 'HEALTH']);
  });

  it('falls back to operational facts the moment the services-referral consent is withdrawn', () => {
    expect(visible(personResourceContext(facts, a, [], [referralForA]))).toEqual(['OPERATIONAL']);
  });

  it("never opens another person's data in a shared case", () => {
    const context = personResourceContext(facts, b, ['SERVICES_REFERRAL'], [referralForA]);
    expect(context.team).toEqual([{ organisationId: 'shelter', via: 'REFERRAL', sharedCategories: [] }]);
    expect(visible(context)).toEqual(['OPERATIONAL']);
  });

  it('merges several referrals of one provider and lets the whole case be read by its team', () => {
    const second: CaseTeamMember = { ...referralForA, personId: 'b', sharedCategories: ['NARRATIVE'] };
    const context = caseResourceContext(facts, [a, b], new Map(), [referralForA, second]);
    expect(context.team).toEqual([
      {
        organisationId: 'shelter',
        via: 'REFERRAL',
        sharedCategories: ['OPERATIONAL', 'IDENTITY', 'HEALTH', 'NARRATIVE'],
      },
    ]);
    expect(decideFields(shelter, 'case.read', context, ['OPERATIONAL'], now).OPERATIONAL).toBe('ALLOW');
    expect(
      decideFields(shelter, 'case.read', caseResourceContext(facts, [a], new Map()), ['OPERATIONAL'], now)
        .OPERATIONAL,
    ).toBe('REDACT');
  });

  it('lets the provider answer a referral addressed to it and see only its operational facts', () => {
    const record = referralRecordContext({
      from_organisation_id: 'ngo',
      to_organisation_id: 'shelter',
      jurisdiction_country: 'KH',
    });
    expect(decideFields(shelter, 'referral.respond', record, ['OPERATIONAL', 'IDENTITY'], now)).toEqual({
      OPERATIONAL: 'ALLOW',
      IDENTITY: 'REDACT',
    });
    expect(decideFields(shelter, 'case.read', record, ['OPERATIONAL'], now).OPERATIONAL).toBe('REDACT');
    const other = { ...shelter, organisationId: 'other-shelter' };
    expect(decideFields(other, 'referral.respond', record, ['OPERATIONAL'], now).OPERATIONAL).toBe('REDACT');
  });
});
