import { describe, expect, it } from '@jest/globals';
import { caseResourceContext, personResourceContext } from './case-resource-context.js';

const facts = { ownerOrganisationId: 'org', ownerCountry: 'KH', jurisdictionCountry: 'KH' };

describe('case resource context', () => {
  it("decides a person's record on that person's consents and age", () => {
    expect(personResourceContext(facts, { id: 'a', ageBand: '25_34' }, ['RETURN'])).toEqual({
      ...facts,
      team: [],
      consents: ['RETURN'],
      subjectIsMinor: false,
    });
    expect(personResourceContext(facts, { id: 'a', ageBand: '14_17' }, []).subjectIsMinor).toBe(true);
  });

  it('leaves the minor flag unset while the age is unknown', () => {
    expect(personResourceContext(facts, { id: 'a', ageBand: 'UNKNOWN' }, [])).not.toHaveProperty(
      'subjectIsMinor',
    );
  });

  it('counts a purpose for the whole case only when every person grants it', () => {
    const persons = [
      { id: 'a', ageBand: '25_34' as const },
      { id: 'b', ageBand: '35_49' as const },
    ];
    const consents = new Map([
      ['a', ['RETURN', 'SERVICES_REFERRAL'] as const],
      ['b', ['SERVICES_REFERRAL'] as const],
    ]);
    const context = caseResourceContext(facts, persons, consents);
    expect(context.consents).toEqual(['SERVICES_REFERRAL']);
    expect(context.subjectIsMinor).toBe(false);
  });

  it('treats the case as a child’s as soon as one person is or may be a child', () => {
    const consents = new Map();
    expect(
      caseResourceContext(
        facts,
        [
          { id: 'a', ageBand: '25_34' },
          { id: 'b', ageBand: 'UNDER_14' },
        ],
        consents,
      ).subjectIsMinor,
    ).toBe(true);
    expect(
      caseResourceContext(
        facts,
        [
          { id: 'a', ageBand: '25_34' },
          { id: 'b', ageBand: 'UNKNOWN' },
        ],
        consents,
      ),
    ).not.toHaveProperty('subjectIsMinor');
    expect(caseResourceContext(facts, [], consents)).toMatchObject({ consents: [] });
  });
});
