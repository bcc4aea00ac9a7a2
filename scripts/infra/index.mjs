/**
 * Public entry of the local infrastructure scripts, shared by the CLI (scripts/infra.mjs), Jest's
 * global setup and any other script that needs Postgres databases or a Kafka broker.
 */
import { InfraError } from './infra-error.mjs';
import { localBrokerStatus, startLocalBroker } from './kafka-broker.mjs';
import { probeKafka, waitForKafka } from './kafka-probe.mjs';

export { InfraError } from './infra-error.mjs';
export {
  kafkaBrokers,
  maskUrlPassword,
  postgresAdminUrl,
  resolveInfraSettings,
  resolveNodeIds,
} from './infra-settings.mjs';
export { ensurePostgresServer, probePostgres } from './postgres-server.mjs';
export {
  NODE_SERVICES,
  assertDatabaseName,
  databaseNamesForNodes,
  ensureDatabases,
  listPassageDatabases,
} from './postgres-databases.mjs';
export { brokerLogTail, localBrokerStatus, startLocalBroker, stopLocalBroker } from './kafka-broker.mjs';
export { probeKafka } from './kafka-probe.mjs';

/** How long a cluster named by KAFKA_BROKERS gets to answer: it is supposed to be up already. */
const EXTERNAL_KAFKA_TIMEOUT_MS = 15000;

/**
 * @typedef {object} KafkaReadiness
 * @property {'external' | 'local'} mode
 * @property {string[]} brokers bootstrap servers to give clients
 * @property {string} clusterId
 * @property {'started' | 'already-running' | 'unmanaged' | 'external'} state
 * @property {number | null} pid the local broker's pid when these scripts manage it
 */

/**
 * Makes sure Kafka answers: with KAFKA_BROKERS set, only checks that cluster (never downloads or starts
 * anything); otherwise starts the local broker if it is not running.
 *
 * @param {{ settings: import('./infra-settings.mjs').InfraSettings, log?: (line: string) => void }} options
 * @returns {Promise<KafkaReadiness>}
 * @throws {InfraError} `KAFKA_UNREACHABLE` for an external cluster that does not answer, or the codes of
 *   {@link startLocalBroker}
 */
export async function ensureKafka({ settings, log = () => {} }) {
  const { kafka } = settings;
  if (kafka.external) {
    const result = await waitForKafka(kafka.brokers, { timeoutMs: EXTERNAL_KAFKA_TIMEOUT_MS });
    if (!result.ok) {
      throw new InfraError(
        'KAFKA_UNREACHABLE',
        `Kafka at KAFKA_BROKERS=${kafka.brokers.join(',')} does not answer (${result.reason}). Start that cluster, ` +
          'fix KAFKA_BROKERS, or unset it to let the project run its own local broker ("npm run infra:up").',
      );
    }
    return {
      mode: 'external',
      brokers: kafka.brokers,
      clusterId: result.clusterId,
      state: 'external',
      pid: null,
    };
  }
  const started = await startLocalBroker({ settings, log });
  return { mode: 'local', ...started };
}

/**
 * @typedef {object} KafkaStatus
 * @property {'external' | 'local'} mode
 * @property {string[]} brokers
 * @property {boolean} up the cluster answered a metadata request
 * @property {string} detail one line for humans
 * @property {number | null} pid
 */

/**
 * Whether Kafka answers, with a one-line description. Never starts or stops anything.
 *
 * @param {{ settings: import('./infra-settings.mjs').InfraSettings }} options
 * @returns {Promise<KafkaStatus>}
 */
export async function kafkaStatus({ settings }) {
  const { kafka } = settings;
  if (kafka.external) {
    const probe = await probeKafka(kafka.brokers);
    return {
      mode: 'external',
      brokers: kafka.brokers,
      up: probe.ok,
      pid: null,
      detail: probe.ok
        ? `external cluster ${kafka.brokers.join(',')} answers (cluster id ${probe.clusterId}, ${probe.brokers.length} broker(s))`
        : `external cluster ${kafka.brokers.join(',')} does not answer: ${probe.reason}`,
    };
  }
  const status = await localBrokerStatus({ settings });
  const owner =
    status.pid !== null
      ? `pid ${status.pid}`
      : status.portOpen
        ? 'no pid file (not started by these scripts)'
        : 'not running';
  const answer = status.probe.ok
    ? `answers metadata requests (cluster id ${status.probe.clusterId})`
    : `does not answer (${status.probe.reason})`;
  return {
    mode: 'local',
    brokers: kafka.brokers,
    up: status.probe.ok,
    pid: status.pid,
    detail: `local broker ${owner}, ${kafka.brokers[0]} ${answer}`,
  };
}
