import { AGE_BANDS, GENDERS } from '@passage/schemas';

/**
 * Closed lists describing a person in a case. Age bands and genders are those of the rescue request, so
 * a case opened from a request takes its people over unchanged.
 */
export { AGE_BANDS, GENDERS };
export type AgeBand = (typeof AGE_BANDS)[number];
export type Gender = (typeof GENDERS)[number];

/** What a person needs at once after leaving a compound; drives the first referrals. */
export const IMMEDIATE_NEEDS = [
  'SHELTER',
  'FOOD_AND_WATER',
  'CLOTHING',
  'MEDICAL_CARE',
  'PSYCHOSOCIAL_SUPPORT',
  'INTERPRETATION',
  'LEGAL_AID',
  'CONSULAR_ASSISTANCE',
  'FAMILY_CONTACT',
  'CHILD_PROTECTION',
  'SAFETY',
  'TRAVEL_DOCUMENT',
] as const;
export type ImmediateNeed = (typeof IMMEDIATE_NEEDS)[number];

/** Identity documents; a person may have none (compounds confiscate passports). */
export const DOCUMENT_TYPES = [
  'PASSPORT',
  'NATIONAL_ID',
  'EMERGENCY_TRAVEL_DOCUMENT',
  'BIRTH_CERTIFICATE',
  'OTHER',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/**
 * Whether the age band is a child's: `true` under 18, `false` for an adult band, `null` when the age is
 * unknown. The access policy reads `null` as a possible child wherever that is the safer reading.
 */
export function minorFromAgeBand(ageBand: AgeBand): boolean | null {
  if (ageBand === 'UNKNOWN') return null;
  return ageBand === 'UNDER_14' || ageBand === '14_17';
}

/**
 * The age band of someone born on `dateOfBirth` (ISO date), on the calendar date `today` (ISO date): age
 * in completed years, a birthday counting from its own day (29 February from 1 March in other years).
 */
export function ageBandOn(dateOfBirth: string, today: string): Exclude<AgeBand, 'UNKNOWN'> {
  const [birthYear, birthMonth, birthDay] = dateOfBirth.split('-').map(Number);
  const [year, month, day] = today.split('-').map(Number);
  const hadBirthday = month > birthMonth || (month === birthMonth && day >= birthDay);
  const age = year - birthYear - (hadBirthday ? 0 : 1);
  if (age < 14) return 'UNDER_14';
  if (age < 18) return '14_17';
  if (age < 25) return '18_24';
  if (age < 35) return '25_34';
  if (age < 50) return '35_49';
  return '50_PLUS';
}
