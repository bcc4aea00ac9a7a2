import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { CountryKeyRing } from './country-key-ring.js';
import { openEnvelope } from './envelope-opener.js';
import { sealEnvelope } from './envelope-sealer.js';
import { serializeEnvelope } from './exchange-envelope.js';
import type { CountryKeyFile, TrustDirectoryDocument } from './exchange-key-records.js';
import { assertKeyRingPublished } from './key-ring-consistency.js';
import { TrustDirectory } from './trust-directory.js';

// The script is plain Node, so this test is what keeps its file formats and key ids in step with the
// library's loaders.
const SCRIPT = fileURLToPath(new URL('../../../../scripts/exchange-keys.mjs', import.meta.url));
const run = promisify(execFile);
const DAY = 24 * 60 * 60 * 1000;

async function script(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [SCRIPT, ...args]);
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

const readJson = async <T>(path: string) => JSON.parse(await readFile(path, 'utf8')) as T;

describe('scripts/exchange-keys.mjs', () => {
  let out: string;
  beforeEach(async () => {
    out = await mkdtemp(join(tmpdir(), 'exchange-keys-'));
  });
  afterEach(async () => {
    await rm(out, { recursive: true, force: true });
  });

  it('generates key files and a trust directory that the library loads and uses', async () => {
    const result = await script('generate', '--out', out, '--countries', 'KH,ID', '--node', 'node-dev');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/"d"/);

    for (const country of ['KH', 'ID']) {
      expect((await stat(join(out, 'keys', `${country}.json`))).mode & 0o777).toBe(0o600);
      expect((await readJson<CountryKeyFile>(join(out, 'keys', `${country}.json`))).node).toBe('node-dev');
    }
    expect((await stat(join(out, 'keys'))).mode & 0o777).toBe(0o700);
    const directoryText = await readFile(join(out, 'trust-directory.json'), 'utf8');
    expect(directoryText).not.toContain('"d"');

    const directory = await TrustDirectory.fromFile(join(out, 'trust-directory.json'));
    const ring = await CountryKeyRing.fromDirectory(join(out, 'keys'));
    expect(directory.countries()).toEqual(['ID', 'KH']);
    expect(() => assertKeyRingPublished(ring, directory)).not.toThrow();

    const now = () => new Date(Date.now() + 1000);
    const envelope = sealEnvelope(
      {
        correlationId: '6f1c1a52-8a3e-4c53-9a43-0f1d1a2b3c4d',
        type: 'rescue-request.submitted',
        typeVersion: 1,
        sender: { country: 'KH', node: 'node-dev' },
        recipient: { country: 'ID' },
        payload: { ok: true },
      },
      { keyRing: ring, trustDirectory: directory, now },
    );
    const opened = openEnvelope(serializeEnvelope(envelope), {
      keyRing: ring,
      trustDirectory: directory,
      hostedCountries: ['ID'],
      now,
    });
    expect(opened.payload).toEqual({ ok: true });
  });

  it('keeps existing countries, adds new ones, and replaces keys only with --force', async () => {
    await script('generate', '--out', out, '--countries', 'KH');
    const first = await readJson<CountryKeyFile>(join(out, 'keys', 'KH.json'));

    expect((await script('generate', '--out', out, '--countries', 'KH,TH')).code).toBe(0);
    expect(await readJson<CountryKeyFile>(join(out, 'keys', 'KH.json'))).toEqual(first);
    const directory = await readJson<TrustDirectoryDocument>(join(out, 'trust-directory.json'));
    expect(Object.keys(directory.countries)).toEqual(['KH', 'TH']);
    expect(directory.countries.KH!.signingKeys[0]!.keyId).toBe(first.signingKeys[0]!.keyId);

    expect((await script('generate', '--out', out, '--countries', 'KH', '--force')).code).toBe(0);
    const replaced = await readJson<CountryKeyFile>(join(out, 'keys', 'KH.json'));
    expect(replaced.signingKeys[0]!.keyId).not.toBe(first.signingKeys[0]!.keyId);
    const after = await TrustDirectory.fromFile(join(out, 'trust-directory.json'));
    expect(() => assertKeyRingPublished(CountryKeyRing.fromKeyFiles([replaced]), after)).not.toThrow();
  });

  it('generates the default country list when none is given', async () => {
    expect((await script('generate', '--out', out)).code).toBe(0);
    const countries = (await TrustDirectory.fromFile(join(out, 'trust-directory.json'))).countries();
    const inScope = 'BN KH ID LA MY MM PH SG TH VN TL CN TW HK IN NP PK BD LK KE UG ET ZA TR'.split(' ');
    expect(countries).toEqual(expect.arrayContaining(inScope));
    expect(countries.length).toBeGreaterThan(inScope.length);
  }, 30_000);

  it('rotates with an overlap: new keys sign and receive, old ones stay valid until the overlap ends', async () => {
    await script('generate', '--out', out, '--countries', 'KH,ID');
    const before = await readJson<CountryKeyFile>(join(out, 'keys', 'KH.json'));
    const rotatedAt = Date.now();
    const result = await script('rotate', '--out', out, '--country', 'KH', '--overlap-days', '10');
    expect(result.code).toBe(0);

    const after = await readJson<CountryKeyFile>(join(out, 'keys', 'KH.json'));
    expect(after.signingKeys).toHaveLength(2);
    expect(after.encryptionKeys).toHaveLength(2);
    for (const old of [after.signingKeys[0]!, after.encryptionKeys[0]!]) {
      const until = Date.parse(old.validUntil!);
      expect(until).toBeGreaterThanOrEqual(rotatedAt + 10 * DAY);
      expect(until).toBeLessThan(rotatedAt + 10 * DAY + 60_000);
    }
    expect(after.signingKeys[0]!.keyId).toBe(before.signingKeys[0]!.keyId);
    expect((await stat(join(out, 'keys', 'KH.json'))).mode & 0o777).toBe(0o600);

    const directory = await TrustDirectory.fromFile(join(out, 'trust-directory.json'));
    const ring = await CountryKeyRing.fromDirectory(join(out, 'keys'));
    expect(() => assertKeyRingPublished(ring, directory)).not.toThrow();
    const soon = new Date(Date.now() + 1000);
    expect(ring.signingKeyFor('KH', soon)?.keyId).toBe(after.signingKeys[1]!.keyId);
    expect(directory.encryptionKeyFor('KH', soon)?.keyId).toBe(after.encryptionKeys[1]!.keyId);
    expect(
      directory.signingKey('KH', before.signingKeys[0]!.keyId, new Date(rotatedAt + 9 * DAY)),
    ).toBeDefined();
    expect(
      directory.signingKey('KH', before.signingKeys[0]!.keyId, new Date(rotatedAt + 11 * DAY)),
    ).toBeUndefined();
  });

  it.each<[string, string[]]>([
    ['an unknown command', ['frobnicate', '--out', 'x']],
    ['an unknown option', ['generate', '--out', 'x', '--colour']],
    ['a missing --out', ['generate', '--countries', 'KH']],
    ['an invalid country', ['generate', '--out', 'x', '--countries', 'KH,khm']],
    ['an invalid node id', ['generate', '--out', 'x', '--node', 'Node A']],
    ['a negative overlap', ['rotate', '--out', 'x', '--country', 'KH', '--overlap-days=-1']],
    [
      'an option value that looks like an option',
      ['rotate', '--out', 'x', '--country', 'KH', '--overlap-days', '-1'],
    ],
    ['rotating a country without keys', ['rotate', '--out', 'OUT', '--country', 'KH']],
  ])('exits with status 2 on %s', async (_label, args) => {
    const result = await script(...args.map((arg) => (arg === 'OUT' ? out : arg)));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage:');
  });
});
