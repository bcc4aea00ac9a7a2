import { createHash } from 'node:crypto';
import type { AttestationKey } from '@passage/shared';

/** The configuration an attestation hasher is built from (secrets, never in the database). */
export interface AttestationKeyConfig {
  /** The current key: base64 or base64url of at least 32 random bytes. */
  ATTESTATION_KEY: string;
  /** Retired keys still needed to verify attestations issued under them, comma-separated. */
  ATTESTATION_RETIRED_KEYS?: string | null;
}

/**
 * The hasher's keys, current first. A key's id is derived from the key itself (a short digest), so no
 * separate id has to be configured and kept in step; it identifies, it does not reveal, the key.
 */
export function attestationKeysFromConfig(config: AttestationKeyConfig): AttestationKey[] {
  const encoded = [config.ATTESTATION_KEY, ...(config.ATTESTATION_RETIRED_KEYS ?? '').split(',')]
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
  return encoded.map((value) => {
    const secret = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return {
      id: createHash('sha256').update(secret).digest('hex').slice(0, 16),
      secret: new Uint8Array(secret),
    };
  });
}
