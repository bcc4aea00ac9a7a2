import { DataSource, type DataSourceOptions } from 'typeorm';
import { OrganisationEntity } from '../organisations/index.js';
import { EnrolmentLinkEntity, RoleGrantEntity, UserAccountEntity } from '../people/index.js';
import { RecoveryCodeEntity } from '../second-factor/index.js';
import { RefreshTokenEntity, SessionEntity } from '../sessions/index.js';
import { SigningKeyEntity } from '../signing-keys/index.js';
import { IDENTITY_MIGRATIONS } from './migrations/index.js';

/** Every table the identity service maps; listed explicitly (ESM has no glob loading). */
const IDENTITY_ENTITIES = [
  OrganisationEntity,
  UserAccountEntity,
  RoleGrantEntity,
  EnrolmentLinkEntity,
  RecoveryCodeEntity,
  SessionEntity,
  RefreshTokenEntity,
  SigningKeyEntity,
];

/** Connection settings of the identity database; schema changes only ever come from migrations. */
export function identityDataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: IDENTITY_ENTITIES,
    migrations: IDENTITY_MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    applicationName: 'passage-identity',
  };
}

export function createIdentityDataSource(databaseUrl: string): DataSource {
  return new DataSource(identityDataSourceOptions(databaseUrl));
}
