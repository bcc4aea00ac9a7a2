import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { attestationKeysFromConfig } from './attestation-keys.js';

describe('attestation keys from configuration', () => {
  it('puts the current key first and keeps retired ones for verification', () => {
    const current = randomBytes(32);
    const retired = randomBytes(32);
    const keys = attestationKeysFromConfig({
      ATTESTATION_KEY: current.toString('base64url'),
      ATTESTATION_RETIRED_KEYS: ` ${retired.toString('base64')} ,`,
    });
    expect(keys.map((key) => Buffer.from(key.secret))).toEqual([current, retired]);
    expect(keys[0].id).toMatch(/^[0-9a-f]{16}$/);
    expect(keys[0].id).not.toBe(keys[1].id);
  });

  it('derives the same id from the same key', () => {
    const secret = randomBytes(32).toString('base64');
    expect(attestationKeysFromConfig({ ATTESTATION_KEY: secret })[0].id).toBe(
      attestationKeysFromConfig({ ATTESTATION_KEY: secret })[0].id,
    );
  });
});
