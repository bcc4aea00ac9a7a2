/**
 * Kinds of organisation that take part in the mechanism. The kind, not the individual, decides what an
 * organisation may ever see: an immigration authority can verify an attestation and nothing else.
 */
export const ORGANISATION_KINDS = [
  'EMBASSY',
  'NRM_COORDINATOR',
  'LAW_ENFORCEMENT',
  'NGO',
  'SHELTER',
  'SERVICE_PROVIDER',
  'INTERNATIONAL_ORGANISATION',
  'IMMIGRATION',
  'OVERSIGHT',
  'PLATFORM_OPERATOR',
] as const;

export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Roles a user holds inside their organisation. */
export const ROLES = [
  'CASEWORKER',
  'SUPERVISOR',
  'FOCAL_POINT',
  'CONSULAR_OFFICER',
  'INVESTIGATOR',
  'ORGANISATION_ADMIN',
  'DATA_PROTECTION_OFFICER',
  'VERIFIER',
  'PLATFORM_ADMIN',
] as const;

export type Role = (typeof ROLES)[number];
