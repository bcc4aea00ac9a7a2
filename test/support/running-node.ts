import { rmSync } from 'node:fs';
import pg from 'pg';
import { testDatabaseAdminUrl, testKafkaBrokers } from '@passage/shared/testing';
import { migrateNodes } from '../../scripts/migrate.mjs';
import { seedDemo } from '../../scripts/seed-demo.mjs';
import { nodeProfile } from '../../scripts/run/node-profiles.mjs';
import { regionalCountries } from '../../scripts/run/prepare-workspace.mjs';
import { auditHeadFile } from '../../scripts/run/repo-paths.mjs';
import {
  NODE_SERVICES,
  databaseUrlFrom,
  serviceEnvironment,
} from '../../scripts/run/service-environment.mjs';
import { startServiceProcesses, waitForHttp } from '../../scripts/run/service-processes.mjs';

export interface RunningNode {
  id: string;
  /** postgres:// URL of one of the node's databases, for tests that inspect what was stored. */
  databaseUrl(service: 'identity' | 'referrals'): string;
  gatewayUrl: string;
  serviceUrl(service: 'identity' | 'referrals' | 'gateway'): string;
  /** Everything a service wrote to stdout and stderr so far (JSON log lines). */
  output(service: string): string;
  stop(): Promise<void>;
}

/**
 * Starts a node the way `npm start` does (same scripts, same built services), on fresh databases: the
 * node's databases are dropped, recreated and migrated first, so every run starts from a clean state.
 */
export async function startTestNode(
  profileId = 'e2e',
  overrides: Record<string, string> = {},
  { freshDatabases = true }: { freshDatabases?: boolean } = {},
): Promise<RunningNode> {
  const profile = nodeProfile(profileId);
  // A restart after a stop keeps what the node had, as a real node coming back would.
  if (freshDatabases) await dropNodeDatabases(profile.id);
  await migrateNodes('run', [profile.id], { log: () => undefined });
  await seedDemo(profile.id, { log: () => undefined });
  const infra = {
    databaseUrl: databaseUrlFrom(testDatabaseAdminUrl()),
    kafkaBrokers: testKafkaBrokers(),
    countries: await regionalCountries(),
  };
  const output = new Map<string, string[]>();
  const system = await startServiceProcesses({
    node: profile.id,
    services: NODE_SERVICES.map((name) => ({
      name,
      env: { ...serviceEnvironment(profile, name, infra), LOG_LEVEL: 'info', ...overrides },
      port: profile.ports[name],
    })),
    output: (service: string, chunk: Buffer) => {
      const lines = output.get(service) ?? [];
      lines.push(chunk.toString('utf8'));
      output.set(service, lines);
    },
  });
  const gatewayUrl = `http://127.0.0.1:${profile.ports.gateway}`;
  // Up means every service is ready (database, Kafka, consumers), not only the gateway in front of them.
  await Promise.all(
    NODE_SERVICES.map((name) => waitForHttp(`http://127.0.0.1:${profile.ports[name]}/health/ready`, 120_000)),
  );
  return {
    id: profile.id,
    databaseUrl: (service) => infra.databaseUrl(`passage_${profile.id}_${service}`),
    gatewayUrl,
    serviceUrl: (service) => `http://127.0.0.1:${profile.ports[service]}`,
    output: (service) => (output.get(service) ?? []).join(''),
    stop: () => system.stop(),
  };
}

async function dropNodeDatabases(nodeId: string): Promise<void> {
  const admin = new pg.Client({ connectionString: testDatabaseAdminUrl() });
  await admin.connect();
  try {
    for (const service of ['identity', 'referrals']) {
      await admin.query(`DROP DATABASE IF EXISTS passage_${nodeId}_${service} WITH (FORCE)`);
      // The heads published for the dropped chain would otherwise mark the new one as truncated.
      rmSync(auditHeadFile(nodeId, service), { force: true });
    }
  } finally {
    await admin.end();
  }
}
