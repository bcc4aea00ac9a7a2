export { createIdentityDataSource, identityDataSourceOptions } from './identity-data-source.js';
export { IDENTITY_MIGRATIONS } from './migrations/index.js';
