import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { outputTail, runCommand } from './command-runner.mjs';
import { InfraError } from './infra-error.mjs';

const MINIMUM_JAVA = 11;

/**
 * The `java` to run: `$JAVA_HOME/bin/java` when JAVA_HOME is set, otherwise `java` from PATH.
 *
 * @param {NodeJS.ProcessEnv} env
 * @returns {string}
 */
export function javaExecutable(env) {
  return env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
}

/**
 * Checks that a Java 11+ runtime is available.
 *
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<{ executable: string, major: number }>}
 * @throws {InfraError} `JAVA_MISSING` or `JAVA_TOO_OLD`
 */
export async function assertJavaRuntime(env) {
  const executable = javaExecutable(env);
  const result = await runCommand(executable, ['-version'], { timeoutMs: 30000 });
  const howToFix =
    'Install a Java 11+ runtime (Debian/Ubuntu: "apt-get install openjdk-17-jre-headless"; macOS: ' +
    '"brew install openjdk@17"), set JAVA_HOME to it, or set KAFKA_BROKERS to use a Kafka cluster you run yourself.';
  if (result.spawnError || result.exitCode !== 0) {
    throw new InfraError(
      'JAVA_MISSING',
      `The local Kafka broker needs Java ${MINIMUM_JAVA}+, and "${executable} -version" failed ` +
        `(${result.spawnError?.message ?? outputTail(result, 5)}). ${howToFix}`,
    );
  }
  // `java -version` writes e.g. `openjdk version "17.0.15"` or, before Java 9, `"1.8.0_392"`.
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}\n${result.stdout}`);
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : 0;
  if (major < MINIMUM_JAVA) {
    throw new InfraError(
      'JAVA_TOO_OLD',
      `The local Kafka broker needs Java ${MINIMUM_JAVA}+, but "${executable}" is ${match ? `Java ${major}` : 'of unknown version'}. ${howToFix}`,
    );
  }
  return { executable, major };
}

/**
 * JVM arguments every Kafka entry point gets: logging configuration and the class path of the jars.
 *
 * @param {{ libs: string, logs: string, log4j: string }} paths
 * @returns {string[]}
 */
export function kafkaClassPathArgs({ libs, logs, log4j }) {
  return [
    `-Dlog4j.configuration=${pathToFileURL(log4j).href}`,
    `-Dkafka.logs.dir=${logs}`,
    '-cp',
    // The JVM expands a trailing `*` itself (no shell involved), to every jar in the directory.
    join(libs, '*'),
  ];
}
