import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { outputTail, runCommand } from './command-runner.mjs';
import { InfraError } from './infra-error.mjs';

const MAVEN_TIMEOUT_MS = 15 * 60 * 1000;

/**
 * Makes sure the broker's jars are in `paths.libs`, fetching them with Maven only when missing. The
 * marker file is written last and holds a hash of the pom, so an interrupted download, or a pom that
 * moved to another Kafka version, is fetched again from scratch. Maven caches in ~/.m2, so only the
 * first run on a machine downloads anything.
 *
 * @param {{ paths: { libs: string, libsMarker: string }, pom: string, log?: (line: string) => void, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ fetched: boolean, kafkaVersion: string }>}
 * @throws {InfraError} `MAVEN_MISSING` or `KAFKA_FETCH_FAILED`
 */
export async function ensureKafkaLibs({ paths, pom, log = () => {}, env = process.env }) {
  const pomText = readFileSync(pom, 'utf8');
  const kafkaVersion = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pomText)?.[1] ?? 'unknown';
  const fingerprint = createHash('sha256').update(pomText).digest('hex');
  if (readMarker(paths.libsMarker) === fingerprint && hasBrokerJar(paths.libs)) {
    return { fetched: false, kafkaVersion };
  }

  const probe = await runCommand('mvn', ['-v'], { env, timeoutMs: 60000 });
  if (probe.spawnError || probe.exitCode !== 0) {
    throw new InfraError(
      'MAVEN_MISSING',
      `Maven is needed once per machine to fetch Apache Kafka ${kafkaVersion} from Maven Central, and "mvn -v" ` +
        `failed (${probe.spawnError?.message ?? outputTail(probe, 5)}). Install Maven 3.6+ ` +
        `(Debian/Ubuntu: "apt-get install maven"), or set KAFKA_BROKERS to use a Kafka cluster you run yourself.`,
    );
  }

  log(
    `kafka: fetching Apache Kafka ${kafkaVersion} jars with Maven into ${paths.libs} (cached in ~/.m2 afterwards)`,
  );
  rmSync(paths.libs, { recursive: true, force: true });
  mkdirSync(paths.libs, { recursive: true });
  const args = [
    '-B',
    '-q',
    '-f',
    pom,
    'dependency:copy-dependencies',
    `-DoutputDirectory=${paths.libs}`,
    '-DincludeScope=runtime',
  ];
  const result = await runCommand('mvn', args, { env, timeoutMs: MAVEN_TIMEOUT_MS });
  if (result.exitCode !== 0 || !hasBrokerJar(paths.libs)) {
    const why = result.timedOut ? `timed out after ${MAVEN_TIMEOUT_MS / 60000} min` : outputTail(result, 30);
    throw new InfraError(
      'KAFKA_FETCH_FAILED',
      `Fetching the Kafka jars failed: "mvn ${args.join(' ')}" ${result.exitCode === 0 ? 'did not produce the broker jar' : 'failed'}:\n${why}\n` +
        'Maven Central must be reachable (configure a proxy or mirror in ~/.m2/settings.xml), or set KAFKA_BROKERS ' +
        'to use a Kafka cluster you run yourself. The next run retries the download.',
    );
  }
  writeFileSync(paths.libsMarker, `${fingerprint}\n`);
  log(`kafka: ${readdirSync(paths.libs).filter((name) => name.endsWith('.jar')).length} jars ready`);
  return { fetched: true, kafkaVersion };
}

/** @param {string} marker @returns {string | null} */
function readMarker(marker) {
  try {
    return readFileSync(marker, 'utf8').trim();
  } catch {
    return null;
  }
}

/** @param {string} libs @returns {boolean} */
function hasBrokerJar(libs) {
  return existsSync(libs) && readdirSync(libs).some((name) => /^kafka_2\.\d+-.+\.jar$/.test(name));
}
