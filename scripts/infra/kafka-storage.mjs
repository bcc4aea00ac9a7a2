import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { outputTail, runCommand } from './command-runner.mjs';
import { InfraError } from './infra-error.mjs';
import { kafkaClassPathArgs } from './java-runtime.mjs';
import { LOCAL_KAFKA_HOST } from './infra-settings.mjs';

const CLUSTER_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/**
 * Renders deploy/local/kafka/server.properties into the local config directory with this machine's
 * absolute paths and ports. Rewritten on every start so changed ports take effect; the file only
 * changes on disk when its content does.
 *
 * @param {import('./infra-settings.mjs').KafkaSettings} kafka
 * @returns {string} the rendered file's path
 * @throws {InfraError} `KAFKA_TEMPLATE_INVALID` when the template uses an unknown placeholder
 */
export function renderServerProperties(kafka) {
  const values = {
    host: LOCAL_KAFKA_HOST,
    brokerPort: String(kafka.port),
    controllerPort: String(kafka.controllerPort),
    // Backslashes are escapes in .properties files.
    dataDir: kafka.paths.data.replaceAll('\\', '\\\\'),
  };
  const template = readFileSync(kafka.templates.serverProperties, 'utf8');
  const rendered = template.replace(/\{\{(\w+)\}\}/g, (placeholder, name) => {
    if (!Object.hasOwn(values, name)) {
      throw new InfraError(
        'KAFKA_TEMPLATE_INVALID',
        `${kafka.templates.serverProperties} uses an unknown placeholder ${placeholder}; known: ${Object.keys(values).join(', ')}.`,
      );
    }
    return values[/** @type {keyof typeof values} */ (name)];
  });
  const target = kafka.paths.serverProperties;
  mkdirSync(kafka.paths.configDir, { recursive: true });
  if (!existsSync(target) || readFileSync(target, 'utf8') !== rendered) {
    const temporary = `${target}.${process.pid}.tmp`;
    writeFileSync(temporary, rendered);
    renameSync(temporary, target);
  }
  return target;
}

/**
 * Formats the KRaft storage directory once, with a fresh cluster id. Skipped when `meta.properties`
 * exists, so restarts keep the same cluster id and all topics and offsets.
 *
 * @param {{ kafka: import('./infra-settings.mjs').KafkaSettings, java: string, log?: (line: string) => void }} options
 * @returns {Promise<{ formatted: boolean, clusterId: string }>}
 * @throws {InfraError} `KAFKA_FORMAT_FAILED`
 */
export async function ensureStorageFormatted({ kafka, java, log = () => {} }) {
  const existing = readClusterId(kafka.paths.data);
  if (existing) {
    return { formatted: false, clusterId: existing };
  }
  // Without meta.properties the broker has never started here, so whatever a failed format left
  // behind holds no data and is cleared to give the tool a clean directory.
  rmSync(kafka.paths.data, { recursive: true, force: true });
  mkdirSync(kafka.paths.data, { recursive: true });
  mkdirSync(kafka.paths.logs, { recursive: true });
  const baseArgs = [
    ...kafkaClassPathArgs({ libs: kafka.paths.libs, logs: kafka.paths.logs, log4j: kafka.templates.log4j }),
    'kafka.tools.StorageTool',
  ];

  const uuid = await runCommand(java, [...baseArgs, 'random-uuid'], { timeoutMs: 120000 });
  const clusterId = uuid.stdout
    .split('\n')
    .map((line) => line.trim())
    .findLast((line) => CLUSTER_ID_PATTERN.test(line));
  if (uuid.exitCode !== 0 || !clusterId) {
    throw formatFailed('kafka.tools.StorageTool random-uuid', outputTail(uuid));
  }

  const format = await runCommand(
    java,
    [...baseArgs, 'format', '-t', clusterId, '-c', kafka.paths.serverProperties],
    { timeoutMs: 120000 },
  );
  if (format.exitCode !== 0 || readClusterId(kafka.paths.data) !== clusterId) {
    throw formatFailed(`kafka.tools.StorageTool format -t ${clusterId}`, outputTail(format));
  }
  log(`kafka: formatted storage in ${kafka.paths.data} (cluster id ${clusterId})`);
  return { formatted: true, clusterId };
}

/**
 * The cluster id recorded in `<data>/meta.properties`, or null when the directory is not formatted.
 *
 * @param {string} dataDir
 * @returns {string | null}
 */
export function readClusterId(dataDir) {
  try {
    const text = readFileSync(join(dataDir, 'meta.properties'), 'utf8');
    return /^cluster\.id=(.+)$/m.exec(text)?.[1].trim() ?? null;
  } catch {
    return null;
  }
}

/** @param {string} step @param {string} output */
function formatFailed(step, output) {
  return new InfraError(
    'KAFKA_FORMAT_FAILED',
    `Formatting the local Kafka storage failed at "${step}":\n${output}\n` +
      'Run "npm run infra:up" again; if it keeps failing, delete the data directory and retry.',
  );
}
