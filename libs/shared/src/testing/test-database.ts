import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource, type MixedList } from 'typeorm';
import { grantServiceRole } from '../service/service-database-role.js';
import { testDatabaseAdminUrl } from './test-environment.js';

export interface TestDatabase {
  name: string;
  /** As the administrator that migrated it, who owns every table. */
  url: string;
  /** As the service's own role, `passage_test_<service>_app`, with the rights a running service has (ADR 026). */
  serviceUrl: string;
  /** Drops the database; call it in afterAll. */
  drop(): Promise<void>;
}

type MigrationClass = MixedList<string | (new () => object)>;

/**
 * A fresh database for one test file, cloned from a template that the service's real migrations built
 * once per migration set. Cloning takes a fraction of a second, so every test file starts from a clean,
 * fully migrated schema without re-running migrations. The template also grants the service role its
 * rights, as a migration run does, and the clones keep those grants.
 */
export async function createTestDatabase(
  service: string,
  migrations: (new () => object)[],
): Promise<TestDatabase> {
  if (!/^[a-z][a-z0-9]{0,20}$/.test(service)) throw new RangeError(`invalid service name "${service}"`);
  const adminUrl = testDatabaseAdminUrl();
  const fingerprint = createHash('sha256')
    // The grants' version is part of the template's identity: templates built before them lack them.
    .update(`${SERVICE_ROLE_GRANTS_VERSION}|${migrations.map((migration) => migration.name).join(',')}`)
    .digest('hex')
    .slice(0, 10);
  const template = `passage_test_${service}_tpl_${fingerprint}`;
  const name = `passage_test_${service}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const role = testServiceRole(service);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Jest workers race to build the same template; the first builds it, the others wait and reuse it.
    await admin.query(`SELECT pg_advisory_lock(hashtext($1))`, [template]);
    try {
      const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [template]);
      if (exists.rowCount === 0) await buildTemplate(admin, adminUrl, template, migrations, role);
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    } finally {
      await admin.query(`SELECT pg_advisory_unlock(hashtext($1))`, [template]);
    }
  } finally {
    await admin.end();
  }
  const url = databaseUrl(adminUrl, name);
  return {
    name,
    url,
    serviceUrl: asRole(url, role),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

async function buildTemplate(
  admin: pg.Client,
  adminUrl: string,
  template: string,
  migrations: MigrationClass,
  role: string,
) {
  await admin.query(`CREATE DATABASE ${template}`);
  const dataSource = new DataSource({ type: 'postgres', url: databaseUrl(adminUrl, template), migrations });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await grantServiceRole(dataSource, role);
  } catch (error) {
    await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    throw error;
  }
  await dataSource.destroy();
}

/** Bumped when `grantServiceRole` changes, so test templates are rebuilt with the new grants. */
const SERVICE_ROLE_GRANTS_VERSION = 'service-role-1';

/** The role a service's tests connect as: one per service, shared by its test databases. */
export function testServiceRole(service: string): string {
  return `passage_test_${service}_app`;
}

/** The same URL, as another role (trust authentication locally: the role has no password). */
function asRole(url: string, role: string): string {
  const asService = new URL(url);
  asService.username = role;
  asService.password = '';
  return asService.toString();
}

/** The admin URL pointed at another database on the same server. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A connected TypeORM data source on a fresh test database; `close` disconnects and drops it. */
export async function openTestDataSource(
  service: string,
  migrations: (new () => object)[],
): Promise<{ dataSource: DataSource; close(): Promise<void> }> {
  const database = await createTestDatabase(service, migrations);
  const dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy();
      await database.drop();
    },
  };
}
