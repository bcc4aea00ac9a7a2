import { eventually } from '@passage/shared/testing';
import { graphql } from './graphql-client.js';
import { as, type Session } from './personas.js';

export interface DirectoryOrganisation {
  id: string;
  name: string;
  kind: string;
  country: string;
  hostedOnThisNode: boolean;
}

/**
 * The organisation of `country` whose name contains `name`, as `session` finds it in its node's
 * directory. Entries arrive asynchronously (from identity, and from other nodes through the exchange), so
 * a node that has just started is given time to learn them.
 */
export function findInDirectory(
  gatewayUrl: string,
  session: Session,
  country: string,
  name: string,
): Promise<DirectoryOrganisation> {
  return eventually(
    async () => {
      const response = await graphql<{ organisationDirectory: DirectoryOrganisation[] }>(
        gatewayUrl,
        `
          query D($country: String, $search: String) {
            organisationDirectory(country: $country, search: $search) {
              id
              name
              kind
              country
              hostedOnThisNode
            }
          }
        `,
        { ...as(session), variables: { country, search: name } },
      );
      const [found] = response.data?.organisationDirectory ?? [];
      if (!found) throw new Error(`${name} (${country}) is not in the directory yet`);
      return found;
    },
    { timeoutMs: 60_000, intervalMs: 250 },
  );
}
