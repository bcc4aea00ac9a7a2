#!/usr/bin/env node
/**
 * `npm start`: from a fresh clone to running nodes. Installs dependencies, builds, brings Postgres
 * databases and the local Kafka up, generates development keys, migrates, seeds the demo personas and
 * case work, then runs identity, referrals and the gateway of each node until Ctrl-C (or SIGTERM), which
 * stops them cleanly. Running it again repeats only what is missing.
 *
 * `--node <id>` picks one node profile (scripts/run/node-profiles.mjs; default `local`, hosting every
 * country); `--nodes a,b` runs several (`npm run start:two-nodes`), which share only Kafka.
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { prepareWorkspace, regionalCountries } from './run/prepare-workspace.mjs';
import { REPO_ROOT } from './run/repo-paths.mjs';

const args = process.argv.slice(2);
const nodeIds = args.includes('--nodes')
  ? args[args.indexOf('--nodes') + 1].split(',')
  : [args.includes('--node') ? args[args.indexOf('--node') + 1] : 'local'];
const say = (line) => process.stderr.write(`[start] ${line}\n`);

try {
  await prepareWorkspace();
  // Imported after the install step: these need pg and kafkajs.
  const { ensureKafka, ensurePostgresServer, kafkaBrokers, postgresAdminUrl, resolveInfraSettings } =
    await import('./infra/index.mjs');
  const { migrateNodes } = await import('./migrate.mjs');
  const { seedDemo } = await import('./seed-demo.mjs');
  const { seedDemoCaseWork } = await import('./seed/demo-case-work.mjs');
  const { nodeProfile } = await import('./run/node-profiles.mjs');
  const { NODE_SERVICES, databaseUrlFrom, hostedCountries, serviceEnvironment } =
    await import('./run/service-environment.mjs');
  const { startServiceProcesses, waitForHttp } = await import('./run/service-processes.mjs');

  const profiles = nodeIds.map(nodeProfile);
  const settings = resolveInfraSettings();
  await ensurePostgresServer({ adminUrl: settings.postgres.adminUrl, log: say });
  await ensureKafka({ settings, log: say });
  const infra = {
    databaseUrl: databaseUrlFrom(postgresAdminUrl()),
    kafkaBrokers: kafkaBrokers(),
    countries: await regionalCountries(),
  };
  const systems = [];
  const stopAll = () => Promise.all(systems.map((system) => system.stop()));
  for (const profile of profiles) {
    await migrateNodes('run', [profile.id], { log: say });
    await seedDemo(profile.id, { log: say });
    systems.push(
      await startServiceProcesses({
        node: profile.id,
        services: NODE_SERVICES.map((name) => ({
          name,
          env: serviceEnvironment(profile, name, infra),
          port: profile.ports[name],
        })),
      }),
    );
  }
  for (const profile of profiles)
    await waitForHttp(`http://127.0.0.1:${profile.ports.gateway}/health/ready`, 120_000);

  // Each persona signs in at the node of its organisation's country.
  const { DEMO_ORGANISATIONS, DEMO_PERSONAS } = await import(
    pathToFileURL(join(REPO_ROOT, 'apps', 'identity', 'dist', 'seed', 'demo-personas.js')).href
  );
  const gatewayFor = (email) => {
    const persona = DEMO_PERSONAS.find((candidate) => candidate.email === email);
    const country = DEMO_ORGANISATIONS.find(
      (organisation) => organisation.name === persona?.organisation,
    )?.country;
    const profile = profiles.find(
      (candidate) => !country || hostedCountries(candidate, infra.countries).includes(country),
    );
    return `http://127.0.0.1:${(profile ?? profiles[0]).ports.gateway}`;
  };
  await seedDemoCaseWork(gatewayFor, { log: say });
  for (const profile of profiles) {
    say(`node ${profile.id} is up. GraphQL gateway: http://127.0.0.1:${profile.ports.gateway}/graphql`);
  }
  say('Ctrl-C stops the services (Kafka keeps running; "npm run infra:down" stops it)');

  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping the services`);
    await stopAll();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  const crash = await Promise.race(systems.map((system) => system.crashed));
  if (!stopping) {
    say(`${crash.service} exited unexpectedly (code ${crash.code}); stopping the others`);
    await stopAll();
    process.exit(1);
  }
} catch (error) {
  say(`failed: ${error.message}`);
  process.exit(1);
}
