import type { OrganisationKind } from '@passage/schemas';

/**
 * Kinds of organisation that can meet a person on arrival and carry the case on at home. An embassy is
 * not one of them: it represents its country abroad and receives no one at home.
 */
export const RECEIVING_KINDS = [
  'NRM_COORDINATOR',
  'NGO',
  'SHELTER',
  'SERVICE_PROVIDER',
  'INTERNATIONAL_ORGANISATION',
] as const satisfies readonly OrganisationKind[];

/** Why a plan's return country has no one on the platform to receive the person. */
export const RECEPTION_GAPS = ['NO_RECEIVING_ORGANISATION_IN_RETURN_COUNTRY'] as const;
export type ReceptionGap = (typeof RECEPTION_GAPS)[number];

/** What a plan says about reception in the country of return. */
export interface ReceptionCoverage {
  gap: ReceptionGap | null;
  /** Who receives instead, off the platform, and how: required whenever there is a gap. */
  arrangement: string | null;
}

/**
 * The coverage a new plan records: a return country with a receiving organisation on the platform has no
 * gap; one without has the gap named, and the plan must say who receives the person instead (a partner
 * off the platform, family, the consulate) — otherwise arrival would be confirmed by someone who was not
 * there, and the follow-ups would have no one to do them.
 *
 * @returns the coverage, or `null` when an arrangement is required and missing.
 */
export function receptionCoverage(
  receivingOrganisationsInReturnCountry: number,
  arrangement: string | null,
): ReceptionCoverage | null {
  if (receivingOrganisationsInReturnCountry > 0) return { gap: null, arrangement };
  if (!arrangement) return null;
  return { gap: 'NO_RECEIVING_ORGANISATION_IN_RETURN_COUNTRY', arrangement };
}
