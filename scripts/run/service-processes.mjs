import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './repo-paths.mjs';

/**
 * Runs the built services of one node as child processes and stops them together. Used by
 * `npm start` and by the end-to-end tests, so both exercise the same start-up path.
 *
 * @param {{ node: string, services: { name: string, env: NodeJS.ProcessEnv, port: number }[],
 *   output?: (service: string, chunk: Buffer) => void, readyTimeoutMs?: number }} options
 */
export async function startServiceProcesses({ node, services, output, readyTimeoutMs = 120_000 }) {
  /** @type {{ name: string, child: import('node:child_process').ChildProcess, exited: Promise<number | null> }[]} */
  const running = [];
  let stopping = false;
  let unexpectedExit;
  const crashed = new Promise((resolve) => (unexpectedExit = resolve));

  const stop = async (graceMs = 15_000) => {
    stopping = true;
    // Reverse order: the gateway goes first so nothing new reaches the subgraphs while they drain.
    for (const { child, exited } of [...running].reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
  };

  try {
    for (const service of services) {
      const child = spawn(process.execPath, [join(REPO_ROOT, 'apps', service.name, 'dist', 'main.js')], {
        cwd: REPO_ROOT,
        env: service.env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
      exited.then((code) => {
        if (!stopping) unexpectedExit({ service: service.name, code });
      });
      const forward = output ?? ((_name, chunk) => process.stdout.write(chunk));
      child.stdout.on('data', (chunk) => forward(service.name, chunk));
      child.stderr.on('data', (chunk) => forward(service.name, chunk));
      running.push({ name: service.name, child, exited });
      await Promise.race([
        waitForHttp(`http://127.0.0.1:${service.port}/health/live`, readyTimeoutMs),
        crashed.then(({ service: name, code }) => {
          throw new Error(`${name} of node ${node} exited with code ${code} while starting`);
        }),
      ]);
    }
  } catch (error) {
    await stop(5_000);
    throw error;
  }
  return { stop, crashed };
}

/** Polls until the URL answers 2xx. */
export async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error.cause?.code ?? error.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${lastProblem})`);
}
