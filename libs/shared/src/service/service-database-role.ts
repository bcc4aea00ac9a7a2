/**
 * The database role a service connects as (docs/adr/026). Migrations run as the owner of the schema
 * (in development the Postgres administrator); the service gets a login role of its own that may read
 * and write its tables but owns none of them, so it can neither alter nor drop a table, nor disable a
 * trigger. The tables that are append-only by design (`APPEND_ONLY_TABLES`) it may only read and insert
 * into: whoever takes over the service's connection cannot remove or rewrite an audit record.
 *
 * The role gets no CREATE on the schema either: a role that can create functions in `public` can plant
 * one that a migration, run as the owner, would call instead of the built-in. Every table, those of
 * libraries included, is therefore created by a migration.
 */

/** Tables a service may read and append to, never change: the audit trail (ADR 008). */
export const APPEND_ONLY_TABLES = Object.freeze(['audit_record']);

/** TypeORM's record of applied migrations: read-only to services, which never migrate. */
const MIGRATIONS_TABLE = 'migrations';

/** Role names are interpolated into DDL, which takes no bind parameters: plain identifiers only. */
const ROLE_PATTERN = /^[a-z][a-z0-9_]{0,62}$/;

interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Refused when the role would defeat the separation (a superuser, or a member of the table owner's role). */
export class ServiceRoleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServiceRoleError';
  }
}

/**
 * Creates `role` if it does not exist (a login role with no other attribute) and grants it, in the
 * database `database` is connected to, the rights a service needs on every table that exists now.
 * Run after every migration run, as the owner: idempotent, and safe when two runs race to create the role.
 *
 * @throws ServiceRoleError for a role that is a superuser or may act as the owner of the tables.
 */
export async function grantServiceRole(database: Queryable, role: string): Promise<void> {
  if (!ROLE_PATTERN.test(role))
    throw new ServiceRoleError(`"${role}" is not a plain role name (${ROLE_PATTERN})`);
  await database.query(`
    DO $$ BEGIN
      CREATE ROLE "${role}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
  const [attributes] = (await database.query(
    `SELECT rolsuper OR rolbypassrls AS privileged,
            EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                       AND pg_has_role($1, c.relowner, 'USAGE')) AS owns_tables
       FROM pg_roles WHERE rolname = $1`,
    [role],
  )) as { privileged: boolean; owns_tables: boolean }[];
  if (attributes.privileged || attributes.owns_tables) {
    throw new ServiceRoleError(
      `the service role ${role} is a superuser or may act as the owner of the tables; a service must connect ` +
        'as a role that owns nothing (run migrations as the owner, and let the services use their own role)',
    );
  }
  await database.query(`GRANT USAGE ON SCHEMA public TO "${role}"`);
  await database.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${role}"`);
  await database.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${role}"`);
  const existing = (await database.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename = ANY($1::text[])`,
    [[...APPEND_ONLY_TABLES, MIGRATIONS_TABLE]],
  )) as { tablename: string }[];
  for (const { tablename } of existing) {
    await database.query(`REVOKE ALL ON "${tablename}" FROM "${role}"`);
    const rights = tablename === MIGRATIONS_TABLE ? 'SELECT' : 'SELECT, INSERT';
    await database.query(`GRANT ${rights} ON "${tablename}" TO "${role}"`);
  }
}
