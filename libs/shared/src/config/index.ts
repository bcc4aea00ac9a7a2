export { ConfigValidationError, UnknownConfigError, type ConfigProblem } from './config.errors.js';
export { secret, isSecretField } from './config-secrets.js';
export { field } from './config-fields.js';
export { loadConfig, describeConfig, type EnvSource, type LoadedConfig } from './config-loader.js';
export {
  baseConfigShape,
  databaseConfigShape,
  migrationConfigShape,
  LOG_LEVELS,
  type LogLevelName,
  type BaseConfig,
  type DatabaseConfig,
} from './base-config.schema.js';
export { exitOnInvalidConfig, EXIT_CONFIG, type ConfigExitIo } from './exit-on-invalid-config.js';
