import type { Role } from '@passage/schemas';
import { CASE_ROLES, FRONTLINE_KINDS, type AuthenticatedActor, type DenyReason } from '@passage/shared';

/** Who in a provider may keep its listings current: the staff who take referrals, and its administrator. */
const LISTING_ROLES: readonly Role[] = [...CASE_ROLES, 'ORGANISATION_ADMIN'];

const PROVIDER_KINDS: ReadonlySet<string> = new Set(FRONTLINE_KINDS);

/**
 * Whether `actor` may list or change a service of `organisationId` given in `country`, or why not. The
 * access policy has no action for the directory (it holds no survivor data), so this is its one rule:
 * only a frontline organisation's own staff, for its own services, in the country it works in (an
 * embassy: where it is stationed). Immigration is refused before anything else, like everywhere.
 */
export function listingRefusal(
  actor: AuthenticatedActor,
  organisationId: string,
  country: string,
): DenyReason | null {
  if (actor.organisationKind === 'IMMIGRATION') return 'FIREWALL_IMMIGRATION';
  if (actor.organisationKind === 'PLATFORM_OPERATOR') return 'NOT_PLATFORM_DATA';
  if (!PROVIDER_KINDS.has(actor.organisationKind)) return 'KIND_NOT_PERMITTED';
  if (!actor.roles.some((role) => LISTING_ROLES.includes(role))) return 'ROLE_REQUIRED';
  if (organisationId !== actor.organisationId) return 'OUT_OF_ORGANISATION';
  if (country !== workingCountry(actor)) return 'OUT_OF_ORGANISATION';
  return null;
}

/** Where the actor's organisation works: an embassy's host country, anyone else's own. */
export function workingCountry(actor: AuthenticatedActor): string | null {
  return actor.organisationKind === 'EMBASSY' ? actor.stationedIn : actor.country;
}
