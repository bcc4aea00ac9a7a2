import { DataSource, type DataSourceOptions } from 'typeorm';
import { CASE_WORK_ENTITIES } from '../case-work/index.js';
import { REPATRIATION_ENTITIES } from '../repatriation/index.js';
import { REFERRALS_MIGRATIONS } from './migrations/index.js';

/** Connection settings of the referrals database; schema changes only ever come from migrations. */
export function referralsDataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: [...CASE_WORK_ENTITIES, ...REPATRIATION_ENTITIES],
    migrations: REFERRALS_MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    applicationName: 'passage-referrals',
  };
}

export function createReferralsDataSource(databaseUrl: string): DataSource {
  return new DataSource(referralsDataSourceOptions(databaseUrl));
}
