import { z } from 'zod';

import { field } from './config-fields.js';
import { secret } from './config-secrets.js';

/** Log levels accepted by `LOG_LEVEL`, from the noisiest to none at all. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

/** The level type shared by config and logging. */
export type LogLevelName = (typeof LOG_LEVELS)[number];

/**
 * Variables every Passage service reads. Spread it into the app's own schema and override a field to
 * change its default: `z.object({ ...baseConfigShape, PORT: field.port().default(4001), ... })`.
 */
export const baseConfigShape = {
  NODE_ENV: field.oneOf(['development', 'test', 'production']).default('development'),
  /** Names this deployment among the country nodes; appears in logs, metrics and event producers. */
  NODE_ID: field
    .text({
      regex: /^[a-z][a-z0-9-]{0,30}$/,
      expected: 'a lower-case letter, then up to 30 lower-case letters, digits or dashes',
    })
    .default('local'),
  /** The countries whose data this node keeps, e.g. `KH,TH`. Required: there is no safe default. */
  HOSTED_COUNTRIES: field.countryCodes(),
  PORT: field.port().default(3000),
  /** Interface to listen on: loopback by default so a development node is never exposed by accident; 0.0.0.0 in a container. */
  HOST: field.text().default('127.0.0.1'),
  LOG_LEVEL: field.oneOf(LOG_LEVELS).default('info'),
  KAFKA_BROKERS: field.list(field.hostPort()).default(['127.0.0.1:9092']),
  KAFKA_CLIENT_ID: field.text().default('passage'),
  /** How long a shutdown may take before the process is forced to exit. */
  SHUTDOWN_GRACE_MS: field.durationMs().default(10_000),
};

/** Variables of a service that owns a Postgres database. */
export const databaseConfigShape = {
  /** Secret: a connection URL may carry the password. */
  DATABASE_URL: secret(field.url(['postgres', 'postgresql'])),
};

/**
 * Variables of a service's migration runner: its database, as the owner of the schema, and the role the
 * service itself connects as, which the run creates if missing and grants its rights (ADR 026).
 */
export const migrationConfigShape = {
  ...databaseConfigShape,
  DATABASE_SERVICE_ROLE: field
    .text({ regex: /^[a-z][a-z0-9_]{0,62}$/, expected: 'a role name of lower-case letters, digits and _' })
    .optional(),
};

/** The typed result of {@link baseConfigShape}. */
export type BaseConfig = Readonly<z.output<z.ZodObject<typeof baseConfigShape>>>;

/** The typed result of {@link databaseConfigShape}. */
export type DatabaseConfig = Readonly<z.output<z.ZodObject<typeof databaseConfigShape>>>;
