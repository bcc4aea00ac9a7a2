import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';

const HAS_PROCFS = existsSync('/proc/self/stat');

/**
 * @typedef {object} ProcessInfo
 * @property {boolean} alive false for missing processes and for zombies (exited, not yet reaped)
 * @property {string[]} argv  the command line, empty when not alive or not readable
 */

/**
 * Looks a process up by pid. Zombies count as dead: in containers whose pid 1 does not reap orphans, an
 * exited broker stays a zombie forever and `kill(pid, 0)` would still call it alive.
 *
 * @param {number} pid
 * @returns {ProcessInfo}
 */
export function inspectProcess(pid) {
  if (!Number.isInteger(pid) || pid <= 0) {
    return { alive: false, argv: [] };
  }
  return HAS_PROCFS ? inspectWithProcfs(pid) : inspectWithPs(pid);
}

/**
 * True when the process runs the Kafka broker main class on a JVM.
 *
 * @param {ProcessInfo} info
 * @returns {boolean}
 */
export function isKafkaBrokerProcess(info) {
  const executable = basename(info.argv[0] ?? '');
  return (
    info.alive && (executable === 'java' || executable === 'java.exe') && info.argv.includes('kafka.Kafka')
  );
}

/**
 * Pids of live processes whose command line contains every one of `fragments` as an argument (Linux
 * only; elsewhere the list is empty). Used to find a broker whose pid file was lost.
 *
 * @param {readonly string[]} fragments
 * @returns {number[]}
 */
export function findProcessesWithArguments(fragments) {
  if (!HAS_PROCFS) {
    return [];
  }
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      const info = inspectProcess(pid);
      return info.alive && fragments.every((fragment) => info.argv.includes(fragment));
    });
}

/**
 * Sends SIGTERM, waits up to `graceMs` for the process to exit, then sends SIGKILL.
 *
 * @param {number} pid
 * @param {{ graceMs: number }} options
 * @returns {Promise<'already-gone' | 'terminated' | 'killed'>}
 */
export async function terminateProcess(pid, { graceMs }) {
  if (!signal(pid, 'SIGTERM')) {
    return 'already-gone';
  }
  if (await waitForExit(pid, graceMs)) {
    return 'terminated';
  }
  signal(pid, 'SIGKILL');
  await waitForExit(pid, 10000);
  return 'killed';
}

/**
 * @param {number} pid
 * @param {number} timeoutMs
 * @returns {Promise<boolean>} true once the process is gone
 */
export async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (inspectProcess(pid).alive) {
    if (Date.now() >= deadline) {
      return false;
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return true;
}

/**
 * @param {number} pid
 * @param {NodeJS.Signals} name
 * @returns {boolean} false when the process no longer exists
 */
function signal(pid, name) {
  try {
    process.kill(pid, name);
    return true;
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ESRCH') {
      return false;
    }
    throw error;
  }
}

/** @param {number} pid @returns {ProcessInfo} */
function inspectWithProcfs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state letter follows the parenthesised command name, which may itself contain spaces or ')'.
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') {
      return { alive: false, argv: [] };
    }
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .filter((arg) => arg !== '');
    return { alive: true, argv };
  } catch {
    return { alive: false, argv: [] };
  }
}

/** @param {number} pid @returns {ProcessInfo} */
function inspectWithPs(pid) {
  const result = spawnSync('ps', ['-o', 'stat=,command=', '-p', String(pid)], { encoding: 'utf8' });
  const line = (result.stdout ?? '').trim();
  if (result.status !== 0 || line === '' || line.startsWith('Z')) {
    return { alive: false, argv: [] };
  }
  // ps joins arguments with spaces; good enough to recognise java and the main class.
  return { alive: true, argv: line.split(/\s+/).slice(1) };
}
