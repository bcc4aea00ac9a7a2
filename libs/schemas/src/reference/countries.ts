/**
 * Countries the mechanism deals with, by ISO 3166-1 alpha-2 code: the ASEAN members, Timor-Leste, the
 * places where compounds and their operators are found, and origin countries of people recruited into
 * them. Adding a country is a data change here, not a schema change elsewhere.
 */
export interface Country {
  code: string;
  name: string;
  /** Member of ASEAN (Timor-Leste joined in 2025). */
  asean: boolean;
}

export const COUNTRIES: readonly Country[] = [
  { code: 'BN', name: 'Brunei Darussalam', asean: true },
  { code: 'KH', name: 'Cambodia', asean: true },
  { code: 'ID', name: 'Indonesia', asean: true },
  { code: 'LA', name: 'Lao PDR', asean: true },
  { code: 'MY', name: 'Malaysia', asean: true },
  { code: 'MM', name: 'Myanmar', asean: true },
  { code: 'PH', name: 'Philippines', asean: true },
  { code: 'SG', name: 'Singapore', asean: true },
  { code: 'TH', name: 'Thailand', asean: true },
  { code: 'VN', name: 'Viet Nam', asean: true },
  { code: 'TL', name: 'Timor-Leste', asean: true },
  { code: 'CN', name: 'China', asean: false },
  { code: 'TW', name: 'Taiwan', asean: false },
  { code: 'HK', name: 'Hong Kong', asean: false },
  { code: 'MO', name: 'Macao', asean: false },
  { code: 'KR', name: 'Republic of Korea', asean: false },
  { code: 'JP', name: 'Japan', asean: false },
  { code: 'IN', name: 'India', asean: false },
  { code: 'NP', name: 'Nepal', asean: false },
  { code: 'PK', name: 'Pakistan', asean: false },
  { code: 'BD', name: 'Bangladesh', asean: false },
  { code: 'LK', name: 'Sri Lanka', asean: false },
  { code: 'MN', name: 'Mongolia', asean: false },
  { code: 'KZ', name: 'Kazakhstan', asean: false },
  { code: 'KG', name: 'Kyrgyzstan', asean: false },
  { code: 'UZ', name: 'Uzbekistan', asean: false },
  { code: 'KE', name: 'Kenya', asean: false },
  { code: 'UG', name: 'Uganda', asean: false },
  { code: 'TZ', name: 'Tanzania', asean: false },
  { code: 'ET', name: 'Ethiopia', asean: false },
  { code: 'NG', name: 'Nigeria', asean: false },
  { code: 'GH', name: 'Ghana', asean: false },
  { code: 'ZA', name: 'South Africa', asean: false },
  { code: 'EG', name: 'Egypt', asean: false },
  { code: 'TR', name: 'Türkiye', asean: false },
  { code: 'BR', name: 'Brazil', asean: false },
  { code: 'RU', name: 'Russian Federation', asean: false },
  { code: 'UA', name: 'Ukraine', asean: false },
  { code: 'GE', name: 'Georgia', asean: false },
  { code: 'AU', name: 'Australia', asean: false },
  { code: 'US', name: 'United States', asean: false },
];

const BY_CODE = new Map(COUNTRIES.map((country) => [country.code, country]));

/** True when the code is a country this mechanism knows. */
export function isKnownCountry(code: string): boolean {
  return BY_CODE.has(code);
}

/** The country for a code, or undefined. */
export function findCountry(code: string): Country | undefined {
  return BY_CODE.get(code);
}
