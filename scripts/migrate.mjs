#!/usr/bin/env node
/**
 * `npm run migration:run|revert|show`: applies each service's migrations to its database on every node
 * (`--node <id>` or PASSAGE_NODES, default `local`). Needs the build (`npm run build`).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureDatabases, postgresAdminUrl, resolveNodeIds } from './infra/index.mjs';
import { REPO_ROOT } from './run/repo-paths.mjs';
import { databaseUrlFrom, serviceRole } from './run/service-environment.mjs';

/** Services that own a database, in the order their migrations run. */
const DATABASE_SERVICES = ['identity', 'referrals'];

export async function migrateNodes(command, nodeIds, { log = console.log } = {}) {
  const adminUrl = postgresAdminUrl();
  await ensureDatabases({ adminUrl, nodeIds });
  const databaseUrl = databaseUrlFrom(adminUrl);
  for (const node of nodeIds) {
    for (const service of DATABASE_SERVICES) {
      const result = spawnSync(
        process.execPath,
        [join(REPO_ROOT, 'apps', service, 'dist', 'migrate.js'), command],
        {
          cwd: REPO_ROOT,
          // As the administrator, who owns the tables; the run grants the service's own role its rights.
          env: {
            ...process.env,
            DATABASE_URL: databaseUrl(`passage_${node}_${service}`),
            DATABASE_SERVICE_ROLE: serviceRole(node, service),
          },
          encoding: 'utf8',
        },
      );
      if (result.status !== 0) {
        throw new Error(`migrations of ${service} on node ${node} failed:\n${result.stderr}${result.stdout}`);
      }
      log(`[migrate] node ${node}: ${result.stdout.trim()}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const command = args[0] ?? 'run';
  const explicit = args.flatMap((arg, index) => (args[index - 1] === '--node' ? [arg] : []));
  try {
    await migrateNodes(command, resolveNodeIds(explicit));
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
