import 'reflect-metadata';
import { exitOnInvalidConfig, migrationCommandFromArgs, runMigrationCommand } from '@passage/shared';
import { loadReferralsMigrationConfig } from './platform/index.js';
import { createReferralsDataSource } from './database/index.js';

const config = exitOnInvalidConfig('referrals migrations', loadReferralsMigrationConfig);
await runMigrationCommand(
  'referrals',
  createReferralsDataSource(config.DATABASE_URL),
  migrationCommandFromArgs(process.argv),
  { serviceRole: config.DATABASE_SERVICE_ROLE },
);
