import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';

import { field } from './config-fields.js';
import { loadConfig } from './config-loader.js';
import { secret } from './config-secrets.js';
import { EXIT_CONFIG, exitOnInvalidConfig, type ConfigExitIo } from './exit-on-invalid-config.js';

class ExitCalled extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

function fakeIo(): ConfigExitIo & { written: string[] } {
  const written: string[] = [];
  return {
    written,
    writeError: (text) => written.push(text),
    exit: (code) => {
      throw new ExitCalled(code);
    },
  };
}

const schema = z.object({ PORT: field.port(), DATABASE_URL: secret(field.url(['postgres'])) });

describe('exitOnInvalidConfig', () => {
  it('returns the config when it is valid', () => {
    const io = fakeIo();
    const config = exitOnInvalidConfig(
      'referrals',
      () => loadConfig(schema, { PORT: '1', DATABASE_URL: 'postgres://h/d' }),
      io,
    );
    expect(config.PORT).toBe(1);
    expect(io.written).toEqual([]);
  });

  it('writes one message with every problem and exits with EX_CONFIG', () => {
    const io = fakeIo();
    const run = () =>
      exitOnInvalidConfig(
        'referrals',
        () => loadConfig(schema, { PORT: 'x', DATABASE_URL: 'http://u:pw@h' }),
        io,
      );

    expect(run).toThrow(new ExitCalled(EXIT_CONFIG));
    expect(EXIT_CONFIG).toBe(78);
    expect(io.written).toEqual([
      'referrals: invalid configuration\n' +
        '  PORT: must be a port number from 0 to 65535 (got "x")\n' +
        '  DATABASE_URL: must be a URL starting with postgres:// and naming a host (got "***")\n',
    ]);
  });

  it('rethrows errors that are not configuration errors', () => {
    const io = fakeIo();
    const bug = new TypeError('boom');
    expect(() =>
      exitOnInvalidConfig(
        'referrals',
        () => {
          throw bug;
        },
        io,
      ),
    ).toThrow(bug);
    expect(io.written).toEqual([]);
  });
});
