import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';

import { describe, expect, it } from '@jest/globals';

import { RequestContext } from './request-context.js';

describe('RequestContext', () => {
  it('is empty outside any run', () => {
    expect(RequestContext.current()).toBeUndefined();
    expect(RequestContext.correlationId()).toBeUndefined();
  });

  it('returns what the function returns', () => {
    expect(RequestContext.run({ correlationId: 'a' }, () => 42)).toBe(42);
  });

  it('follows the work across await, timers, callbacks and emitters', async () => {
    const seen: Array<string | undefined> = [];
    const emitter = new EventEmitter();

    await RequestContext.run({ correlationId: 'cid-1' }, async () => {
      seen.push(RequestContext.correlationId());
      await sleep(5);
      seen.push(RequestContext.correlationId());
      await new Promise<void>((resolve) =>
        setTimeout(() => {
          seen.push(RequestContext.correlationId());
          resolve();
        }, 1),
      );
      await new Promise<void>((resolve) => {
        queueMicrotask(() => {
          seen.push(RequestContext.correlationId());
          resolve();
        });
      });
      const fromEmitter = new Promise<void>((resolve) =>
        emitter.once('go', () => {
          seen.push(RequestContext.correlationId());
          resolve();
        }),
      );
      setImmediate(() => emitter.emit('go'));
      await fromEmitter;
    });

    expect(seen).toEqual(['cid-1', 'cid-1', 'cid-1', 'cid-1', 'cid-1']);
    expect(RequestContext.correlationId()).toBeUndefined();
  });

  it('keeps concurrent runs apart', async () => {
    const work = (id: string, delay: number) =>
      RequestContext.run({ correlationId: id }, async () => {
        await sleep(delay);
        return RequestContext.correlationId();
      });

    await expect(Promise.all([work('first', 20), work('second', 1), work('third', 10)])).resolves.toEqual([
      'first',
      'second',
      'third',
    ]);
  });

  it('lets an inner run shadow the outer one for its own duration only', () => {
    RequestContext.run({ correlationId: 'outer' }, () => {
      RequestContext.run({ correlationId: 'inner' }, () =>
        expect(RequestContext.correlationId()).toBe('inner'),
      );
      expect(RequestContext.correlationId()).toBe('outer');
    });
  });
});
