import { spawn } from 'node:child_process';

/**
 * @typedef {object} CommandResult
 * @property {number | null} exitCode null when the process was killed by a signal or never started
 * @property {string} stdout
 * @property {string} stderr
 * @property {NodeJS.ErrnoException | null} spawnError set when the executable could not be started (ENOENT...)
 * @property {boolean} timedOut
 */

/**
 * Runs a command to completion and captures its output. Never throws: callers decide what a failure
 * means for them and word their own error.
 *
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd?: string, timeoutMs?: number, env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<CommandResult>}
 */
export function runCommand(command, args, options = {}) {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    /** @type {NodeJS.ErrnoException | null} */
    let spawnError = null;
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', (error) => {
      spawnError = error;
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode: spawnError ? null : exitCode, stdout, stderr, spawnError, timedOut });
    });
  });
}

/**
 * The last `count` non-empty lines of a command's combined output, for error messages.
 *
 * @param {CommandResult} result
 * @param {number} [count]
 * @returns {string}
 */
export function outputTail(result, count = 30) {
  const lines = `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => line.trim() !== '');
  return lines.slice(-count).join('\n');
}
