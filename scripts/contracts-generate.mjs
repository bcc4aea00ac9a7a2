#!/usr/bin/env node
/**
 * `npm run contracts:generate`: regenerates contracts/graphql/ — each subgraph's federation SDL, printed
 * from its real Nest app module booted on throwaway resources, and the supergraph composed from them.
 * Before writing, each new SDL is compared with the checked-in one: a breaking change (a removed or
 * narrowed field, a new required argument…) stops the script with exit code 1 and nothing written,
 * unless the removed element was deprecated in the checked-in SDL or `--accept-breaking` is given.
 * Needs the build (the npm script runs `tsc -b` first), Postgres and Kafka (started when missing).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { compareSchemaContracts, describeSchemaContractReport } from '@passage/shared';
import { composeSupergraphSdl } from '@passage/shared/testing';
import {
  GRAPHQL_CONTRACTS_DIR,
  SUBGRAPH_NAMES,
  graphqlContractPath,
} from './contracts/subgraph-contracts.mjs';
import { REPO_ROOT } from './run/repo-paths.mjs';
import ensureTestInfrastructure from '../test/support/global-setup.mjs';

const { values: options } = parseArgs({
  options: { 'accept-breaking': { type: 'boolean', default: false } },
});
const run = promisify(execFile);
const log = (line) => process.stderr.write(`[contracts] ${line}\n`);

/** Prints one subgraph in a process of its own (see print-subgraph.mjs for why). */
async function printSubgraph(name) {
  const { stdout } = await run(
    process.execPath,
    [join(REPO_ROOT, 'scripts', 'contracts', 'print-subgraph.mjs'), name],
    {
      cwd: REPO_ROOT,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return stdout;
}

async function main() {
  await ensureTestInfrastructure();
  const generated = [];
  for (const name of SUBGRAPH_NAMES) {
    log(`printing the ${name} subgraph`);
    generated.push({ name, sdl: await printSubgraph(name) });
  }
  const files = [...generated, { name: 'supergraph', sdl: composeSupergraphSdl(generated) }];

  let blocked = false;
  for (const { name, sdl } of files) {
    const path = graphqlContractPath(name);
    if (!existsSync(path)) continue;
    const report = compareSchemaContracts(await readFile(path, 'utf8'), sdl);
    for (const line of describeSchemaContractReport(report)) log(`${name}: ${line}`);
    if (report.breaking.length > 0) blocked = true;
  }
  if (blocked && !options['accept-breaking']) {
    log(
      'breaking changes against the checked-in contracts (listed above): nothing written. Deprecate ' +
        'first and remove in a later change, or pass --accept-breaking (npm run contracts:generate -- ' +
        '--accept-breaking) when every client has moved.',
    );
    return 1;
  }

  await mkdir(GRAPHQL_CONTRACTS_DIR, { recursive: true });
  for (const { name, sdl } of files) {
    const path = graphqlContractPath(name);
    const previous = existsSync(path) ? await readFile(path, 'utf8') : undefined;
    if (previous === sdl) {
      log(`${relative(REPO_ROOT, path)}: unchanged`);
      continue;
    }
    await writeFile(path, sdl);
    log(`${relative(REPO_ROOT, path)}: ${previous === undefined ? 'created' : 'updated'}`);
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  log(`failed: ${error.stack ?? error.message}`);
  process.exitCode = 1;
}
