import { z } from 'zod';
import {
  baseConfigShape,
  databaseConfigShape,
  migrationConfigShape,
  field,
  loadConfig,
  secret,
  type LoadedConfig,
} from '@passage/shared';

const identityConfigSchema = z.object({
  ...baseConfigShape,
  ...databaseConfigShape,
  PORT: field.port().default(4001),
  SERVICE_NAME: field.text().default('identity'),
  /** 32 random bytes (base64url) sealing TOTP secrets and token-signing keys at rest. */
  IDENTITY_SECRET_KEY: secret(
    field.text({ regex: /^[A-Za-z0-9_-]{43}$/, expected: '32 random bytes in base64url (43 characters)' }),
  ),
  /** Access tokens are verified without calling identity, so they stay short-lived. */
  ACCESS_TOKEN_TTL_MS: field.durationMs().default(600_000),
  /** A refresh token unused for this long expires; each use issues a new one. */
  REFRESH_TOKEN_TTL_MS: field.durationMs().default(12 * 3600_000),
  /** However often it is refreshed, a session ends after this and the person signs in again. */
  SESSION_MAX_AGE_MS: field.durationMs().default(7 * 24 * 3600_000),
  /** How long a one-time enrolment link (new account, or a reset) stays usable. */
  ENROLMENT_LINK_TTL_MS: field.durationMs().default(72 * 3600_000),
  /**
   * Sign-in and refresh requests allowed per client address and per account address in each window,
   * counted in this database across instances (ADR 023). An office behind one address and the end-to-end
   * tests (every persona signing in from 127.0.0.1, many times) stay well within them; a password
   * sprayer across accounts does not.
   */
  RATE_LIMIT_WINDOW_SECONDS: field.positiveInt().default(900),
  SIGN_IN_LIMIT_PER_ADDRESS: field.positiveInt().default(300),
  SIGN_IN_LIMIT_PER_ACCOUNT: field.positiveInt().default(60),
  REFRESH_LIMIT_PER_ADDRESS: field.positiveInt().default(600),
  /** A new token-signing key is made when the current one is older than this. */
  SIGNING_KEY_ROTATION_MS: field.durationMs().default(30 * 24 * 3600_000),
});

export type IdentityConfig = LoadedConfig<typeof identityConfigSchema>;

/** Reads and validates the identity service's environment; the only place it reads `process.env`. */
export function loadIdentityConfig(): IdentityConfig {
  return loadConfig(identityConfigSchema);
}

/** Injection token of the loaded {@link IdentityConfig}. */
export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');

const identityMigrationConfigSchema = z.object({ ...migrationConfigShape });

/** The migration runner needs the database and nothing else. */
export function loadIdentityMigrationConfig(): LoadedConfig<typeof identityMigrationConfigSchema> {
  return loadConfig(identityMigrationConfigSchema);
}
