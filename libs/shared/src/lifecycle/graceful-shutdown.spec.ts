import { EventEmitter } from 'node:events';

import { describe, expect, it, jest, afterEach } from '@jest/globals';
import type { INestApplicationContext, LoggerService } from '@nestjs/common';

import { installGracefulShutdown, type ShutdownProcess } from './graceful-shutdown.js';

class FakeProcess extends EventEmitter implements ShutdownProcess {
  readonly exits: number[] = [];
  exit(code: number): void {
    this.exits.push(code);
  }
}

function fakeLogger(): LoggerService & { messages: string[] } {
  const messages: string[] = [];
  return {
    messages,
    log: (message: string) => messages.push(`log: ${message}`),
    error: (message: string) => messages.push(`error: ${message}`),
    warn: (message: string) => messages.push(`warn: ${message}`),
  };
}

function fakeApp(
  close: () => Promise<void>,
): INestApplicationContext & { close: jest.Mock<(signal?: string) => Promise<void>> } {
  return { close: jest.fn(close) } as unknown as INestApplicationContext & {
    close: jest.Mock<(signal?: string) => Promise<void>>;
  };
}

afterEach(() => {
  jest.useRealTimers();
});

describe('installGracefulShutdown', () => {
  it('closes the app once on SIGTERM, passes the signal, logs start and end, exits 0', async () => {
    const proc = new FakeProcess();
    const logger = fakeLogger();
    const app = fakeApp(async () => undefined);
    const handle = installGracefulShutdown(app, { graceMs: 1_000, logger, process: proc });

    proc.emit('SIGTERM', 'SIGTERM');
    proc.emit('SIGINT', 'SIGINT');
    proc.emit('SIGTERM', 'SIGTERM');
    await handle.shutdown('SIGTERM');

    expect(app.close).toHaveBeenCalledTimes(1);
    expect(app.close).toHaveBeenCalledWith('SIGTERM');
    expect(proc.exits).toEqual([0]);
    expect(logger.messages).toEqual([
      'log: Shutdown started by SIGTERM; allowing 1000ms',
      expect.stringMatching(/^log: Shutdown finished in \d+ms$/),
    ]);
  });

  it('forces exit 1 when closing takes longer than the grace period', async () => {
    jest.useFakeTimers();
    const proc = new FakeProcess();
    const logger = fakeLogger();
    const app = fakeApp(() => new Promise<void>(() => undefined));
    const handle = installGracefulShutdown(app, { graceMs: 500, logger, process: proc });

    void handle.shutdown('SIGINT');
    jest.advanceTimersByTime(499);
    expect(proc.exits).toEqual([]);
    jest.advanceTimersByTime(1);

    expect(proc.exits).toEqual([1]);
    expect(logger.messages).toContain('error: Shutdown did not finish within 500ms; forcing exit');
  });

  it('exits 1 and logs when closing fails', async () => {
    const proc = new FakeProcess();
    const logger = fakeLogger();
    const app = fakeApp(async () => {
      throw new Error('relay flush failed');
    });

    await installGracefulShutdown(app, { graceMs: 1_000, logger, process: proc }).shutdown('SIGTERM');

    expect(proc.exits).toEqual([1]);
    expect(logger.messages).toContain('error: Shutdown failed: relay flush failed');
  });

  it('stops listening when uninstalled', () => {
    const proc = new FakeProcess();
    const app = fakeApp(async () => undefined);
    installGracefulShutdown(app, { graceMs: 1_000, logger: fakeLogger(), process: proc }).uninstall();

    expect(proc.listenerCount('SIGTERM')).toBe(0);
    expect(proc.listenerCount('SIGINT')).toBe(0);
  });
});
