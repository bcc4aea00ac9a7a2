import isoCountries from 'i18n-iso-countries';

/**
 * Countries, by ISO 3166-1 alpha-2 code. Two separate things live here (docs/adr/016-world-catalogues.md):
 *
 * - **The world**: every code of `i18n-iso-countries` (the ISO 3166-1 list, plus `XK` for Kosovo, which
 *   travel documents and the EU use). A survivor can come from, or be found in, any of them, so every
 *   validator of a country code accepts these (`isKnownCountry`). Names are not stored: they come from
 *   `Intl.DisplayNames`, in English for lists and exchanges (`Country.name`) or in the reader's language
 *   (`countryName`).
 * - **The region** (`REGION`): the mechanism's own countries — the ASEAN members, Timor-Leste, the places
 *   where compounds and their operators are found and the main origin countries of people recruited into
 *   them. This grouping is ours, not ISO's: it decides which countries a node can host and which have
 *   exchange keys. Adding a country to the mechanism is a data change in `REGION`.
 */
export interface Country {
  code: string;
  /** English name, from `Intl.DisplayNames`. */
  name: string;
  /** Member of ASEAN (Timor-Leste joined in 2025). */
  asean: boolean;
  /** One of the mechanism's countries (`REGION`): it can be hosted by a node and has exchange keys. */
  regional: boolean;
}

/** What the mechanism records about one of its countries beyond the ISO code. */
export interface RegionalCountry {
  /** Member of ASEAN (Timor-Leste joined in 2025). */
  asean: boolean;
}

/**
 * The mechanism's countries: the ASEAN members and Timor-Leste, then the other places where compounds,
 * their operators or the people held in them are found. Every key is an ISO 3166-1 alpha-2 code (checked
 * by the unit tests).
 */
export const REGION: Readonly<Record<string, RegionalCountry>> = {
  // ASEAN
  BN: { asean: true },
  KH: { asean: true },
  ID: { asean: true },
  LA: { asean: true },
  MY: { asean: true },
  MM: { asean: true },
  PH: { asean: true },
  SG: { asean: true },
  TH: { asean: true },
  VN: { asean: true },
  TL: { asean: true },
  // East Asia
  CN: { asean: false },
  TW: { asean: false },
  HK: { asean: false },
  MO: { asean: false },
  KR: { asean: false },
  JP: { asean: false },
  MN: { asean: false },
  // South and Central Asia
  IN: { asean: false },
  NP: { asean: false },
  PK: { asean: false },
  BD: { asean: false },
  LK: { asean: false },
  KZ: { asean: false },
  KG: { asean: false },
  UZ: { asean: false },
  // Africa
  KE: { asean: false },
  UG: { asean: false },
  TZ: { asean: false },
  ET: { asean: false },
  NG: { asean: false },
  GH: { asean: false },
  ZA: { asean: false },
  EG: { asean: false },
  // Elsewhere
  TR: { asean: false },
  BR: { asean: false },
  RU: { asean: false },
  UA: { asean: false },
  GE: { asean: false },
  AU: { asean: false },
  US: { asean: false },
};

const ENGLISH = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

function countryOf(code: string): Country {
  const regional = REGION[code];
  return {
    code,
    name: ENGLISH.of(code) ?? code,
    asean: regional?.asean ?? false,
    regional: regional !== undefined,
  };
}

/** Every country of the world (ISO 3166-1 alpha-2, from `i18n-iso-countries`), sorted by code. */
export const COUNTRIES: readonly Country[] = Object.keys(isoCountries.getAlpha2Codes()).sort().map(countryOf);

/** The mechanism's countries (`REGION`), in the order listed there. */
export const REGIONAL_COUNTRIES: readonly Country[] = Object.keys(REGION).map(countryOf);

const BY_CODE: ReadonlyMap<string, Country> = new Map(COUNTRIES.map((country) => [country.code, country]));

/** True when the code is an ISO 3166-1 alpha-2 country code (exact, upper-case), of any country. */
export function isKnownCountry(code: string): boolean {
  return BY_CODE.has(code);
}

/** True when the code is one of the mechanism's countries (`REGION`): hosted countries, exchange keys. */
export function isRegionalCountry(code: string): boolean {
  return Object.hasOwn(REGION, code);
}

/** The country for an ISO 3166-1 alpha-2 code, or undefined. */
export function findCountry(code: string): Country | undefined {
  return BY_CODE.get(code);
}

/**
 * The name of a country in the reader's language (a BCP 47 tag such as `fr` or `th`), from
 * `Intl.DisplayNames`; undefined for a code that is not a country.
 */
export function countryName(code: string, locale: string | readonly string[] = 'en'): string | undefined {
  if (!isKnownCountry(code)) return undefined;
  const locales = typeof locale === 'string' ? [locale] : [...locale];
  return new Intl.DisplayNames(locales, { type: 'region', fallback: 'code' }).of(code) ?? code;
}
