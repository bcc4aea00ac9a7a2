import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { AttestationCodeSealer } from './attestation-code-sealer.js';

const key = (id: string) => ({ id, secret: new Uint8Array(randomBytes(32)) });

describe('AttestationCodeSealer', () => {
  it('seals a code so that it opens only for the same request', () => {
    const sealer = new AttestationCodeSealer([key('k1')]);
    const requestId = randomUUID();
    const sealed = sealer.seal('PSG7K2M9QX4RT8WZ3', requestId);
    expect(sealed.keyId).toBe('k1');
    expect(sealed.sealed).not.toContain('7K2M9QX4');
    expect(sealer.open(sealed, requestId)).toBe('PSG7K2M9QX4RT8WZ3');
    expect(() => sealer.open(sealed, randomUUID())).toThrow();
  });

  it('uses a fresh nonce every time and still opens under a retired key', () => {
    const old = key('old');
    const before = new AttestationCodeSealer([old]);
    const requestId = randomUUID();
    const first = before.seal('CODE', requestId);
    expect(before.seal('CODE', requestId).sealed).not.toBe(first.sealed);
    const rotated = new AttestationCodeSealer([key('new'), old]);
    expect(rotated.open(first, requestId)).toBe('CODE');
    expect(rotated.seal('CODE', requestId).keyId).toBe('new');
  });

  it('refuses an altered ciphertext', () => {
    const sealer = new AttestationCodeSealer([key('k1')]);
    const requestId = randomUUID();
    const sealed = sealer.seal('CODE', requestId);
    const bytes = Buffer.from(sealed.sealed, 'base64url');
    bytes[13] ^= 1;
    expect(() => sealer.open({ ...sealed, sealed: bytes.toString('base64url') }, requestId)).toThrow();
  });
});
