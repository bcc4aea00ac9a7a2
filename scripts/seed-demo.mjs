#!/usr/bin/env node
/**
 * `npm run seed:demo`: creates the demonstration organisations and personas on a node (`--node <id>`,
 * default `local`). Refuses with NODE_ENV=production. `npm start` runs it after the migrations.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { postgresAdminUrl, kafkaBrokers } from './infra/index.mjs';
import { nodeProfile } from './run/node-profiles.mjs';
import { regionalCountries } from './run/prepare-workspace.mjs';
import { REPO_ROOT } from './run/repo-paths.mjs';
import { databaseUrlFrom, serviceEnvironment } from './run/service-environment.mjs';

export async function seedDemo(nodeId, { log = console.log } = {}) {
  const env = serviceEnvironment(nodeProfile(nodeId), 'identity', {
    databaseUrl: databaseUrlFrom(postgresAdminUrl()),
    kafkaBrokers: kafkaBrokers(),
    countries: await regionalCountries(),
  });
  const result = spawnSync(
    process.execPath,
    [join(REPO_ROOT, 'apps', 'identity', 'dist', 'demo-seed', 'seed-demo.js')],
    {
      cwd: REPO_ROOT,
      env: { ...env, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    },
  );
  if (result.status !== 0)
    throw new Error(`demo seed of node ${nodeId} failed:\n${result.stderr}${result.stdout}`);
  const summary = result.stdout.split('\n').find((line) => line.startsWith('identity demo seed:'));
  log(`[seed] node ${nodeId}: ${summary ?? 'done'}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const nodeId = args.includes('--node') ? args[args.indexOf('--node') + 1] : 'local';
  try {
    await seedDemo(nodeId);
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
