import type { Role } from '@passage/schemas';

/**
 * Roles that reach survivors' data or decide about it (ADR 024). An administrator alone cannot give them:
 * a second administrator of the same organisation approves, and whoever holds one signs in with a second
 * factor.
 */
export const CASE_ROLES: readonly Role[] = [
  'CASEWORKER',
  'SUPERVISOR',
  'FOCAL_POINT',
  'CONSULAR_OFFICER',
  'INVESTIGATOR',
  'VERIFIER',
];

/**
 * Roles that take effect only once a second party approves them: the case roles, and the administrator
 * role itself, because a second administrator is the second party (one administrator making another out
 * of an address they control would otherwise be the whole check).
 */
const ROLES_NEEDING_A_SECOND_PARTY: ReadonlySet<Role> = new Set([...CASE_ROLES, 'ORGANISATION_ADMIN']);

/** Roles whose holders must sign in with a second factor: the case roles and the administrator role. */
const ROLES_NEEDING_A_SECOND_FACTOR: ReadonlySet<Role> = new Set([...CASE_ROLES, 'ORGANISATION_ADMIN']);

export function needsSecondParty(role: Role): boolean {
  return ROLES_NEEDING_A_SECOND_PARTY.has(role);
}

export function isCaseRole(role: Role): boolean {
  return CASE_ROLES.includes(role);
}

/** Whether holding `roles` (or being about to) requires a second factor at sign-in. */
export function requiresSecondFactor(roles: readonly Role[]): boolean {
  return roles.some((role) => ROLES_NEEDING_A_SECOND_FACTOR.has(role));
}

/**
 * Splits a requested change of roles: removals and roles without duties take effect at once; the roles
 * added that need a second party wait for one.
 */
export function splitRoleChange(
  current: readonly Role[],
  requested: readonly Role[],
): { effectiveNow: Role[]; awaitingApproval: Role[] } {
  const wanted = [...new Set(requested)];
  const added = wanted.filter((role) => !current.includes(role));
  const awaitingApproval = added.filter(needsSecondParty);
  const effectiveNow = wanted.filter((role) => !awaitingApproval.includes(role));
  return { effectiveNow, awaitingApproval };
}
