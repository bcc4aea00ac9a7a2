import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, developmentSecretPaths, exchangeKeyPaths } from './repo-paths.mjs';

/**
 * Brings a checkout to the point where the system can run or be tested: dependencies installed, code
 * built, exchange keys generated. Each step is skipped when already done, so running it twice is cheap.
 * Only Node built-ins here: this runs before `npm ci` on a fresh clone.
 */
export async function prepareWorkspace({ log = (line) => process.stderr.write(`[prepare] ${line}\n`) } = {}) {
  ensureDependencies(log);
  run('build', ['node_modules/typescript/bin/tsc', '-b'], log);
  await ensureExchangeKeys(log);
  ensureDevelopmentSecrets(log);
}

function ensureDependencies(log) {
  const installed = join(REPO_ROOT, 'node_modules', '.package-lock.json');
  const lock = join(REPO_ROOT, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  // `npm install`, not `npm ci`: the lock file records only the platform packages the registry mirror
  // offers (linux), and `npm ci` refuses such a lock as out of sync. Versions still come from the lock.
  log('installing dependencies (npm install)');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('npm install failed; see the output above');
}

async function ensureExchangeKeys(log) {
  const paths = exchangeKeyPaths();
  const countries = await regionalCountries();
  if (existsSync(paths.trustDirectory)) {
    const listed = Object.keys(JSON.parse(readFileSync(paths.trustDirectory, 'utf8')).countries ?? {});
    if (countries.every((country) => listed.includes(country))) return;
  }
  log(`generating development exchange keys for ${countries.length} countries in ${paths.root}`);
  run(
    'exchange keys',
    ['scripts/exchange-keys.mjs', 'generate', '--out', paths.root, '--countries', countries.join(',')],
    log,
  );
}

/**
 * The codes of the mechanism's countries (`REGION`, some 40), from the build of libs/schemas: those a node
 * can host and that get exchange keys. Not every country of the world: 250 key pairs are not needed.
 */
export async function regionalCountries() {
  const schemas = await import(pathToFileURL(join(REPO_ROOT, 'libs', 'schemas', 'dist', 'index.js')).href);
  return schemas.REGIONAL_COUNTRIES.map((country) => country.code);
}

function run(step, args, log) {
  const started = Date.now();
  const result = spawnSync(process.execPath, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? '');
    throw new Error(`${step} failed`);
  }
  log(`${step}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** This development machine's keys: identity's sealing key, the attestation hashing key, the audit chain key. */
function ensureDevelopmentSecrets(log) {
  for (const path of Object.values(developmentSecretPaths())) {
    if (existsSync(path)) continue;
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(path, randomBytes(32).toString('base64url'), { mode: 0o600 });
    chmodSync(path, 0o600);
    log(`generated a development key in ${path}`);
  }
}
