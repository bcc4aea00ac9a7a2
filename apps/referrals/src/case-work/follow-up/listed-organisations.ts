import type { EntityManager } from 'typeorm';
import type { OrganisationKind } from '@passage/schemas';
import type { ListedOrganisation } from './assignee-eligibility.js';

/**
 * One organisation of the regional directory, or null. The directory belongs to cross-border work,
 * which builds on case work, so case work reads the few columns it needs from the table itself (as it
 * reads the referral table for a case's team) rather than importing the other context.
 */
export async function listedOrganisation(
  manager: EntityManager,
  organisationId: string,
): Promise<ListedOrganisation | null> {
  const [row] = (await manager.query(
    `SELECT organisation_id, name, kind, country, stationed_in, active
       FROM organisation_directory WHERE organisation_id = $1`,
    [organisationId],
  )) as {
    organisation_id: string;
    name: string;
    kind: OrganisationKind;
    country: string | null;
    stationed_in: string | null;
    active: boolean;
  }[];
  return row
    ? {
        organisationId: row.organisation_id,
        name: row.name,
        kind: row.kind,
        country: row.country,
        stationedIn: row.stationed_in,
        active: row.active,
      }
    : null;
}
