import { spawnSync } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';

/** A service started with a broken environment must refuse to start and say everything that is wrong at once. */
function startWith(service: string, env: Record<string, string>) {
  return spawnSync(process.execPath, [`apps/${service}/dist/main.js`], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

const BROKEN = {
  NODE_ENV: 'staging',
  NODE_ID: 'Node A',
  PORT: 'eighty',
  LOG_LEVEL: 'loud',
  HOSTED_COUNTRIES: 'kh,TH',
  KAFKA_BROKERS: 'no-port-here',
  DATABASE_URL: 'mysql://passage:hunter2@db.example/passage',
};

describe('services refuse an invalid configuration', () => {
  it.each([
    [
      'identity',
      [
        'NODE_ENV',
        'NODE_ID',
        'PORT',
        'LOG_LEVEL',
        'HOSTED_COUNTRIES',
        'KAFKA_BROKERS',
        'DATABASE_URL',
        'IDENTITY_SECRET_KEY',
      ],
    ],
    [
      'referrals',
      [
        'NODE_ENV',
        'NODE_ID',
        'PORT',
        'LOG_LEVEL',
        'HOSTED_COUNTRIES',
        'KAFKA_BROKERS',
        'DATABASE_URL',
        'EXCHANGE_TRUST_DIRECTORY',
        'EXCHANGE_KEYS_DIR',
        'IDENTITY_JWKS_URL',
        'ATTESTATION_KEY',
        'AUDIT_CHAIN_KEY',
      ],
    ],
    ['gateway', ['NODE_ENV', 'NODE_ID', 'PORT', 'LOG_LEVEL', 'KAFKA_BROKERS']],
  ])('%s exits with one message naming every invalid variable', (service, variables) => {
    const result = startWith(service, BROKEN);
    expect(result.status).toBe(78);
    const message = result.stderr;
    expect(message.startsWith(`${service}: invalid configuration\n`)).toBe(true);
    for (const variable of variables) expect(message).toMatch(new RegExp(`^\\s+${variable}: `, 'm'));
    expect(message.split('\n').filter((line) => /^\s+[A-Z_]+: /.test(line))).toHaveLength(variables.length);
    // The password in DATABASE_URL is a secret: never echoed. And no stack trace.
    expect(message).not.toContain('hunter2');
    expect(message).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });
});
