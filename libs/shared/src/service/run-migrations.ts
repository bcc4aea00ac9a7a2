import type { DataSource } from 'typeorm';
import { grantServiceRole } from './service-database-role.js';

/**
 * What `npm run migration:run` / `migration:revert` / `migration:show` do for one service database.
 * Migrations are never run on boot: an operator (or `npm start` on a development machine) runs them.
 * Given `serviceRole`, a run then creates that role if needed and grants it the service's rights on
 * every table, the new ones included (`grantServiceRole`, ADR 026).
 */
export async function runMigrationCommand(
  service: string,
  dataSource: DataSource,
  command: 'run' | 'revert' | 'show',
  options: { serviceRole?: string } = {},
): Promise<void> {
  await dataSource.initialize();
  try {
    if (command === 'run') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      console.log(
        `${service}: ${applied.length === 0 ? 'schema up to date' : `applied ${applied.map((m) => m.name).join(', ')}`}`,
      );
      if (options.serviceRole) {
        await grantServiceRole(dataSource, options.serviceRole);
        console.log(`${service}: the service connects as ${options.serviceRole}`);
      }
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log(`${service}: reverted the last migration`);
    } else {
      const pending = await dataSource.showMigrations();
      console.log(`${service}: ${pending ? 'migrations pending' : 'no pending migrations'}`);
    }
  } finally {
    await dataSource.destroy();
  }
}

/** Reads the migration command from argv (`run` by default). */
export function migrationCommandFromArgs(argv: readonly string[]): 'run' | 'revert' | 'show' {
  const command = argv[2] ?? 'run';
  if (command === 'run' || command === 'revert' || command === 'show') return command;
  throw new Error(`unknown migration command "${command}" (expected run, revert or show)`);
}
