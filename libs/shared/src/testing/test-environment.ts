/**
 * Where tests find the real infrastructure. The Jest global setup (test/support/global-setup.mjs) makes
 * sure Postgres and Kafka are up and publishes their addresses in these variables; a test run outside
 * that setup fails here with instructions instead of skipping.
 */
export function testDatabaseAdminUrl(): string {
  return required('PASSAGE_TEST_DATABASE_ADMIN_URL');
}

export function testKafkaBrokers(): string[] {
  return required('PASSAGE_TEST_KAFKA_BROKERS')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: integration and end-to-end tests need the real Postgres and Kafka. ` +
        'Run them through `npm test` (or `npm run test:int` / `npm run test:e2e`), which start the local infrastructure.',
    );
  }
  return value;
}
