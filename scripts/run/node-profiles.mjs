/**
 * The nodes a developer machine can run. A node is one deployment (gateway, identity, referrals) for
 * one or more countries, with its own databases (`passage_<node>_<service>`) and ports. By default one
 * node, `local`, hosts every country of the catalogue.
 */

/** @typedef {{ id: string, hostedCountries: 'ALL' | string[], ports: { gateway: number, identity: number, referrals: number } }} NodeProfile */

/** @type {Record<string, NodeProfile>} */
export const NODE_PROFILES = {
  local: { id: 'local', hostedCountries: 'ALL', ports: { gateway: 4000, identity: 4001, referrals: 4002 } },
};

/**
 * @param {string} id
 * @returns {NodeProfile}
 */
export function nodeProfile(id) {
  const profile = NODE_PROFILES[id];
  if (!profile) throw new Error(`unknown node "${id}"; known nodes: ${Object.keys(NODE_PROFILES).join(', ')}`);
  return profile;
}
