import { describe, expect, it } from '@jest/globals';
import {
  COUNTRIES,
  REGION,
  REGIONAL_COUNTRIES,
  countryName,
  findCountry,
  isKnownCountry,
  isRegionalCountry,
} from './countries.js';

describe('countries', () => {
  it('lists every ISO 3166-1 country once, by its upper-case alpha-2 code', () => {
    const codes = COUNTRIES.map((country) => country.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(codes.length).toBeGreaterThanOrEqual(249);
  });

  it.each(['UG', 'NP', 'ET', 'KH', 'LA', 'MM', 'FR', 'BO', 'AQ', 'XK'])('knows %s', (code) => {
    expect(isKnownCountry(code)).toBe(true);
    expect(findCountry(code)?.name.length).toBeGreaterThan(1);
  });

  it.each(['', 'xx', 'XX', 'zz', 'ZZ', 'kh', 'KHM', 'EU', 'UK'])('does not know %j', (code) => {
    expect(isKnownCountry(code)).toBe(false);
    expect(findCountry(code)).toBeUndefined();
    expect(countryName(code, 'en')).toBeUndefined();
  });

  it('keeps every country of the region, each a country of the world', () => {
    const region = [
      ...['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN', 'TL'],
      ...['CN', 'TW', 'HK', 'MO', 'KR', 'JP', 'IN', 'NP', 'PK', 'BD', 'LK', 'MN', 'KZ', 'KG', 'UZ'],
      ...['KE', 'UG', 'TZ', 'ET', 'NG', 'GH', 'ZA', 'EG', 'TR', 'BR', 'RU', 'UA', 'GE', 'AU', 'US'],
    ];
    expect(REGIONAL_COUNTRIES.map((country) => country.code).sort()).toEqual([...region].sort());
    for (const code of Object.keys(REGION)) {
      expect(isKnownCountry(code)).toBe(true);
      expect(isRegionalCountry(code)).toBe(true);
      expect(findCountry(code)?.regional).toBe(true);
    }
    expect(isRegionalCountry('FR')).toBe(false);
    expect(findCountry('FR')).toMatchObject({ regional: false, asean: false });
  });

  it('marks the ASEAN members, Timor-Leste included', () => {
    expect(
      COUNTRIES.filter((country) => country.asean)
        .map((country) => country.code)
        .sort(),
    ).toEqual(['BN', 'ID', 'KH', 'LA', 'MM', 'MY', 'PH', 'SG', 'TH', 'TL', 'VN']);
  });

  it("names countries from Intl, in English and in the reader's language", () => {
    expect(findCountry('KH')?.name).toBe('Cambodia');
    expect(findCountry('UG')?.name).toBe('Uganda');
    expect(countryName('KH', 'fr')).toBe('Cambodge');
    expect(countryName('KH')).toBe('Cambodia');
    expect(countryName('DE', ['de', 'en'])).toBe('Deutschland');
  });
});
