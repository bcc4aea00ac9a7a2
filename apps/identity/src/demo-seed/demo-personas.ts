import type { OrganisationKind, Role } from '@passage/schemas';

export interface DemoOrganisation {
  name: string;
  kind: OrganisationKind;
  country: string | null;
  stationedIn?: string;
}

export interface DemoPersona {
  email: string;
  displayName: string;
  organisation: string;
  roles: Role[];
}

/**
 * Fictional organisations of the demonstration data set. Names end in "(demo)" so that nobody mistakes
 * them for the real institutions of these countries.
 */
export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  { name: 'Passage Platform Operations (demo)', kind: 'PLATFORM_OPERATOR', country: null },
  { name: 'Embassy of Indonesia in Phnom Penh (demo)', kind: 'EMBASSY', country: 'ID', stationedIn: 'KH' },
  { name: 'Cambodia National Referral Focal Point (demo)', kind: 'NRM_COORDINATOR', country: 'KH' },
  { name: 'Thailand National Referral Focal Point (demo)', kind: 'NRM_COORDINATOR', country: 'TH' },
  { name: 'Indonesia National Referral Focal Point (demo)', kind: 'NRM_COORDINATOR', country: 'ID' },
  { name: 'Cambodia Anti-Trafficking Police Unit (demo)', kind: 'LAW_ENFORCEMENT', country: 'KH' },
  { name: 'Mekong Safe Passage Network (demo)', kind: 'NGO', country: 'KH' },
  { name: 'Rumah Pulang Reintegration Network (demo)', kind: 'NGO', country: 'ID' },
  { name: 'Phnom Penh Recovery Shelter (demo)', kind: 'SHELTER', country: 'KH' },
  { name: 'Cambodia Immigration Department (demo)', kind: 'IMMIGRATION', country: 'KH' },
  { name: 'Thailand Immigration Bureau (demo)', kind: 'IMMIGRATION', country: 'TH' },
  { name: 'Cambodia Data Protection Oversight (demo)', kind: 'OVERSIGHT', country: 'KH' },
];

/** One person per role a demonstration walks through; all share the password from DEMO_PASSWORD. */
export const DEMO_PERSONAS: readonly DemoPersona[] = [
  {
    email: 'admin@passage.demo',
    displayName: 'Platform Administrator',
    organisation: 'Passage Platform Operations (demo)',
    roles: ['PLATFORM_ADMIN'],
  },
  {
    email: 'consul.id-kh@passage.demo',
    displayName: 'Consular Officer (Indonesia in Cambodia)',
    organisation: 'Embassy of Indonesia in Phnom Penh (demo)',
    roles: ['CONSULAR_OFFICER'],
  },
  {
    email: 'focal.kh@passage.demo',
    displayName: 'Focal Point Cambodia',
    organisation: 'Cambodia National Referral Focal Point (demo)',
    roles: ['FOCAL_POINT'],
  },
  {
    email: 'focal.th@passage.demo',
    displayName: 'Focal Point Thailand',
    organisation: 'Thailand National Referral Focal Point (demo)',
    roles: ['FOCAL_POINT'],
  },
  {
    email: 'focal.id@passage.demo',
    displayName: 'Focal Point Indonesia',
    organisation: 'Indonesia National Referral Focal Point (demo)',
    roles: ['FOCAL_POINT'],
  },
  {
    email: 'police.kh@passage.demo',
    displayName: 'Investigator Cambodia',
    organisation: 'Cambodia Anti-Trafficking Police Unit (demo)',
    roles: ['INVESTIGATOR'],
  },
  {
    email: 'ngo.kh@passage.demo',
    displayName: 'Caseworker Cambodia',
    organisation: 'Mekong Safe Passage Network (demo)',
    roles: ['CASEWORKER'],
  },
  {
    email: 'ngo.id@passage.demo',
    displayName: 'Caseworker Indonesia',
    organisation: 'Rumah Pulang Reintegration Network (demo)',
    roles: ['CASEWORKER'],
  },
  {
    email: 'shelter.kh@passage.demo',
    displayName: 'Shelter Caseworker Cambodia',
    organisation: 'Phnom Penh Recovery Shelter (demo)',
    roles: ['CASEWORKER'],
  },
  {
    email: 'immigration.kh@passage.demo',
    displayName: 'Immigration Officer Cambodia',
    organisation: 'Cambodia Immigration Department (demo)',
    roles: ['VERIFIER'],
  },
  {
    email: 'immigration.th@passage.demo',
    displayName: 'Immigration Officer Thailand',
    organisation: 'Thailand Immigration Bureau (demo)',
    roles: ['VERIFIER'],
  },
  {
    email: 'dpo.kh@passage.demo',
    displayName: 'Data Protection Officer Cambodia',
    organisation: 'Cambodia Data Protection Oversight (demo)',
    roles: ['DATA_PROTECTION_OFFICER'],
  },
];

/** The documented default; override with DEMO_PASSWORD. */
export const DEFAULT_DEMO_PASSWORD = 'Rescue-Refer-Return-2026';

/**
 * The authenticator secret (base32) of every demo persona whose roles need a second factor (README):
 * add it to an authenticator app, or compute codes with otplib. Demonstration only, like the password.
 */
export const DEMO_TOTP_SECRET = 'PASSAGEDEMOAUTHENTICATORSECRETKH';
