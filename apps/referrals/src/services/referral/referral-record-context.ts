import type { ResourceContext } from '@passage/shared';
import type { ReferralRow } from './referral.repository.js';

/**
 * The policy's view of a referral record (not of the case): the sender owns it and the provider is its
 * addressee, so the sender reads it through `case.read` as owner, the provider through
 * `referral.respond` as addressee (operational facts only), and the focal point of the country as
 * coordinator. The shared categories are never read here; they are read through the case, whose team the
 * accepted referral joins.
 */
export function referralRecordContext(
  row: Pick<ReferralRow, 'from_organisation_id' | 'to_organisation_id' | 'jurisdiction_country'>,
): ResourceContext {
  return {
    ownerOrganisationId: row.from_organisation_id,
    ownerCountry: row.jurisdiction_country,
    jurisdictionCountry: row.jurisdiction_country,
    team: [],
    consents: [],
    addressedToOrganisationId: row.to_organisation_id,
  };
}
