import { connect } from 'node:net';
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;

/**
 * @typedef {{ ok: true, clusterId: string, brokers: string[] } | { ok: false, reason: string }} KafkaProbeResult
 */

/**
 * Sends one metadata request (`describeCluster`) and reports whether the cluster answered. Never
 * throws. kafkajs's own logging is silenced: a refused connection while a broker boots is expected here.
 * Only an admin client is created, so kafkajs's default-partitioner warning (a producer concern) never fires.
 *
 * @param {readonly string[]} brokers
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<KafkaProbeResult>}
 */
export async function probeKafka(brokers, { timeoutMs = 5000 } = {}) {
  const kafka = new Kafka({
    clientId: 'passage-infra-probe',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(timeoutMs, 3000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {Promise<never>} */
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const cluster = await Promise.race([admin.connect().then(() => admin.describeCluster()), timeout]);
    return {
      ok: true,
      clusterId: cluster.clusterId,
      brokers: cluster.brokers.map((broker) => `${broker.host}:${broker.port}`),
    };
  } catch (error) {
    return { ok: false, reason: /** @type {Error} */ (error).message };
  } finally {
    clearTimeout(timer);
    await admin.disconnect().catch(() => {});
  }
}

/**
 * Probes until the cluster answers or `timeoutMs` passes. `checkAlive` is called between attempts and
 * may return a reason to give up early (the broker process exited).
 *
 * @param {readonly string[]} brokers
 * @param {{ timeoutMs: number, intervalMs?: number, checkAlive?: () => string | null }} options
 * @returns {Promise<KafkaProbeResult>} the last result: ok, or the reason it never answered
 */
export async function waitForKafka(brokers, { timeoutMs, intervalMs = 1000, checkAlive = () => null }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await probeKafka(brokers, { timeoutMs: 5000 });
    if (result.ok) {
      return result;
    }
    const dead = checkAlive();
    if (dead) {
      return { ok: false, reason: dead };
    }
    if (Date.now() + intervalMs >= deadline) {
      return {
        ok: false,
        reason: `no answer within ${Math.round(timeoutMs / 1000)} s (last error: ${result.reason})`,
      };
    }
    await new Promise((done) => setTimeout(done, intervalMs));
  }
}

/**
 * Whether something accepts TCP connections on host:port.
 *
 * @param {string} host
 * @param {number} port
 * @param {number} [timeoutMs]
 * @returns {Promise<boolean>}
 */
export function isPortOpen(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (/** @type {boolean} */ open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}
