import type { LoggerService, LogLevel } from '@nestjs/common';
import type { Level, Logger } from 'pino';

/** Nest's level names mapped to pino's, most verbose first so the lowest enabled one can be picked. */
const NEST_TO_PINO: ReadonlyArray<readonly [LogLevel, Level]> = [
  ['verbose', 'trace'],
  ['debug', 'debug'],
  ['log', 'info'],
  ['warn', 'warn'],
  ['error', 'error'],
  ['fatal', 'fatal'],
];

/** A stack trace as Nest passes it to `error()`: a string with `at` frames. */
const STACK_TRACE = /\n\s+at /;

/**
 * Nest's `LoggerService` over pino, so the framework's own messages (routes mapped, exceptions,
 * shutdown) come out as the same JSON lines as the app's. Pass it to
 * `NestFactory.create(AppModule, { bufferLogs: true })` then `app.useLogger(logger)`, and use Nest's
 * `Logger` class in services as usual: it delegates here.
 *
 * Nest's calling convention is followed: the last string argument is the context (the class name,
 * written as `context`), and `error()` may receive a stack before it.
 */
export class PassageLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  /** The underlying pino logger, for code that wants structured fields (`logger.pino.info({ caseId }, 'closed')`). */
  get pino(): Logger {
    return this.logger;
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    const rest = [...params];
    const context = takeContext(rest, 2);
    const stack =
      typeof rest[0] === 'string' && (rest.length > 1 || STACK_TRACE.test(rest[0]))
        ? (rest.shift() as string)
        : undefined;
    this.write('error', message, rest, context, stack);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest enables a set of levels; pino has one threshold, so the most verbose enabled level wins. */
  setLogLevels(levels: LogLevel[]): void {
    const lowest = NEST_TO_PINO.find(([nest]) => levels.includes(nest));
    this.logger.level = lowest ? lowest[1] : 'silent';
  }

  private write(level: Level, message: unknown, params: unknown[], context?: string, stack?: string): void {
    if (!this.logger.isLevelEnabled(level)) return;
    // Nest passes `undefined` for a missing stack; it says nothing.
    const rest = params.filter((param) => param !== undefined);
    const fields: Record<string, unknown> = {};
    const ownContext = context ?? takeContext(rest, 1);
    if (ownContext !== undefined) fields['context'] = ownContext;
    if (stack !== undefined) fields['stack'] = stack;
    if (rest.length > 0) fields['args'] = rest;

    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...message });
    } else {
      this.logger[level](fields, String(message));
    }
  }
}

/**
 * Removes and returns the trailing context string, as Nest's `Logger` appends it. With `minLength`
 * 2 (for `error(message, stack, context)`) a lone string is left alone unless it cannot be a stack.
 */
function takeContext(params: unknown[], minLength: number): string | undefined {
  const last = params.at(-1);
  if (typeof last !== 'string') return undefined;
  if (params.length < minLength && STACK_TRACE.test(last)) return undefined;
  params.pop();
  return last;
}
