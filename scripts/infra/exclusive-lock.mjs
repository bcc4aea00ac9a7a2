import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { InfraError } from './infra-error.mjs';
import { inspectProcess } from './process-control.mjs';

const POLL_MS = 250;
/** A lock file still empty after this long belongs to a process that died between create and write. */
const EMPTY_LOCK_GRACE_MS = 5000;

/**
 * Runs `work` while holding an exclusive lock file, so two commands started at the same time (two
 * terminals, a test and a terminal) cannot both start a broker. The lock holds the owner's pid; a lock
 * whose owner is dead is stale and taken over.
 *
 * @template T
 * @param {string} lockPath
 * @param {() => Promise<T>} work
 * @param {{ timeoutMs: number, log?: (line: string) => void, purpose: string }} options
 * @returns {Promise<T>}
 * @throws {InfraError} `LOCK_TIMEOUT` when another live process keeps the lock for longer than `timeoutMs`
 */
export async function withExclusiveLock(lockPath, work, { timeoutMs, log = () => {}, purpose }) {
  await acquire(lockPath, { timeoutMs, log, purpose });
  try {
    return await work();
  } finally {
    release(lockPath);
  }
}

/**
 * @param {string} lockPath
 * @param {{ timeoutMs: number, log: (line: string) => void, purpose: string }} options
 */
async function acquire(lockPath, { timeoutMs, log, purpose }) {
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  for (;;) {
    try {
      const fd = openSync(lockPath, 'wx');
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      return;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') {
        throw error;
      }
    }
    const owner = readOwner(lockPath);
    if (owner.stale) {
      removeIfUnchanged(lockPath, owner.content);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new InfraError(
        'LOCK_TIMEOUT',
        `Another process (pid ${owner.pid}) has been holding ${lockPath} for more than ${Math.round(timeoutMs / 1000)} s ` +
          `while ${purpose}. Wait for it to finish, or stop it and run the command again.`,
      );
    }
    if (!announced) {
      log(`waiting for another infra command (pid ${owner.pid}) that is ${purpose}`);
      announced = true;
    }
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

/**
 * @param {string} lockPath
 * @returns {{ stale: boolean, pid: number | null, content: string | null }}
 */
function readOwner(lockPath) {
  let content;
  let ageMs;
  try {
    content = readFileSync(lockPath, 'utf8');
    ageMs = Date.now() - statSync(lockPath).mtimeMs;
  } catch {
    // Released between our open and read: not stale, just try again.
    return { stale: false, pid: null, content: null };
  }
  const pid = Number.parseInt(content.trim(), 10);
  if (!Number.isInteger(pid)) {
    return { stale: ageMs > EMPTY_LOCK_GRACE_MS, pid: null, content };
  }
  return { stale: pid !== process.pid && !inspectProcess(pid).alive, pid, content };
}

/**
 * Deletes a stale lock only if it still holds what we judged stale, so a waiter that lost the race
 * does not delete the lock a faster waiter has just taken. (A window of a few microseconds remains
 * between the re-read and the unlink; acceptable for a developer tool.)
 *
 * @param {string} lockPath
 * @param {string | null} expected
 */
function removeIfUnchanged(lockPath, expected) {
  try {
    if (readFileSync(lockPath, 'utf8') === expected) {
      unlinkSync(lockPath);
    }
  } catch {
    // Already gone: the next attempt to create it decides.
  }
}

/** @param {string} lockPath */
function release(lockPath) {
  try {
    if (Number.parseInt(readFileSync(lockPath, 'utf8').trim(), 10) === process.pid) {
      unlinkSync(lockPath);
    }
  } catch {
    // Nothing to release.
  }
}
