import type { CountryKeyRing } from './country-key-ring.js';
import { ExchangeKeyConfigError } from './exchange.errors.js';
import type { ExchangeKeyPurpose } from './exchange-key-records.js';
import type { TrustDirectory } from './trust-directory.js';

/**
 * Checks at boot that every private key in the ring is published, with the same public key and validity
 * window, in the trust directory. Without this check a node whose key file and directory drifted apart
 * would start normally and then have every message it sends or receives rejected by its peers.
 *
 * @throws ExchangeKeyConfigError (`KEY_RING_NOT_PUBLISHED`) naming the first country and key id that
 *   do not match.
 */
export function assertKeyRingPublished(keyRing: CountryKeyRing, trustDirectory: TrustDirectory): void {
  for (const country of keyRing.countries()) {
    if (!trustDirectory.hasCountry(country)) {
      throw new ExchangeKeyConfigError('KEY_RING_NOT_PUBLISHED', `trust directory does not list ${country}`);
    }
    for (const purpose of ['signing', 'encryption'] as const satisfies readonly ExchangeKeyPurpose[]) {
      const published = trustDirectory.publishedKeys(country, purpose);
      for (const key of keyRing.keys(country, purpose)) {
        const match = published.find((candidate) => candidate.keyId === key.keyId);
        const same =
          match !== undefined &&
          match.rawPublicKey.equals(key.rawPublicKey) &&
          match.validFrom.getTime() === key.validFrom.getTime() &&
          (match.validUntil?.getTime() ?? null) === (key.validUntil?.getTime() ?? null);
        if (!same) {
          throw new ExchangeKeyConfigError(
            'KEY_RING_NOT_PUBLISHED',
            `${purpose} key ${key.keyId} of ${country} is ${match === undefined ? 'missing from' : 'different in'} the trust directory`,
          );
        }
      }
    }
  }
}
