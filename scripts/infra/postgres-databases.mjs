import { InfraError } from './infra-error.mjs';
import { connectAdmin } from './postgres-server.mjs';

/** The services that own a database on every node. */
export const NODE_SERVICES = Object.freeze(['identity', 'referrals']);

/**
 * Database names are interpolated into `CREATE DATABASE`, which cannot take bind parameters, so they
 * are held to a pattern that needs no quoting and fits Postgres' 63-byte identifier limit.
 */
const DATABASE_NAME_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

/** Postgres' duplicate_database, and the unique violation two concurrent CREATE DATABASE can raise. */
const ALREADY_EXISTS_CODES = new Set(['42P04', '23505']);

/**
 * The database names of the given nodes: `passage_<node>_<service>` for every service.
 *
 * @param {readonly string[]} nodeIds
 * @returns {string[]}
 * @throws {InfraError} `INVALID_DATABASE_NAME` when a name would not be a plain identifier
 */
export function databaseNamesForNodes(nodeIds) {
  return nodeIds.flatMap((nodeId) =>
    NODE_SERVICES.map((service) => assertDatabaseName(`passage_${nodeId}_${service}`)),
  );
}

/**
 * @param {string} name
 * @returns {string} the same name, once proven safe to interpolate
 * @throws {InfraError} `INVALID_DATABASE_NAME`
 */
export function assertDatabaseName(name) {
  if (!DATABASE_NAME_PATTERN.test(name)) {
    throw new InfraError(
      'INVALID_DATABASE_NAME',
      `"${name}" is not a valid database name: it must match ${DATABASE_NAME_PATTERN} ` +
        `(shorten the node id or use only lower-case letters, digits and underscores).`,
    );
  }
  return name;
}

/**
 * Creates the missing `passage_<node>_<service>` databases of the given nodes. Safe to run
 * concurrently with itself: a database created by someone else in the meantime counts as existing.
 *
 * @param {{ adminUrl: string, nodeIds: readonly string[] }} options
 * @returns {Promise<{ created: string[], existing: string[] }>}
 */
export async function ensureDatabases({ adminUrl, nodeIds }) {
  const wanted = databaseNamesForNodes(nodeIds);
  const client = await connectAdmin(adminUrl);
  try {
    const found = await client.query('SELECT datname FROM pg_database WHERE datname = ANY($1::text[])', [
      wanted,
    ]);
    const existing = new Set(found.rows.map((row) => String(row.datname)));
    /** @type {string[]} */
    const created = [];
    for (const name of wanted.filter((candidate) => !existing.has(candidate))) {
      try {
        await client.query(`CREATE DATABASE "${assertDatabaseName(name)}"`);
        created.push(name);
      } catch (error) {
        if (!ALREADY_EXISTS_CODES.has(/** @type {{ code?: string }} */ (error).code ?? '')) {
          throw new InfraError(
            'DATABASE_CREATE_FAILED',
            `Could not create database ${name}: ${/** @type {Error} */ (error).message}. ` +
              `The admin user needs the CREATEDB privilege (set DATABASE_ADMIN_URL or PGUSER).`,
            { cause: error },
          );
        }
        existing.add(name);
      }
    }
    return { created, existing: wanted.filter((name) => !created.includes(name)) };
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Every database whose name starts with `passage_`, sorted.
 *
 * @param {{ adminUrl: string }} options
 * @returns {Promise<string[]>}
 */
export async function listPassageDatabases({ adminUrl }) {
  const client = await connectAdmin(adminUrl);
  try {
    const result = await client.query(
      "SELECT datname FROM pg_database WHERE datname LIKE 'passage\\_%' ORDER BY datname",
    );
    return result.rows.map((row) => String(row.datname));
  } finally {
    await client.end().catch(() => {});
  }
}
