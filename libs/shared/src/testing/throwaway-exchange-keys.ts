import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildTrustDirectoryDocument,
  generateCountryKeys,
  type GeneratedCountryKeys,
} from '../exchange/exchange-key-generator.js';

/** Exchange key files made for one run, in a temporary directory. */
export interface ThrowawayExchangeKeys {
  /** The trust directory file listing every country's public keys. */
  trustDirectoryPath: string;
  /** Directory of `<CC>.json` private key files, as `EXCHANGE_KEYS_DIR` expects. */
  keysDirectory: string;
  /** Deletes the files. */
  remove(): Promise<void>;
}

/**
 * Fresh exchange keys for the given countries, written where a service's exchange transport reads them
 * at boot, for tests and tools that start a service without the development keys of `.local/`.
 */
export async function createThrowawayExchangeKeys(
  countries: readonly string[],
): Promise<ThrowawayExchangeKeys> {
  const root = await mkdtemp(join(tmpdir(), 'passage-exchange-'));
  const keysDirectory = join(root, 'keys');
  await mkdir(keysDirectory, { mode: 0o700 });
  const validFrom = new Date(Date.now() - 86_400_000);
  const published: Record<string, GeneratedCountryKeys['published']> = {};
  for (const country of countries) {
    const keys = generateCountryKeys(country, { validFrom });
    await writeFile(join(keysDirectory, `${country}.json`), JSON.stringify(keys.keyFile), { mode: 0o600 });
    published[country] = keys.published;
  }
  const trustDirectoryPath = join(root, 'trust-directory.json');
  await writeFile(trustDirectoryPath, JSON.stringify(buildTrustDirectoryDocument(published, new Date())));
  return { trustDirectoryPath, keysDirectory, remove: () => rm(root, { recursive: true, force: true }) };
}
