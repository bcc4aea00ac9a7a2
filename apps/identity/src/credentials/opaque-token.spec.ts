import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { generateOpaqueToken, hashOpaqueToken, parseOpaqueToken } from './opaque-token.js';

describe('opaque tokens', () => {
  it('generates 32 random bytes as 43 base64url characters, with the SHA-256 hex to store', () => {
    const { token, hash } = generateOpaqueToken();

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hashOpaqueToken(token)).toBe(hash);
    expect(generateOpaqueToken().token).not.toBe(token);
  });

  it('parses what it generates', () => {
    for (let i = 0; i < 50; i += 1) {
      const { token } = generateOpaqueToken();
      expect(parseOpaqueToken(token)).toBe(token);
    }
  });

  it.each([
    ['empty', ''],
    ['too short', 'A'.repeat(42)],
    ['too long', 'A'.repeat(44)],
    ['padded', `${'A'.repeat(42)}=`],
    ['standard base64', `${'A'.repeat(41)}+A`],
    ['a trailing newline', `${'A'.repeat(43)}\n`],
    ['a non-canonical last character', `${'A'.repeat(42)}B`],
  ])('rejects a token that is %s', (_label, value) => {
    expect(() => parseOpaqueToken(value)).toThrow(
      expect.objectContaining({ code: 'OPAQUE_TOKEN_MALFORMED' }),
    );
  });
});
