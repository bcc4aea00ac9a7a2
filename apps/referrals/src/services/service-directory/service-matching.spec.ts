import { describe, expect, it } from '@jest/globals';
import { eligibilityFitsType, matchServices, unmetCriteria, type ServiceFacts } from './service-matching.js';

const mensShelter: ServiceFacts = {
  serviceType: 'SHELTER',
  country: 'KH',
  stateProvince: 'Phnom Penh',
  capacityAvailable: 2,
  genders: ['MALE'],
  ageBands: ['18_24', '25_34', '35_49', '50_PLUS'],
  languages: ['km', 'en', 'id'],
  eligibility: 'PRESUMED_VICTIM',
};
const womensShelter: ServiceFacts = {
  ...mensShelter,
  genders: ['FEMALE'],
  ageBands: ['UNDER_14', '14_17', '18_24', '25_34', '35_49', '50_PLUS', 'UNKNOWN'],
  languages: ['km', 'en', 'vi'],
  eligibility: 'ANY',
};
const adultVietnameseMan = { gender: 'MALE', ageBand: '25_34', languages: ['vi'] } as const;

describe('service matching', () => {
  it('matches a service that meets every stated need and ignores needs not stated', () => {
    expect(unmetCriteria(mensShelter, { gender: 'MALE', ageBand: '35_49', languages: ['id', 'ms'] })).toEqual(
      [],
    );
    expect(unmetCriteria(mensShelter, {})).toEqual([]);
  });

  it('names every need a service fails, in a fixed order', () => {
    expect(
      unmetCriteria(womensShelter, {
        stateProvince: 'Siem Reap',
        gender: 'MALE',
        ageBand: '25_34',
        languages: ['th'],
        needsFreeCapacity: true,
        victimStatus: 'NOT_YET_SCREENED',
      }),
    ).toEqual(['STATE_PROVINCE', 'GENDER', 'LANGUAGE']);
  });

  it('compares provinces without regard to case or spaces', () => {
    expect(unmetCriteria(mensShelter, { stateProvince: '  phnom penh ' })).toEqual([]);
  });

  it('never counts an untracked or full capacity as a free place', () => {
    expect(unmetCriteria({ ...mensShelter, capacityAvailable: 0 }, { needsFreeCapacity: true })).toEqual([
      'FREE_CAPACITY',
    ]);
    expect(unmetCriteria({ ...mensShelter, capacityAvailable: null }, { needsFreeCapacity: true })).toEqual([
      'FREE_CAPACITY',
    ]);
    expect(unmetCriteria({ ...mensShelter, capacityAvailable: null }, { needsFreeCapacity: false })).toEqual(
      [],
    );
  });

  it('takes identified victims wherever presumed victims are taken, and not the other way round', () => {
    expect(unmetCriteria(mensShelter, { victimStatus: 'IDENTIFIED_VICTIM' })).toEqual([]);
    expect(unmetCriteria(mensShelter, { victimStatus: 'NOT_YET_SCREENED' })).toEqual(['ELIGIBILITY']);
    const identifiedOnly = { ...mensShelter, eligibility: 'IDENTIFIED_VICTIM' as const };
    expect(unmetCriteria(identifiedOnly, { victimStatus: 'PRESUMED_VICTIM' })).toEqual(['ELIGIBILITY']);
    expect(unmetCriteria(womensShelter, { victimStatus: 'NOT_YET_SCREENED' })).toEqual([]);
  });

  it('offers a person screened NOT_INDICATED only services that take anyone', () => {
    const migrantSupport: ServiceFacts = { ...womensShelter, serviceType: 'VULNERABLE_MIGRANT_SUPPORT' };
    expect(unmetCriteria(migrantSupport, { victimStatus: 'NOT_INDICATED' })).toEqual([]);
    expect(unmetCriteria(mensShelter, { victimStatus: 'NOT_INDICATED' })).toEqual(['ELIGIBILITY']);
    const identifiedOnly = { ...mensShelter, eligibility: 'IDENTIFIED_VICTIM' as const };
    expect(unmetCriteria(identifiedOnly, { victimStatus: 'NOT_INDICATED' })).toEqual(['ELIGIBILITY']);
  });

  it('lists a service for vulnerable migrants only as taking anyone', () => {
    expect(eligibilityFitsType('VULNERABLE_MIGRANT_SUPPORT', 'ANY')).toBe(true);
    expect(eligibilityFitsType('VULNERABLE_MIGRANT_SUPPORT', 'PRESUMED_VICTIM')).toBe(false);
    expect(eligibilityFitsType('VULNERABLE_MIGRANT_SUPPORT', 'IDENTIFIED_VICTIM')).toBe(false);
    expect(eligibilityFitsType('SHELTER', 'PRESUMED_VICTIM')).toBe(true);
  });

  it('says plainly when nothing matches, offering only near misses that fail one need', () => {
    const result = matchServices([mensShelter, womensShelter], adultVietnameseMan);
    expect(result.matches).toEqual([]);
    expect(result.nearMisses).toEqual([
      { service: mensShelter, unmet: ['LANGUAGE'] },
      { service: womensShelter, unmet: ['GENDER'] },
    ]);
    const full = matchServices(
      [{ ...womensShelter, genders: ['FEMALE'], languages: ['km'] }],
      adultVietnameseMan,
    );
    expect(full).toEqual({ matches: [], nearMisses: [] });
  });

  it('returns the matches themselves when there are some', () => {
    const result = matchServices([mensShelter, womensShelter], { gender: 'MALE', languages: ['en'] });
    expect(result.matches).toEqual([mensShelter]);
    expect(result.nearMisses).toEqual([{ service: womensShelter, unmet: ['GENDER'] }]);
  });
});
