import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Stops and restarts the project's local broker (scripts/infra.mjs), for tests that prove nothing is
 * lost during a Kafka outage. Fails, never skips, when the broker is an external cluster.
 */
export async function stopLocalKafka(): Promise<void> {
  await infra('kafka:stop');
}

export async function startLocalKafka(): Promise<void> {
  await infra('kafka:start');
}

async function infra(command: string): Promise<void> {
  try {
    await run(process.execPath, ['scripts/infra.mjs', command], { cwd: process.cwd(), timeout: 180_000 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`infra ${command} failed:\n${stdout ?? ''}${stderr ?? ''}`, { cause: error });
  }
}
