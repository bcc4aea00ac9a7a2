import { Writable } from 'node:stream';

import { describe, expect, it } from '@jest/globals';

import { createLogger } from './logger.factory.js';
import { REDACTED } from './log-redaction.js';
import { PassageLogger } from './passage-logger.js';
import { RequestContext } from './request-context.js';

/** Collects what pino writes, one parsed JSON object per line. */
class CapturedLines extends Writable {
  readonly raw: string[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.raw.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line !== ''),
    );
    done();
  }

  get lines(): Array<Record<string, unknown>> {
    return this.raw.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

function setup(level: 'info' | 'trace' = 'info') {
  const out = new CapturedLines();
  const pino = createLogger({ service: 'referrals', nodeId: 'kh-1', level, destination: out });
  return { out, pino, nest: new PassageLogger(pino) };
}

describe('createLogger', () => {
  it('writes one JSON object per line with the fixed fields', () => {
    const { out, pino } = setup();
    pino.info('started');

    expect(out.lines).toEqual([
      {
        level: 'info',
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        service: 'referrals',
        node: 'kh-1',
        msg: 'started',
      },
    ]);
  });

  it('adds the correlation id of the current request', async () => {
    const { out, pino } = setup();
    await RequestContext.run({ correlationId: 'c0ffee00-0000-4000-8000-000000000001' }, async () => {
      await Promise.resolve();
      pino.info('inside');
    });
    pino.info('outside');

    expect(out.lines[0]).toMatchObject({
      msg: 'inside',
      correlationId: 'c0ffee00-0000-4000-8000-000000000001',
    });
    expect(out.lines[1]).not.toHaveProperty('correlationId');
  });

  it('redacts secrets and personal data at the top and nested', () => {
    const { out, pino } = setup();
    pino.info(
      {
        password: 'hunter2',
        user: { id: 'u-1', password: 'hunter3', email: 'a@example.org' },
        req: { headers: { authorization: 'Bearer abc', cookie: 'sid=1', 'set-cookie': 'sid=2' } },
        event: { id: 'e-1', payload: { fullName: 'A Person' } },
      },
      'login',
    );

    const line = out.lines[0]!;
    expect(line).toMatchObject({
      password: REDACTED,
      user: { id: 'u-1', password: REDACTED, email: REDACTED },
      req: { headers: { authorization: REDACTED, cookie: REDACTED, 'set-cookie': REDACTED } },
      event: { id: 'e-1', payload: REDACTED },
    });
    expect(out.raw[0]).not.toMatch(/hunter|Bearer abc|sid=|A Person|example\.org/);
  });
});

describe('PassageLogger', () => {
  it('writes Nest messages as JSON with their context', () => {
    const { out, nest } = setup();
    nest.log('Mapped {/health/live, GET} route', 'RouterExplorer');
    nest.warn('slow');

    expect(out.lines).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'Mapped {/health/live, GET} route',
        context: 'RouterExplorer',
        service: 'referrals',
      }),
      expect.objectContaining({ level: 'warn', msg: 'slow' }),
    ]);
    expect(out.lines[1]).not.toHaveProperty('context');
  });

  it('keeps the stack and context of error() apart', () => {
    const { out, nest } = setup();
    const stack = 'Error: boom\n    at handler (file.ts:1:1)';
    nest.error('boom', stack, 'ExceptionsHandler');
    nest.error('no stack', 'SomeService');
    nest.error(new Error('thrown'));

    expect(out.lines[0]).toMatchObject({ level: 'error', msg: 'boom', stack, context: 'ExceptionsHandler' });
    expect(out.lines[1]).toMatchObject({ level: 'error', msg: 'no stack', context: 'SomeService' });
    expect(out.lines[1]).not.toHaveProperty('stack');
    expect(out.lines[2]).toMatchObject({
      level: 'error',
      msg: 'thrown',
      err: { type: 'Error', message: 'thrown' },
    });
  });

  it('redacts object messages too', () => {
    const { out, nest } = setup();
    nest.log({ msg: 'config', token: 'abc' }, 'Bootstrap');
    expect(out.lines[0]).toMatchObject({ msg: 'config', token: REDACTED, context: 'Bootstrap' });
  });

  it('maps Nest levels onto the pino threshold', () => {
    const { out, nest } = setup('trace');
    nest.setLogLevels(['error', 'warn']);
    nest.log('hidden');
    nest.debug('hidden');
    nest.warn('shown');
    nest.setLogLevels(['verbose', 'log']);
    nest.verbose('shown too');

    expect(out.lines.map((line) => [line['level'], line['msg']])).toEqual([
      ['warn', 'shown'],
      ['trace', 'shown too'],
    ]);
  });
});
