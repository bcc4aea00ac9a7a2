import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { InfraError } from './infra-error.mjs';
import { LOCAL_KAFKA_HOST } from './infra-settings.mjs';
import { withExclusiveLock } from './exclusive-lock.mjs';
import { assertJavaRuntime, kafkaClassPathArgs } from './java-runtime.mjs';
import { ensureKafkaLibs } from './kafka-distribution.mjs';
import { isPortOpen, probeKafka, waitForKafka } from './kafka-probe.mjs';
import { ensureStorageFormatted, readClusterId, renderServerProperties } from './kafka-storage.mjs';
import {
  findProcessesWithArguments,
  inspectProcess,
  isKafkaBrokerProcess,
  terminateProcess,
} from './process-control.mjs';

/** Two cores are plenty for one broker with a few topics; G1 keeps pauses short under test load. */
const JVM_OPTIONS = ['-Xms256m', '-Xmx512m', '-XX:+UseG1GC'];
/** Long enough for a first download from Maven Central while another command waits its turn. */
const LOCK_TIMEOUT_MS = 10 * 60 * 1000;
const LOG_TAIL_LINES = 40;

/**
 * @typedef {import('./infra-settings.mjs').InfraSettings} InfraSettings
 * @typedef {(line: string) => void} Log
 */

/**
 * @typedef {object} BrokerStartResult
 * @property {'started' | 'already-running' | 'unmanaged'} state `unmanaged`: a broker answers on the
 *   port but was not started by these scripts (no pid file), so it was left alone
 * @property {number | null} pid
 * @property {string} clusterId
 * @property {string[]} brokers bootstrap servers
 */

/**
 * Starts the local single-node broker unless it already runs: fetches the jars when missing, renders
 * the configuration, formats the storage once, spawns the JVM detached (it outlives this process) and
 * waits until it answers a metadata request. Serialised by a lock file, so concurrent callers end up
 * with one broker.
 *
 * @param {{ settings: InfraSettings, log?: Log, readyTimeoutMs?: number }} options
 * @returns {Promise<BrokerStartResult>}
 * @throws {InfraError} `KAFKA_EXTERNAL`, `KAFKA_PORT_IN_USE`, `KAFKA_NOT_READY`, and the codes of the
 *   Java, download and format steps
 */
export async function startLocalBroker({ settings, log = () => {}, readyTimeoutMs = 90000 }) {
  const { kafka } = settings;
  assertLocal(kafka, 'start');
  mkdirSync(kafka.paths.root, { recursive: true });
  return withExclusiveLock(
    kafka.paths.lockFile,
    async () => {
      const runningPid = findRunningBroker(kafka, { log, cleanUp: true });
      if (runningPid !== null) {
        assertRunningConfigMatches(kafka, runningPid);
        const ready = await waitForKafka(kafka.brokers, {
          timeoutMs: readyTimeoutMs,
          checkAlive: () => (inspectProcess(runningPid).alive ? null : `broker pid ${runningPid} exited`),
        });
        if (!ready.ok) {
          throw notReady(
            kafka,
            `The local broker (pid ${runningPid}) runs but does not answer: ${ready.reason}.`,
          );
        }
        return {
          state: 'already-running',
          pid: runningPid,
          clusterId: ready.clusterId,
          brokers: kafka.brokers,
        };
      }
      const unmanaged = await checkPortsFree(kafka);
      if (unmanaged) {
        log(
          `kafka: a broker already answers on ${kafka.brokers[0]} but ${kafka.paths.pidFile} is missing; ` +
            'assuming it was started outside these scripts and leaving it alone',
        );
        return { state: 'unmanaged', pid: null, clusterId: unmanaged.clusterId, brokers: kafka.brokers };
      }

      const { executable: java } = await assertJavaRuntime(settings.env);
      await ensureKafkaLibs({ paths: kafka.paths, pom: kafka.templates.pom, log, env: settings.env });
      renderServerProperties(kafka);
      const { clusterId } = await ensureStorageFormatted({ kafka, java, log });

      const startedAt = Date.now();
      const broker = spawnBroker(kafka, java, settings.env);
      log(`kafka: started broker pid ${broker.pid}; waiting for it to answer on ${kafka.brokers[0]}`);
      const ready = await waitForKafka(kafka.brokers, {
        timeoutMs: readyTimeoutMs,
        checkAlive: broker.exitReason,
      });
      if (!ready.ok) {
        // A broker that never became ready is stopped, so the next attempt starts from a clean slate.
        await terminateProcess(broker.pid, { graceMs: 10000 });
        rmSync(kafka.paths.pidFile, { force: true });
        throw notReady(kafka, `The local Kafka broker did not become ready: ${ready.reason}.`);
      }
      log(`kafka: ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
      return { state: 'started', pid: broker.pid, clusterId, brokers: kafka.brokers };
    },
    { timeoutMs: LOCK_TIMEOUT_MS, log, purpose: 'starting or stopping the local Kafka broker' },
  );
}

/**
 * Stops the local broker started by {@link startLocalBroker}: SIGTERM, up to `graceMs` for the
 * controlled shutdown, then SIGKILL. Does nothing when it is not running.
 *
 * @param {{ settings: InfraSettings, log?: Log, graceMs?: number }} options
 * @returns {Promise<{ state: 'stopped' | 'killed' | 'not-running' | 'unmanaged', pid: number | null }>}
 *   `unmanaged`: something answers on the port that these scripts did not start, and it was left alone
 * @throws {InfraError} `KAFKA_EXTERNAL`
 */
export async function stopLocalBroker({ settings, log = () => {}, graceMs = 30000 }) {
  const { kafka } = settings;
  assertLocal(kafka, 'stop');
  mkdirSync(kafka.paths.root, { recursive: true });
  return withExclusiveLock(
    kafka.paths.lockFile,
    async () => {
      const pid = findRunningBroker(kafka, { log, cleanUp: true });
      if (pid === null) {
        const portBusy = await isPortOpen(LOCAL_KAFKA_HOST, kafka.port);
        return { state: portBusy ? 'unmanaged' : 'not-running', pid: null };
      }
      log(`kafka: stopping broker pid ${pid} (controlled shutdown, up to ${Math.round(graceMs / 1000)} s)`);
      const outcome = await terminateProcess(pid, { graceMs });
      rmSync(kafka.paths.pidFile, { force: true });
      return { state: outcome === 'killed' ? 'killed' : 'stopped', pid };
    },
    { timeoutMs: LOCK_TIMEOUT_MS, log, purpose: 'starting or stopping the local Kafka broker' },
  );
}

/**
 * @typedef {object} LocalBrokerStatus
 * @property {number | null} pid the managed broker's pid, null when none runs
 * @property {boolean} portOpen
 * @property {string | null} storageClusterId from meta.properties, null before the first format
 * @property {import('./kafka-probe.mjs').KafkaProbeResult} probe
 */

/**
 * Read-only view of the local broker: pid file, port, and one metadata request.
 *
 * @param {{ settings: InfraSettings }} options
 * @returns {Promise<LocalBrokerStatus>}
 */
export async function localBrokerStatus({ settings }) {
  const { kafka } = settings;
  const pid = findRunningBroker(kafka, { log: () => {}, cleanUp: false });
  const portOpen = await isPortOpen(LOCAL_KAFKA_HOST, kafka.port);
  /** @type {import('./kafka-probe.mjs').KafkaProbeResult} */
  const probe = portOpen ? await probeKafka(kafka.brokers) : { ok: false, reason: 'port closed' };
  return { pid, portOpen, storageClusterId: readClusterId(kafka.paths.data), probe };
}

/**
 * The last lines of the broker's log4j file and of its captured stdout/stderr, for error messages.
 *
 * @param {import('./infra-settings.mjs').LocalKafkaPaths} paths
 * @returns {string}
 */
export function brokerLogTail(paths) {
  const sections = [];
  for (const file of [paths.serverLog, paths.brokerOut]) {
    let lines;
    try {
      lines = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '');
    } catch {
      continue;
    }
    if (lines.length > 0) {
      sections.push(
        `--- last ${Math.min(lines.length, LOG_TAIL_LINES)} lines of ${file} ---\n${lines.slice(-LOG_TAIL_LINES).join('\n')}`,
      );
    }
  }
  return sections.length > 0 ? sections.join('\n') : `(no broker log yet in ${paths.logs})`;
}

/**
 * The pid of the broker these scripts manage, or null. A pid file naming a dead or foreign process is
 * stale (removed when `cleanUp`); a broker running on our configuration without a pid file (deleted by
 * hand) is adopted by rewriting the file.
 *
 * @param {import('./infra-settings.mjs').KafkaSettings} kafka
 * @param {{ log: Log, cleanUp: boolean }} options
 * @returns {number | null}
 */
function findRunningBroker(kafka, { log, cleanUp }) {
  let recorded = null;
  try {
    recorded = Number.parseInt(readFileSync(kafka.paths.pidFile, 'utf8').trim(), 10);
  } catch {
    // No pid file.
  }
  if (recorded !== null && isKafkaBrokerProcess(inspectProcess(recorded))) {
    return recorded;
  }
  if (recorded !== null && cleanUp) {
    rmSync(kafka.paths.pidFile, { force: true });
    log(`kafka: removed stale ${kafka.paths.pidFile} (pid ${recorded} is not a running Kafka broker)`);
  }
  const [orphan] = findProcessesWithArguments(['kafka.Kafka', kafka.paths.serverProperties]);
  if (orphan === undefined) {
    return null;
  }
  if (cleanUp) {
    writeFileSync(kafka.paths.pidFile, `${orphan}\n`);
    log(`kafka: found the local broker running as pid ${orphan} without a pid file; recorded it again`);
  }
  return orphan;
}

/**
 * The configuration is rendered only right before a start, so the file on disk holds the listeners
 * the running broker was started with. Asking for other ports (KAFKA_PORT changed since) while it runs
 * would otherwise end in a 90 s wait on a port nobody listens on.
 *
 * @param {import('./infra-settings.mjs').KafkaSettings} kafka
 * @param {number} pid
 * @throws {InfraError} `KAFKA_CONFIG_CHANGED`
 */
function assertRunningConfigMatches(kafka, pid) {
  const wanted = `PLAINTEXT://${LOCAL_KAFKA_HOST}:${kafka.port},CONTROLLER://${LOCAL_KAFKA_HOST}:${kafka.controllerPort}`;
  let running = null;
  try {
    running =
      /^listeners=(.*)$/m.exec(readFileSync(kafka.paths.serverProperties, 'utf8'))?.[1].trim() ?? null;
  } catch {
    // No rendered configuration: nothing to compare with.
  }
  if (running !== null && running !== wanted) {
    throw new InfraError(
      'KAFKA_CONFIG_CHANGED',
      `The local broker (pid ${pid}) runs with listeners ${running}, but KAFKA_PORT/KAFKA_CONTROLLER_PORT now ask ` +
        `for ${wanted}. Run "npm run infra:down" and then "npm run infra:up" to restart it with the new ports.`,
    );
  }
}

/**
 * Resolves to the probe result when a Kafka broker already answers on our port (someone else's), to
 * null when both ports are free.
 *
 * @param {import('./infra-settings.mjs').KafkaSettings} kafka
 * @throws {InfraError} `KAFKA_PORT_IN_USE` when a port is taken by something that is not a usable broker
 */
async function checkPortsFree(kafka) {
  if (await isPortOpen(LOCAL_KAFKA_HOST, kafka.port)) {
    const probe = await probeKafka(kafka.brokers);
    if (probe.ok) {
      return probe;
    }
    throw portInUse(kafka.port, 'KAFKA_PORT', probe.reason);
  }
  if (await isPortOpen(LOCAL_KAFKA_HOST, kafka.controllerPort)) {
    throw portInUse(kafka.controllerPort, 'KAFKA_CONTROLLER_PORT', 'the controller listener needs it');
  }
  return null;
}

/**
 * @param {import('./infra-settings.mjs').KafkaSettings} kafka
 * @param {string} java
 * @param {NodeJS.ProcessEnv} env
 * @returns {{ pid: number, exitReason: () => string | null }}
 */
function spawnBroker(kafka, java, env) {
  mkdirSync(kafka.paths.logs, { recursive: true });
  const out = openSync(kafka.paths.brokerOut, 'a');
  let child;
  try {
    writeSync(out, `\n--- ${new Date().toISOString()} starting the local Kafka broker ---\n`);
    child = spawn(
      java,
      [
        ...JVM_OPTIONS,
        ...kafkaClassPathArgs({
          libs: kafka.paths.libs,
          logs: kafka.paths.logs,
          log4j: kafka.templates.log4j,
        }),
        'kafka.Kafka',
        kafka.paths.serverProperties,
      ],
      // Detached into its own session and unreferenced: the broker must keep running after `npm start`
      // or Jest exits, for the next command to reuse.
      { cwd: kafka.paths.root, env, detached: true, stdio: ['ignore', out, out] },
    );
  } finally {
    closeSync(out);
  }
  /** @type {string | null} */
  let exited = null;
  child.once('error', (error) => (exited = `could not start ${java}: ${error.message}`));
  child.once('exit', (code, signal) => (exited = `the broker process exited (${signal ?? `code ${code}`})`));
  child.unref();
  if (child.pid === undefined) {
    throw new InfraError('KAFKA_NOT_READY', `Could not start the Kafka broker with ${java}.`);
  }
  const pid = child.pid;
  writeFileSync(kafka.paths.pidFile, `${pid}\n`);
  return {
    pid,
    exitReason: () => exited ?? (inspectProcess(pid).alive ? null : 'the broker process exited'),
  };
}

/**
 * @param {import('./infra-settings.mjs').KafkaSettings} kafka
 * @param {string} action
 */
function assertLocal(kafka, action) {
  if (kafka.external) {
    throw new InfraError(
      'KAFKA_EXTERNAL',
      `Cannot ${action} Kafka: KAFKA_BROKERS=${kafka.brokers.join(',')} points at a cluster these scripts do not manage. ` +
        'Unset KAFKA_BROKERS to use the local broker.',
    );
  }
}

/** @param {import('./infra-settings.mjs').KafkaSettings} kafka @param {string} summary */
function notReady(kafka, summary) {
  return new InfraError(
    'KAFKA_NOT_READY',
    `${summary}\n${brokerLogTail(kafka.paths)}\n` +
      'Check the logs above; "npm run infra:down" then "npm run infra:up" restarts it.',
  );
}

/** @param {number} port @param {string} variable @param {string} detail */
function portInUse(port, variable, detail) {
  return new InfraError(
    'KAFKA_PORT_IN_USE',
    `Port ${port} on ${LOCAL_KAFKA_HOST} is taken by another program that is not a usable Kafka broker (${detail}). ` +
      `Stop that program, or choose another port with ${variable}.`,
  );
}
