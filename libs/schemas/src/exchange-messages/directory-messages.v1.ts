import { z } from 'zod';
import { ORGANISATION_KINDS } from '../access/organisation-kinds.js';
import { isKnownCountry } from '../reference/countries.js';

const country = z.string().refine(isKnownCountry, 'must be a country of the catalogue');

/**
 * One organisation's entry in the regional directory, sent by the node that hosts its country to every
 * other country of the mechanism, so that a focal point can hand a case to "the Indonesian focal point"
 * by name. Organisations only: no person, account or address is ever in it.
 */
export const organisationListedMessageV1 = {
  type: 'directory.organisation-listed',
  version: 1,
  schema: z.object({
    organisationId: z.uuid(),
    name: z.string().min(1).max(200),
    kind: z.enum(ORGANISATION_KINDS),
    country,
    stationedIn: country.nullable(),
    active: z.boolean(),
    listedAt: z.iso.datetime({ offset: true }),
  }),
} as const;

export type OrganisationListedMessage = z.infer<typeof organisationListedMessageV1.schema>;
