import 'reflect-metadata';
import { exitOnInvalidConfig, migrationCommandFromArgs, runMigrationCommand } from '@passage/shared';
import { loadIdentityMigrationConfig } from './config/index.js';
import { createIdentityDataSource } from './database/index.js';

const config = exitOnInvalidConfig('identity migrations', loadIdentityMigrationConfig);
await runMigrationCommand(
  'identity',
  createIdentityDataSource(config.DATABASE_URL),
  migrationCommandFromArgs(process.argv),
  { serviceRole: config.DATABASE_SERVICE_ROLE },
);
