import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { outputTail, runCommand } from './command-runner.mjs';
import { InfraError } from './infra-error.mjs';
import { maskUrlPassword } from './infra-settings.mjs';

const CONNECT_TIMEOUT_MS = 5000;
const START_WAIT_MS = 20000;
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);
const CLUSTERS_DIR = '/etc/postgresql';
const SERVER_ANSWERED = /^[0-9A-Z]{5}$/;

/**
 * @typedef {object} PostgresServerInfo
 * @property {string} adminUrl the URL that answered (with its password, for clients)
 * @property {string} display  host:port (or socket) for messages
 * @property {string} version  `server_version` as reported by the server
 */

/**
 * Opens a connection to the admin database. The caller must `end()` it.
 *
 * @param {string} adminUrl
 * @returns {Promise<pg.Client>}
 */
export async function connectAdmin(adminUrl) {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // A dropped connection must not crash a CLI as an unhandled 'error' event; the next query fails instead.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  return client;
}

/**
 * Makes sure the Postgres server answers on the admin database. When it does not and this machine has
 * a local Debian-style cluster (`/etc/postgresql/<version>/main`), tries once to start it with
 * `pg_ctlcluster`; otherwise, or if that does not help, fails with what to start or which variables to set.
 *
 * @param {{ adminUrl: string, log?: (line: string) => void }} options
 * @returns {Promise<PostgresServerInfo>}
 * @throws {InfraError} `POSTGRES_REJECTED` (it answered but refused us) or `POSTGRES_UNREACHABLE`
 */
export async function ensurePostgresServer({ adminUrl, log = () => {} }) {
  const target = describeTarget(adminUrl);
  const first = await tryServer(adminUrl);
  if (first.ok) {
    return { adminUrl, display: target.display, version: first.version };
  }
  if (SERVER_ANSWERED.test(first.error.code ?? '')) {
    throw rejected(adminUrl, target.display, first.error);
  }
  const cluster = target.local ? findLocalCluster() : null;
  if (!cluster) {
    throw unreachable(adminUrl, target.display, first.error, null);
  }
  log(
    `postgres: not answering at ${target.display}; starting local cluster ${cluster} main with pg_ctlcluster`,
  );
  const start = await runCommand('pg_ctlcluster', ['--skip-systemctl-redirect', cluster, 'main', 'start'], {
    timeoutMs: 60000,
  });
  // A failed start (already running on another port, no permission...) will not start answering later.
  const deadline = start.exitCode === 0 ? Date.now() + START_WAIT_MS : 0;
  /** @type {Awaited<ReturnType<typeof tryServer>>} */
  let last = first;
  while (Date.now() < deadline) {
    last = await tryServer(adminUrl);
    if (last.ok) {
      return { adminUrl, display: target.display, version: last.version };
    }
    if (SERVER_ANSWERED.test(last.error.code ?? '')) {
      throw rejected(adminUrl, target.display, last.error);
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  const startOutput = start.spawnError ? start.spawnError.message : outputTail(start, 10);
  throw unreachable(adminUrl, target.display, last.error, { cluster, startOutput });
}

/**
 * One connection attempt, without trying to start anything: for status reports.
 *
 * @param {string} adminUrl
 * @returns {Promise<{ ok: true, display: string, version: string } | { ok: false, display: string, reason: string }>}
 */
export async function probePostgres(adminUrl) {
  const { display } = describeTarget(adminUrl);
  const result = await tryServer(adminUrl);
  if (result.ok) {
    return { ok: true, display, version: result.version };
  }
  const { code, message } = result.error;
  return { ok: false, display, reason: code ? `${code}: ${message}` : message };
}

/**
 * @param {string} adminUrl
 * @returns {Promise<{ ok: true, version: string } | { ok: false, error: Error & { code?: string } }>}
 */
async function tryServer(adminUrl) {
  let client;
  try {
    client = await connectAdmin(adminUrl);
    const result = await client.query('SHOW server_version');
    return { ok: true, version: String(result.rows[0].server_version) };
  } catch (error) {
    return { ok: false, error: /** @type {Error & { code?: string }} */ (error) };
  } finally {
    await client?.end().catch(() => {});
  }
}

/**
 * @param {string} adminUrl
 * @returns {{ display: string, local: boolean }}
 */
function describeTarget(adminUrl) {
  // pg's own parser decides host and port, so the message names exactly what the client tried.
  const probe = new pg.Client({ connectionString: adminUrl });
  const host = probe.host || '127.0.0.1';
  return { display: `${host}:${probe.port}`, local: host.startsWith('/') || LOCAL_HOSTS.has(host) };
}

/**
 * The newest cluster version under /etc/postgresql that has a `main` cluster, or null.
 *
 * @returns {string | null}
 */
function findLocalCluster() {
  if (!existsSync(CLUSTERS_DIR)) {
    return null;
  }
  const versions = readdirSync(CLUSTERS_DIR)
    .filter((version) => existsSync(join(CLUSTERS_DIR, version, 'main')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ?? null;
}

/**
 * @param {string} adminUrl
 * @param {string} display
 * @param {Error} error
 */
function rejected(adminUrl, display, error) {
  return new InfraError(
    'POSTGRES_REJECTED',
    `Postgres at ${display} answered but refused the admin connection (${maskUrlPassword(adminUrl)}): ` +
      `${error.message}. Fix the credentials with DATABASE_ADMIN_URL, or PGUSER/PGPASSWORD ` +
      `(the user needs the CREATEDB privilege).`,
    { cause: error },
  );
}

/**
 * @param {string} adminUrl
 * @param {string} display
 * @param {Error & { code?: string }} error
 * @param {{ cluster: string, startOutput: string } | null} attempt
 */
function unreachable(adminUrl, display, error, attempt) {
  const reason = error.code ? `${error.code}: ${error.message}` : error.message;
  const tried = attempt
    ? ` Starting the local cluster with "pg_ctlcluster --skip-systemctl-redirect ${attempt.cluster} main start" ` +
      `did not help${attempt.startOutput ? `:\n${attempt.startOutput}\n` : '.'}`
    : '';
  return new InfraError(
    'POSTGRES_UNREACHABLE',
    `Postgres does not answer at ${display} (${reason}).${tried} ` +
      `Start a PostgreSQL server there (Debian: "pg_ctlcluster --skip-systemctl-redirect <version> main start" ` +
      `or "sudo systemctl start postgresql"), or point the project at a running one with DATABASE_ADMIN_URL ` +
      `(e.g. postgres://user:password@host:5432/postgres) or PGHOST/PGPORT/PGUSER/PGPASSWORD. ` +
      `Tried: ${maskUrlPassword(adminUrl)}.`,
    { cause: error },
  );
}
