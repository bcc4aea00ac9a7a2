/**
 * Jest globalSetup of the integration and end-to-end projects: the real Postgres server and the real
 * Kafka broker must be there before any test runs. On a fresh clone it starts the local broker itself
 * (downloading it once), so `npm test` needs nothing started by hand. When something cannot be made
 * available it throws, with what is wrong and how to fix it: these tests fail loudly and never skip.
 *
 * Test workers read the outcome from two variables:
 *   PASSAGE_TEST_DATABASE_ADMIN_URL  postgres:// URL of the admin database (create and clone from it)
 *   PASSAGE_TEST_KAFKA_BROKERS       comma-separated bootstrap servers
 */
import {
  InfraError,
  ensureKafka,
  ensurePostgresServer,
  kafkaBrokers,
  postgresAdminUrl,
  resolveInfraSettings,
} from '../../scripts/infra/index.mjs';

const HOW_TO_FIX =
  'Run "npm run infra:up" to start the local infrastructure, or point the tests at your own servers with ' +
  'DATABASE_ADMIN_URL (a postgres:// URL of an admin database on a server where that user may create ' +
  'databases) and KAFKA_BROKERS (comma-separated host:port).';

/** @param {string} line */
const log = (line) => process.stderr.write(`[test infra] ${line}\n`);

export default async function globalSetup() {
  try {
    const settings = resolveInfraSettings();
    await ensurePostgresServer({ adminUrl: settings.postgres.adminUrl, log });
    const kafka = await ensureKafka({ settings, log });
    if (kafka.state === 'started') {
      log(
        `started the local Kafka broker (pid ${kafka.pid}); it keeps running after the tests ("npm run infra:down" stops it)`,
      );
    }
    process.env.PASSAGE_TEST_DATABASE_ADMIN_URL = postgresAdminUrl();
    process.env.PASSAGE_TEST_KAFKA_BROKERS = kafkaBrokers().join(',');
  } catch (error) {
    if (error instanceof InfraError) {
      throw new Error(`Integration tests need Postgres and Kafka. ${error.message}\n${HOW_TO_FIX}`, {
        cause: error,
      });
    }
    throw error;
  }
}
