import { ConfigValidationError } from './config.errors.js';

/** Exit status for a configuration error, from BSD's sysexits.h (EX_CONFIG). */
export const EXIT_CONFIG = 78;

/** The process operations {@link exitOnInvalidConfig} uses; tests pass fakes. */
export interface ConfigExitIo {
  writeError(text: string): void;
  exit(code: number): never;
}

const processIo: ConfigExitIo = {
  writeError: (text) => process.stderr.write(text),
  exit: (code) => process.exit(code),
};

/**
 * Runs `load` (normally `() => loadConfig(schema)`) at the top of an app's main.ts. On a
 * {@link ConfigValidationError} it writes one message, `<service>: invalid configuration` followed by
 * every problem, to stderr and exits with {@link EXIT_CONFIG}: a stack trace would only hide the list
 * an operator needs. Any other error is a bug and is rethrown as is.
 */
export function exitOnInvalidConfig<T>(service: string, load: () => T, io: ConfigExitIo = processIo): T {
  try {
    return load();
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    const lines = error.message.split('\n').map((line) => `  ${line}`);
    io.writeError(`${service}: invalid configuration\n${lines.join('\n')}\n`);
    return io.exit(EXIT_CONFIG);
  }
}
