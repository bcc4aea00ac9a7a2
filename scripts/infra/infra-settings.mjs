import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InfraError } from './infra-error.mjs';

/** Absolute path of the repository root (this file lives in `<repo>/scripts/infra/`). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The local broker only ever listens on loopback: it has no authentication and must not be reachable. */
export const LOCAL_KAFKA_HOST = '127.0.0.1';

const DEFAULT_KAFKA_PORT = 9092;
const DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
const NODE_ID_PATTERN = /^[a-z][a-z0-9_]*$/;
const BROKER_PATTERN = /^[^\s:,]+:\d{1,5}$/;

/**
 * @typedef {object} LocalKafkaPaths
 * @property {string} root        `<PASSAGE_LOCAL_DIR>/kafka`
 * @property {string} libs        jars copied by Maven
 * @property {string} libsMarker  written last by a complete download
 * @property {string} configDir
 * @property {string} serverProperties rendered broker configuration
 * @property {string} data        the broker's log.dirs
 * @property {string} logs
 * @property {string} brokerOut   the broker's stdout and stderr
 * @property {string} serverLog   the broker's log4j file
 * @property {string} pidFile
 * @property {string} lockFile    held while a broker is being started or stopped
 */

/**
 * @typedef {object} KafkaSettings
 * @property {boolean} external  true when KAFKA_BROKERS points at a cluster this project must not manage
 * @property {string[]} brokers
 * @property {number} port
 * @property {number} controllerPort
 * @property {LocalKafkaPaths} paths
 * @property {{ pom: string, serverProperties: string, log4j: string }} templates files under deploy/local/kafka
 */

/**
 * @typedef {object} InfraSettings
 * @property {string} repoRoot
 * @property {{ adminUrl: string, fromEnvUrl: boolean }} postgres
 * @property {KafkaSettings} kafka
 * @property {NodeJS.ProcessEnv} env the environment the settings were read from
 */

/**
 * Reads every setting of the local infrastructure from the environment, validating as it goes so a
 * typo fails here with the variable's name rather than later as a confusing connection error.
 *
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {InfraSettings}
 */
export function resolveInfraSettings(env = process.env) {
  const localRoot = env.PASSAGE_LOCAL_DIR ? resolve(env.PASSAGE_LOCAL_DIR) : join(REPO_ROOT, '.local');
  const kafkaRoot = join(localRoot, 'kafka');
  const port = readPort(env, 'KAFKA_PORT', DEFAULT_KAFKA_PORT);
  const controllerPort = readPort(env, 'KAFKA_CONTROLLER_PORT', DEFAULT_KAFKA_CONTROLLER_PORT);
  if (port === controllerPort) {
    throw new InfraError(
      'INVALID_SETTING',
      `KAFKA_PORT and KAFKA_CONTROLLER_PORT are both ${port}; the broker needs two different ports.`,
    );
  }
  const templatesDir = join(REPO_ROOT, 'deploy', 'local', 'kafka');
  const logs = join(kafkaRoot, 'logs');
  return {
    repoRoot: REPO_ROOT,
    postgres: { adminUrl: postgresAdminUrl(env), fromEnvUrl: Boolean(env.DATABASE_ADMIN_URL) },
    kafka: {
      external: Boolean(env.KAFKA_BROKERS?.trim()),
      brokers: kafkaBrokers(env),
      port,
      controllerPort,
      paths: {
        root: kafkaRoot,
        libs: join(kafkaRoot, 'libs'),
        libsMarker: join(kafkaRoot, 'libs', '.download-complete'),
        configDir: join(kafkaRoot, 'config'),
        serverProperties: join(kafkaRoot, 'config', 'server.properties'),
        data: join(kafkaRoot, 'data'),
        logs,
        brokerOut: join(logs, 'broker.out'),
        serverLog: join(logs, 'server.log'),
        pidFile: join(kafkaRoot, 'broker.pid'),
        lockFile: join(kafkaRoot, 'infra.lock'),
      },
      templates: {
        pom: join(templatesDir, 'pom.xml'),
        serverProperties: join(templatesDir, 'server.properties'),
        log4j: join(templatesDir, 'log4j.properties'),
      },
    },
    env,
  };
}

/**
 * The Kafka bootstrap servers the project should use: `KAFKA_BROKERS` (comma-separated host:port) when
 * set, otherwise the local broker on `127.0.0.1:<KAFKA_PORT>`.
 *
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string[]}
 */
export function kafkaBrokers(env = process.env) {
  const configured = env.KAFKA_BROKERS?.trim();
  if (!configured) {
    return [`${LOCAL_KAFKA_HOST}:${readPort(env, 'KAFKA_PORT', DEFAULT_KAFKA_PORT)}`];
  }
  const brokers = configured
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
  const invalid = brokers.filter((broker) => !BROKER_PATTERN.test(broker));
  if (brokers.length === 0 || invalid.length > 0) {
    throw new InfraError(
      'INVALID_SETTING',
      `KAFKA_BROKERS must be a comma-separated list of host:port, got "${configured}".`,
    );
  }
  return brokers;
}

/**
 * A full `postgres://` URL for the admin database: `DATABASE_ADMIN_URL` when set, otherwise built from
 * PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres) and PGPASSWORD, on the `postgres` database.
 *
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string}
 */
export function postgresAdminUrl(env = process.env) {
  if (env.DATABASE_ADMIN_URL) {
    return env.DATABASE_ADMIN_URL;
  }
  const host = env.PGHOST || '127.0.0.1';
  const port = readPort(env, 'PGPORT', 5432);
  const user = env.PGUSER || 'postgres';
  const credentials = env.PGPASSWORD
    ? `${encodeURIComponent(user)}:${encodeURIComponent(env.PGPASSWORD)}`
    : encodeURIComponent(user);
  // A Unix socket directory goes in the host part percent-encoded, which pg decodes back.
  const hostPart = host.startsWith('/') ? encodeURIComponent(host) : host.includes(':') ? `[${host}]` : host;
  return `postgres://${credentials}@${hostPart}:${port}/postgres`;
}

/**
 * The URL with its password replaced, for printing.
 *
 * @param {string} url
 * @returns {string}
 */
export function maskUrlPassword(url) {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}

/**
 * The node ids whose databases to manage: the explicit ones (from `--node` flags) when given, else
 * `PASSAGE_NODES` (comma-separated), else `local`.
 *
 * @param {readonly string[]} explicit
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string[]}
 */
export function resolveNodeIds(explicit, env = process.env) {
  const fromEnv = (env.PASSAGE_NODES ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const ids = explicit.length > 0 ? [...explicit] : fromEnv.length > 0 ? fromEnv : ['local'];
  for (const id of ids) {
    if (!NODE_ID_PATTERN.test(id)) {
      throw new InfraError(
        'INVALID_NODE_ID',
        `Invalid node id "${id}": use lower-case letters, digits and underscores, starting with a letter.`,
      );
    }
  }
  return [...new Set(ids)];
}

/**
 * @param {NodeJS.ProcessEnv} env
 * @param {string} name
 * @param {number} fallback
 * @returns {number}
 */
function readPort(env, name, fallback) {
  const raw = env[name]?.trim();
  if (!raw) {
    return fallback;
  }
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new InfraError('INVALID_SETTING', `${name} must be a TCP port number (1-65535), got "${raw}".`);
  }
  return port;
}
