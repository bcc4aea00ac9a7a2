import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';

import {
  baseConfigShape,
  databaseConfigShape,
  type BaseConfig,
  type DatabaseConfig,
} from './base-config.schema.js';
import { field } from './config-fields.js';
import { describeConfig, loadConfig } from './config-loader.js';
import { secret } from './config-secrets.js';
import { ConfigValidationError, UnknownConfigError } from './config.errors.js';

const schema = z.object({
  ...baseConfigShape,
  ...databaseConfigShape,
  JWT_SIGNING_KEY: secret(field.text()),
  FEATURE_ENABLED: field.boolean().default(false),
  BATCH_SIZE: field.positiveInt().default(100),
  POLL_INTERVAL_MS: field.durationMs().default(500),
  MODE: field.oneOf(['strict', 'lenient']).default('strict'),
  SUBGRAPH_URL: field.url(['http', 'https']).optional(),
});

const validEnv = {
  HOSTED_COUNTRIES: 'KH,TH',
  DATABASE_URL: 'postgres://passage:hunter2@127.0.0.1:5432/passage',
  JWT_SIGNING_KEY: 'very-secret-key',
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(schema, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect((error as ConfigValidationError).code).toBe('CONFIG_INVALID');
    return (error as ConfigValidationError).message.split('\n');
  }
  throw new Error('expected the config to be rejected');
}

describe('loadConfig', () => {
  it('applies defaults and returns typed values', () => {
    const config = loadConfig(schema, validEnv);

    expect(config).toEqual({
      NODE_ENV: 'development',
      NODE_ID: 'local',
      HOSTED_COUNTRIES: ['KH', 'TH'],
      PORT: 3000,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      KAFKA_BROKERS: ['127.0.0.1:9092'],
      KAFKA_CLIENT_ID: 'passage',
      SHUTDOWN_GRACE_MS: 10_000,
      DATABASE_URL: validEnv.DATABASE_URL,
      JWT_SIGNING_KEY: 'very-secret-key',
      FEATURE_ENABLED: false,
      BATCH_SIZE: 100,
      POLL_INTERVAL_MS: 500,
      MODE: 'strict',
    });
    // Compile-time checks that the object is typed, not a bag of strings.
    const port: number = config.PORT;
    const countries: string[] = config.HOSTED_COUNTRIES;
    const enabled: boolean = config.FEATURE_ENABLED;
    const env: 'development' | 'test' | 'production' = config.NODE_ENV;
    expect([port, countries, enabled, env]).toHaveLength(4);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('parses every field kind from its string form', () => {
    const config = loadConfig(schema, {
      ...validEnv,
      NODE_ENV: 'production',
      NODE_ID: 'kh-node-1',
      PORT: ' 4001 ',
      KAFKA_BROKERS: 'kafka-1:9092, [::1]:9093',
      SHUTDOWN_GRACE_MS: '30s',
      FEATURE_ENABLED: 'YES',
      POLL_INTERVAL_MS: '2m',
      MODE: 'lenient',
      SUBGRAPH_URL: 'http://127.0.0.1:4002/graphql',
    });

    expect(config).toMatchObject({
      NODE_ENV: 'production',
      NODE_ID: 'kh-node-1',
      PORT: 4001,
      KAFKA_BROKERS: ['kafka-1:9092', '[::1]:9093'],
      SHUTDOWN_GRACE_MS: 30_000,
      FEATURE_ENABLED: true,
      POLL_INTERVAL_MS: 120_000,
      MODE: 'lenient',
      SUBGRAPH_URL: 'http://127.0.0.1:4002/graphql',
    });
  });

  it('treats an empty variable as not set, so the default applies', () => {
    expect(loadConfig(schema, { ...validEnv, PORT: '', LOG_LEVEL: '  ' })).toMatchObject({
      PORT: 3000,
      LOG_LEVEL: 'info',
    });
  });

  it('reports every invalid variable together, one per line', () => {
    const lines = problemsOf({
      NODE_ENV: 'staging',
      NODE_ID: 'KH_Node',
      HOSTED_COUNTRIES: 'KH,th',
      PORT: '70000',
      LOG_LEVEL: 'loud',
      KAFKA_BROKERS: 'kafka-1',
      SHUTDOWN_GRACE_MS: 'soon',
      FEATURE_ENABLED: 'maybe',
      BATCH_SIZE: '0',
      SUBGRAPH_URL: 'ftp://example.org',
    });

    expect(lines).toEqual([
      'NODE_ENV: must be one of development, test, production (got "staging")',
      'NODE_ID: must be a lower-case letter, then up to 30 lower-case letters, digits or dashes (got "KH_Node")',
      'HOSTED_COUNTRIES: item 2 "th" must be the two-letter upper-case code of a country of the region, e.g. KH (got "KH,th")',
      'PORT: must be a port number from 0 to 65535 (got "70000")',
      'LOG_LEVEL: must be one of trace, debug, info, warn, error, fatal, silent (got "loud")',
      'KAFKA_BROKERS: item 1 "kafka-1" must be host:port, e.g. 127.0.0.1:9092 (got "kafka-1")',
      expect.stringMatching(/^SHUTDOWN_GRACE_MS: must be a duration in milliseconds.* \(got "soon"\)$/),
      'DATABASE_URL: is required (not set)',
      'JWT_SIGNING_KEY: is required (not set)',
      expect.stringMatching(/^FEATURE_ENABLED: must be true or false.* \(got "maybe"\)$/),
      'BATCH_SIZE: must be a positive whole number (got "0")',
      'SUBGRAPH_URL: must be a URL starting with http:// or https:// and naming a host (got "ftp://example.org")',
    ]);
  });

  it('masks secret values in the error message', () => {
    const error = captureError(() =>
      loadConfig(schema, { ...validEnv, DATABASE_URL: 'mysql://root:hunter2@db/x', JWT_SIGNING_KEY: '   ' }),
    );

    expect(error.message).toContain(
      'DATABASE_URL: must be a URL starting with postgres:// or postgresql:// and naming a host (got "***")',
    );
    expect(error.message).toContain('JWT_SIGNING_KEY: is required (not set)');
    expect(error.message).not.toContain('hunter2');
  });

  it('masks variables whose name looks secret even when the schema did not mark them', () => {
    const loose = z.object({
      SMTP_PASSWORD: field.text({ regex: /^.{12,}$/, expected: 'at least 12 characters' }),
    });
    const error = captureError(() => loadConfig(loose, { SMTP_PASSWORD: 'short' }));

    expect(error.message).toBe('SMTP_PASSWORD: must be at least 12 characters (got "***")');
  });

  it('withholds item values of a secret list', () => {
    const lists = z.object({
      API_TOKENS: secret(field.list(field.text({ regex: /^tk_/, expected: 'a tk_ token' }))),
    });
    const error = captureError(() => loadConfig(lists, { API_TOKENS: 'tk_a,leaked-one' }));

    expect(error.message).toBe('API_TOKENS: item 2 must be a tk_ token (got "***")');
  });

  it('keeps a hostile value on one line', () => {
    const lines = problemsOf({ ...validEnv, NODE_ID: 'a\nFAKE_VAR: injected' });
    expect(lines).toEqual([
      'NODE_ID: must be a lower-case letter, then up to 30 lower-case letters, digits or dashes (got "a\\nFAKE_VAR: injected")',
    ]);
  });

  it('rejects a country listed twice and a list with no items', () => {
    expect(problemsOf({ ...validEnv, HOSTED_COUNTRIES: 'KH,KH' })).toEqual([
      'HOSTED_COUNTRIES: lists a country twice (got "KH,KH")',
    ]);
    expect(problemsOf({ ...validEnv, HOSTED_COUNTRIES: ' , ' })).toEqual([
      'HOSTED_COUNTRIES: must list at least one item (got ",")',
    ]);
  });

  it('reads only the variables the schema names', () => {
    const config = loadConfig(schema, { ...validEnv, UNRELATED: 'x' });
    expect(config).not.toHaveProperty('UNRELATED');
  });
});

describe('describeConfig', () => {
  it('replaces secret values by *** and keeps the rest', () => {
    const described = describeConfig(loadConfig(schema, validEnv));

    expect(described).toMatchObject({
      DATABASE_URL: '***',
      JWT_SIGNING_KEY: '***',
      HOSTED_COUNTRIES: ['KH', 'TH'],
      PORT: 3000,
    });
    expect(JSON.stringify(described)).not.toMatch(/hunter2|very-secret-key/);
  });

  it('leaves an unset optional secret visible as unset', () => {
    const optional = z.object({ DATABASE_URL: secret(field.url(['postgres'])).optional() });
    expect(describeConfig(loadConfig(optional, {}))).toEqual({ DATABASE_URL: undefined });
    expect(describeConfig(loadConfig(optional, { DATABASE_URL: 'postgres://u:p@h/d' }))).toEqual({
      DATABASE_URL: '***',
    });
  });

  it('refuses an object that loadConfig did not return', () => {
    const config = loadConfig(schema, validEnv);
    expect(() => describeConfig({ ...config })).toThrow(UnknownConfigError);
  });
});

function captureError(fn: () => unknown): ConfigValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigValidationError) return error;
    throw error;
  }
  throw new Error('expected a ConfigValidationError');
}

describe('BaseConfig and DatabaseConfig types', () => {
  it('describe what loadConfig returns for the shared shapes', () => {
    const config: BaseConfig & DatabaseConfig = loadConfig(
      z.object({ ...baseConfigShape, ...databaseConfigShape }),
      validEnv,
    );
    const grace: number = config.SHUTDOWN_GRACE_MS;
    const url: string = config.DATABASE_URL;
    expect([grace, url]).toEqual([10_000, validEnv.DATABASE_URL]);
  });
});
