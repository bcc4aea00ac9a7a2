import { DataSource, type DataSourceOptions } from 'typeorm';
import { RecoveryCodeEntity } from '../mfa/entities/recovery-code.entity.js';
import { OrganisationEntity } from '../organisation/entities/organisation.entity.js';
import { RefreshTokenEntity } from '../session/entities/refresh-token.entity.js';
import { SessionEntity } from '../session/entities/session.entity.js';
import { SigningKeyEntity } from '../signing-key/entities/signing-key.entity.js';
import { UserAccountEntity } from '../user/entities/user-account.entity.js';
import { IDENTITY_MIGRATIONS } from './migrations/index.js';

/** Every table the identity service maps; listed explicitly (ESM has no glob loading). */
export const IDENTITY_ENTITIES = [
  OrganisationEntity,
  UserAccountEntity,
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
