#!/usr/bin/env node
/**
 * `npm start`: from a fresh clone to a running node. Installs dependencies, builds, brings Postgres
 * databases and the local Kafka up, generates development exchange keys, migrates, then runs identity,
 * referrals and the gateway until Ctrl-C (or SIGTERM), which stops them cleanly. Running it again
 * repeats only what is missing.
 *
 * `--node <id>` picks a node profile (scripts/run/node-profiles.mjs); default `local`, hosting every country.
 */
import { prepareWorkspace, catalogueCountries } from './run/prepare-workspace.mjs';

const args = process.argv.slice(2);
const nodeId = args.includes('--node') ? args[args.indexOf('--node') + 1] : 'local';
const say = (line) => process.stderr.write(`[start] ${line}\n`);

try {
  await prepareWorkspace();
  // Imported after the install step: these need pg and kafkajs.
  const { ensureKafka, ensurePostgresServer, kafkaBrokers, postgresAdminUrl, resolveInfraSettings } =
    await import('./infra/index.mjs');
  const { migrateNodes } = await import('./migrate.mjs');
  const { seedDemo } = await import('./seed-demo.mjs');
  const { nodeProfile } = await import('./run/node-profiles.mjs');
  const { NODE_SERVICES, databaseUrlFrom, serviceEnvironment } =
    await import('./run/service-environment.mjs');
  const { startServiceProcesses, waitForHttp } = await import('./run/service-processes.mjs');

  const profile = nodeProfile(nodeId);
  const settings = resolveInfraSettings();
  await ensurePostgresServer({ adminUrl: settings.postgres.adminUrl, log: say });
  await ensureKafka({ settings, log: say });
  await migrateNodes('run', [profile.id], { log: say });
  await seedDemo(profile.id, { log: say });

  const infra = {
    databaseUrl: databaseUrlFrom(postgresAdminUrl()),
    kafkaBrokers: kafkaBrokers(),
    countries: await catalogueCountries(),
  };
  const system = await startServiceProcesses({
    node: profile.id,
    services: NODE_SERVICES.map((name) => ({
      name,
      env: serviceEnvironment(profile, name, infra),
      port: profile.ports[name],
    })),
  });
  const gateway = `http://127.0.0.1:${profile.ports.gateway}`;
  await waitForHttp(`${gateway}/health/ready`, 120_000);
  const { seedDemoCaseWork } = await import('./seed/demo-case-work.mjs');
  await seedDemoCaseWork(gateway, { log: say });
  say(`node ${profile.id} is up. GraphQL gateway: ${gateway}/graphql  (Ctrl-C stops it)`);

  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping the services (Kafka keeps running; "npm run infra:down" stops it)`);
    await system.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  const crash = await system.crashed;
  if (!stopping) {
    say(`${crash.service} exited unexpectedly (code ${crash.code}); stopping the others`);
    await system.stop();
    process.exit(1);
  }
} catch (error) {
  say(`failed: ${error.message}`);
  process.exit(1);
}
