import type { OrganisationKind, Role } from '@passage/schemas';

/**
 * Which roles make sense in which kind of organisation. The access policy decides by organisation kind
 * first, so a mismatched role could not open a door by itself; refusing it keeps accounts truthful
 * (an immigration officer is a verifier, never a caseworker).
 */
const ROLES_BY_KIND: Record<OrganisationKind, readonly Role[]> = {
  EMBASSY: ['CONSULAR_OFFICER', 'SUPERVISOR', 'ORGANISATION_ADMIN'],
  NRM_COORDINATOR: ['FOCAL_POINT', 'CASEWORKER', 'SUPERVISOR', 'ORGANISATION_ADMIN'],
  LAW_ENFORCEMENT: ['INVESTIGATOR', 'SUPERVISOR', 'ORGANISATION_ADMIN'],
  NGO: ['CASEWORKER', 'SUPERVISOR', 'ORGANISATION_ADMIN'],
  SHELTER: ['CASEWORKER', 'SUPERVISOR', 'ORGANISATION_ADMIN'],
  SERVICE_PROVIDER: ['CASEWORKER', 'SUPERVISOR', 'ORGANISATION_ADMIN'],
  INTERNATIONAL_ORGANISATION: ['CASEWORKER', 'SUPERVISOR', 'ORGANISATION_ADMIN'],
  IMMIGRATION: ['VERIFIER', 'ORGANISATION_ADMIN'],
  OVERSIGHT: ['DATA_PROTECTION_OFFICER', 'ORGANISATION_ADMIN'],
  PLATFORM_OPERATOR: ['PLATFORM_ADMIN'],
};

/** The roles among `roles` that an organisation of `kind` cannot hold. */
export function rolesNotAllowedFor(kind: OrganisationKind, roles: readonly Role[]): Role[] {
  return roles.filter((role) => !ROLES_BY_KIND[kind].includes(role));
}
