/**
 * The nodes a developer machine can run. A node is one deployment (gateway, identity, referrals) for
 * one or more countries, with its own databases (`passage_<node>_<service>`) and ports. By default one
 * node, `local`, hosts every country of the region (`REGION` in libs/schemas).
 */

/**
 * @typedef {object} NodeProfile
 * @property {string} id NODE_ID, also part of the database names
 * @property {'ALL' | string[] | { allExcept: string[] }} hostedCountries every country, a list, or every
 *   country but those another node hosts
 * @property {{ gateway: number, identity: number, referrals: number }} ports
 * @property {string} exchangeNamespace mailbox topic prefix; nodes exchange only within one namespace
 */

/** Cambodia, Thailand, Lao PDR and Myanmar: node A of the two-node arrangement. */
const MEKONG_NODE_COUNTRIES = ['KH', 'TH', 'LA', 'MM'];

/** @type {Record<string, NodeProfile>} */
export const NODE_PROFILES = {
  local: {
    id: 'local',
    hostedCountries: 'ALL',
    ports: { gateway: 4000, identity: 4001, referrals: 4002 },
    exchangeNamespace: 'trm',
  },
  // Two nodes on one machine, as the regional mechanism runs: A for the Mekong destination countries,
  // B for Indonesia, the Philippines, Viet Nam and every other country. They share only Kafka.
  a: {
    id: 'a',
    hostedCountries: MEKONG_NODE_COUNTRIES,
    ports: { gateway: 4300, identity: 4301, referrals: 4302 },
    exchangeNamespace: 'trm',
  },
  b: {
    id: 'b',
    hostedCountries: { allExcept: MEKONG_NODE_COUNTRIES },
    ports: { gateway: 4310, identity: 4311, referrals: 4312 },
    exchangeNamespace: 'trm',
  },
  // The same pair for the end-to-end tests, in a namespace of their own.
  e2ea: {
    id: 'e2ea',
    hostedCountries: MEKONG_NODE_COUNTRIES,
    ports: { gateway: 4400, identity: 4401, referrals: 4402 },
    exchangeNamespace: 'e2e2',
  },
  e2eb: {
    id: 'e2eb',
    hostedCountries: { allExcept: MEKONG_NODE_COUNTRIES },
    ports: { gateway: 4410, identity: 4411, referrals: 4412 },
    exchangeNamespace: 'e2e2',
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
