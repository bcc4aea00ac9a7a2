/**
 * What kind of personal data a field holds. Every personal field carries one, and the access policy
 * decides per category; sexual violence and health are the most restricted.
 */
export const DATA_CATEGORIES = [
  'IDENTITY',
  'CONTACT',
  'LOCATION',
  'HEALTH',
  'SEXUAL_VIOLENCE',
  'LEGAL',
  'NARRATIVE',
  'OPERATIONAL',
] as const;

export type DataCategory = (typeof DATA_CATEGORIES)[number];

/**
 * Purposes a survivor consents to separately; each can be withdrawn at any time. RETURN covers planning a
 * return home; STAY_PATHWAY covers the alternative: applying for a permit, asylum or refugee status, or
 * resettlement, which shares what the person says with other bodies for the opposite end.
 */
export const CONSENT_PURPOSES = [
  'SERVICES_REFERRAL',
  'CROSS_BORDER_HANDOFF',
  'CONSULAR_CONTACT',
  'FAMILY_CONTACT',
  'LAW_ENFORCEMENT_SHARING',
  'RETURN',
  'ANONYMISED_STATISTICS',
  'STAY_PATHWAY',
] as const;

export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
