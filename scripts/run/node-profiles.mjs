/**
 * The nodes a developer machine can run. A node is one deployment (gateway, identity, referrals) for
 * one or more countries, with its own databases (`passage_<node>_<service>`) and ports. By default one
 * node, `local`, hosts every country of the catalogue.
 */

/**
 * @typedef {object} NodeProfile
 * @property {string} id NODE_ID, also part of the database names
 * @property {'ALL' | string[]} hostedCountries
 * @property {{ gateway: number, identity: number, referrals: number }} ports
 * @property {string} exchangeNamespace mailbox topic prefix; nodes exchange only within one namespace
 */

/** @type {Record<string, NodeProfile>} */
export const NODE_PROFILES = {
  local: {
    id: 'local',
    hostedCountries: 'ALL',
    ports: { gateway: 4000, identity: 4001, referrals: 4002 },
    exchangeNamespace: 'trm',
  },
  // The end-to-end tests' node: its own ports, databases and exchange namespace, so the tests can run
  // while a developer's `npm start` node is up without either seeing the other's traffic.
  e2e: {
    id: 'e2e',
    hostedCountries: 'ALL',
    ports: { gateway: 4100, identity: 4101, referrals: 4102 },
    exchangeNamespace: 'e2e',
  },
};

/**
 * @param {string} id
 * @returns {NodeProfile}
 */
export function nodeProfile(id) {
  const profile = NODE_PROFILES[id];
  if (!profile)
    throw new Error(`unknown node "${id}"; known nodes: ${Object.keys(NODE_PROFILES).join(', ')}`);
  return profile;
}
