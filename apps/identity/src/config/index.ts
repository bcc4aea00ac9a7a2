export {
  IDENTITY_CONFIG,
  loadIdentityConfig,
  loadIdentityMigrationConfig,
  type IdentityConfig,
} from './identity.config.js';
