import 'reflect-metadata';
import { exitOnInvalidConfig, migrationCommandFromArgs, runMigrationCommand } from '@passage/shared';
import { loadIdentityMigrationConfig } from './config/identity.config.js';
import { createIdentityDataSource } from './database/identity-data-source.js';

const config = exitOnInvalidConfig('identity migrations', loadIdentityMigrationConfig);
await runMigrationCommand(
  'identity',
  createIdentityDataSource(config.DATABASE_URL),
  migrationCommandFromArgs(process.argv),
);
