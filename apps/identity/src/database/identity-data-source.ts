import { DataSource, type DataSourceOptions } from 'typeorm';
import { IDENTITY_MIGRATIONS } from './migrations/index.js';

/** Connection settings of the identity database; schema changes only ever come from migrations. */
export function identityDataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: [],
    migrations: IDENTITY_MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    applicationName: 'passage-identity',
  };
}

export function createIdentityDataSource(databaseUrl: string): DataSource {
  return new DataSource(identityDataSourceOptions(databaseUrl));
}
