import { z } from 'zod';
import { baseConfigShape, databaseConfigShape, field, loadConfig, type LoadedConfig } from '@passage/shared';

const identityConfigSchema = z.object({
  ...baseConfigShape,
  ...databaseConfigShape,
  PORT: field.port().default(4001),
  SERVICE_NAME: field.text().default('identity'),
});

export type IdentityConfig = LoadedConfig<typeof identityConfigSchema>;

/** Reads and validates the identity service's environment; the only place it reads `process.env`. */
export function loadIdentityConfig(): IdentityConfig {
  return loadConfig(identityConfigSchema);
}

/** Injection token of the loaded {@link IdentityConfig}. */
export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');

const identityMigrationConfigSchema = z.object({ ...databaseConfigShape });

/** The migration runner needs the database and nothing else. */
export function loadIdentityMigrationConfig(): LoadedConfig<typeof identityMigrationConfigSchema> {
  return loadConfig(identityMigrationConfigSchema);
}
