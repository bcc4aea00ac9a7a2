#!/usr/bin/env node
/**
 * Local infrastructure for development and tests: the machine's Postgres (databases per node and
 * service) and a single-node Apache Kafka broker run on the JVM. See deploy/local/README.md.
 *
 *   node scripts/infra.mjs up|down|status|kafka:start|kafka:stop|postgres:ensure [--node <id>]...
 */
import { parseArgs } from 'node:util';
import {
  InfraError,
  databaseNamesForNodes,
  ensureDatabases,
  ensureKafka,
  ensurePostgresServer,
  kafkaStatus,
  listPassageDatabases,
  maskUrlPassword,
  probePostgres,
  resolveInfraSettings,
  resolveNodeIds,
  startLocalBroker,
  stopLocalBroker,
} from './infra/index.mjs';

const USAGE = `Usage: node scripts/infra.mjs <command> [--node <id>]...

Commands:
  up               Postgres and the node databases, then Kafka (idempotent)
  down             stop the local Kafka broker (Postgres is the machine's server and is left alone)
  status           report Postgres, the passage_* databases and Kafka; exit 1 unless all are up
  kafka:start      start only the local Kafka broker, reusing its data
  kafka:stop       stop only the local Kafka broker
  postgres:ensure  only Postgres and the node databases

Options:
  --node <id>      node whose databases to manage (repeatable); default PASSAGE_NODES, else "local"

Environment: DATABASE_ADMIN_URL or PGHOST/PGPORT/PGUSER/PGPASSWORD, PASSAGE_NODES, KAFKA_BROKERS,
KAFKA_PORT, KAFKA_CONTROLLER_PORT, PASSAGE_LOCAL_DIR, JAVA_HOME.`;

/** @param {string} line */
const log = (line) => console.log(`[infra] ${line}`);

/**
 * @typedef {{ settings: ReturnType<typeof resolveInfraSettings>, nodeIds: string[] }} Context
 * @type {Record<string, (context: Context) => Promise<number>>}
 */
const COMMANDS = {
  async up({ settings, nodeIds }) {
    const databases = await preparePostgres(settings, nodeIds);
    const kafka = await ensureKafka({ settings, log });
    log(describeKafka(kafka));
    log('infrastructure is up; connection settings:');
    console.log(`  DATABASE_ADMIN_URL=${maskUrlPassword(settings.postgres.adminUrl)}`);
    console.log(`  PASSAGE_NODES=${nodeIds.join(',')}   (databases: ${databases.join(', ')})`);
    console.log(`  KAFKA_BROKERS=${kafka.brokers.join(',')}`);
    return 0;
  },

  async down({ settings }) {
    if (settings.kafka.external) {
      log(`KAFKA_BROKERS is set (${settings.kafka.brokers.join(',')}): there is no local broker to stop`);
      return 0;
    }
    const result = await stopLocalBroker({ settings, log });
    log(describeStop(result, settings));
    log('postgres: left running (it is the machine’s server, not started by these scripts)');
    return 0;
  },

  async status({ settings, nodeIds }) {
    let healthy = true;
    const postgres = await probePostgres(settings.postgres.adminUrl);
    if (postgres.ok) {
      log(`postgres: up at ${postgres.display} (PostgreSQL ${postgres.version})`);
      const present = await listPassageDatabases({ adminUrl: settings.postgres.adminUrl });
      const missing = databaseNamesForNodes(nodeIds).filter((name) => !present.includes(name));
      log(`databases: ${present.length > 0 ? present.join(', ') : '(no passage_* databases)'}`);
      if (missing.length > 0) {
        healthy = false;
        log(
          `databases: missing for nodes ${nodeIds.join(',')}: ${missing.join(', ')} (run "npm run infra:up")`,
        );
      }
    } else {
      healthy = false;
      log(`postgres: DOWN at ${postgres.display} (${postgres.reason})`);
    }
    const kafka = await kafkaStatus({ settings });
    log(`kafka: ${kafka.up ? 'up' : 'DOWN'}, ${kafka.detail}`);
    healthy &&= kafka.up;
    log(healthy ? 'all up' : 'not everything is up; "npm run infra:up" starts what is missing');
    return healthy ? 0 : 1;
  },

  async 'kafka:start'({ settings }) {
    const kafka = await startLocalBroker({ settings, log });
    log(describeKafka({ mode: 'local', ...kafka }));
    return 0;
  },

  async 'kafka:stop'({ settings }) {
    const result = await stopLocalBroker({ settings, log });
    log(describeStop(result, settings));
    // A caller asking to stop the broker (an outage test) must not go on believing it is down.
    return result.state === 'unmanaged' ? 1 : 0;
  },

  async 'postgres:ensure'({ settings, nodeIds }) {
    await preparePostgres(settings, nodeIds);
    return 0;
  },
};

/**
 * @param {ReturnType<typeof resolveInfraSettings>} settings
 * @param {string[]} nodeIds
 * @returns {Promise<string[]>} the node databases
 */
async function preparePostgres(settings, nodeIds) {
  const server = await ensurePostgresServer({ adminUrl: settings.postgres.adminUrl, log });
  log(`postgres: up at ${server.display} (PostgreSQL ${server.version})`);
  const { created, existing } = await ensureDatabases({ adminUrl: settings.postgres.adminUrl, nodeIds });
  if (created.length > 0) {
    log(`postgres: created ${created.join(', ')}`);
  }
  if (existing.length > 0) {
    log(`postgres: already present: ${existing.join(', ')}`);
  }
  return [...created, ...existing].sort();
}

/** @param {import('./infra/index.mjs').KafkaReadiness} kafka */
function describeKafka(kafka) {
  const where = kafka.brokers.join(',');
  switch (kafka.state) {
    case 'external':
      return `kafka: external cluster ${where} answers (cluster id ${kafka.clusterId})`;
    case 'unmanaged':
      return `kafka: ${where} answers (cluster id ${kafka.clusterId}); not started by these scripts`;
    case 'already-running':
      return `kafka: already running, pid ${kafka.pid}, ${where} (cluster id ${kafka.clusterId})`;
    default:
      return `kafka: running, pid ${kafka.pid}, ${where} (cluster id ${kafka.clusterId})`;
  }
}

/**
 * @param {{ state: string, pid: number | null }} result
 * @param {ReturnType<typeof resolveInfraSettings>} settings
 */
function describeStop(result, settings) {
  switch (result.state) {
    case 'stopped':
      return `kafka: broker pid ${result.pid} stopped`;
    case 'killed':
      return `kafka: broker pid ${result.pid} did not shut down in time and was killed`;
    case 'unmanaged':
      return (
        `kafka: a broker answers on ${settings.kafka.brokers[0]} but was not started by these scripts ` +
        `(no ${settings.kafka.paths.pidFile}); left running. Stop it yourself, or use another KAFKA_PORT.`
      );
    default:
      return 'kafka: the local broker is not running';
  }
}

async function main() {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: { node: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    console.error(`${/** @type {Error} */ (error).message}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...extra] = parsed.positionals;
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const run = command === undefined ? undefined : COMMANDS[command];
  if (!run || extra.length > 0) {
    console.error(
      `${command === undefined ? 'Missing command.' : `Unknown command: ${[command, ...extra].join(' ')}`}\n\n${USAGE}`,
    );
    return 2;
  }
  try {
    const settings = resolveInfraSettings();
    const nodeIds = resolveNodeIds(parsed.values.node ?? []);
    return await run({ settings, nodeIds });
  } catch (error) {
    if (error instanceof InfraError) {
      console.error(`[infra] error ${error.code}: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
