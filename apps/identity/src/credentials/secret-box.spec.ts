import { describe, expect, it } from '@jest/globals';
import { SecretBox } from './secret-box.js';

const KEY = SecretBox.generateKey();
const USER = '7c1e6c1a-3b7e-4f0e-9a39-1f5e3c7d2b10';

function flipCharacter(text: string, index: number): string {
  const replacement = text[index] === 'A' ? 'B' : 'A';
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

describe('SecretBox', () => {
  it('round-trips a secret bound to the user id', () => {
    const box = new SecretBox(KEY);
    const sealed = box.seal('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', USER);

    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('GEZDGNBV');
    expect(box.open(sealed, USER)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  it('round-trips without associated data and with non-ASCII text', () => {
    const box = new SecretBox(KEY);

    expect(box.open(box.seal('sécret ✓'))).toBe('sécret ✓');
    expect(box.open(box.seal(''))).toBe('');
  });

  it('uses a fresh IV each time', () => {
    const box = new SecretBox(KEY);

    expect(box.seal('same', USER)).not.toBe(box.seal('same', USER));
  });

  it('refuses to open for another user', () => {
    const box = new SecretBox(KEY);
    const sealed = box.seal('secret', USER);

    expect(() => box.open(sealed, 'another-user')).toThrow(
      expect.objectContaining({ code: 'SECRET_BOX_TAMPERED' }),
    );
    expect(() => box.open(sealed)).toThrow(expect.objectContaining({ code: 'SECRET_BOX_TAMPERED' }));
  });

  it('refuses to open under another key', () => {
    const sealed = new SecretBox(KEY).seal('secret', USER);

    expect(() => new SecretBox(SecretBox.generateKey()).open(sealed, USER)).toThrow(
      expect.objectContaining({ code: 'SECRET_BOX_TAMPERED' }),
    );
  });

  it('detects any altered IV, ciphertext or tag', () => {
    const box = new SecretBox(KEY);
    const sealed = box.seal('secret', USER);
    const [, iv, body] = sealed.split('.') as [string, string, string];

    for (const tampered of [
      `v1.${flipCharacter(iv, 0)}.${body}`,
      `v1.${iv}.${flipCharacter(body, 0)}`,
      `v1.${iv}.${flipCharacter(body, body.length - 2)}`,
    ]) {
      expect(() => box.open(tampered, USER)).toThrow(
        expect.objectContaining({ code: 'SECRET_BOX_TAMPERED' }),
      );
    }
  });

  it.each([
    '',
    'v1',
    'v2.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA',
    'v1.AAAA.AAAAAAAAAAAAAAAAAAAAAA',
    'v1.AAAAAAAAAAAAAAAA.AAAA',
    'v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.extra',
    'v1.AAAAAAAAAAAAAAA+.AAAAAAAAAAAAAAAAAAAAAA',
  ])('reports %j as malformed', (sealed) => {
    expect(() => new SecretBox(KEY).open(sealed)).toThrow(
      expect.objectContaining({ code: 'SECRET_BOX_MALFORMED' }),
    );
  });

  it('generates 32-byte base64url keys', () => {
    expect(KEY).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(KEY, 'base64url')).toHaveLength(32);
    expect(SecretBox.generateKey()).not.toBe(KEY);
  });

  it.each(['', 'too-short', `${KEY}A`, `${KEY.slice(0, 42)}=`, Buffer.alloc(32).toString('base64')])(
    'rejects the key %j',
    (key) => {
      expect(() => new SecretBox(key)).toThrow(expect.objectContaining({ code: 'SECRET_BOX_KEY_INVALID' }));
    },
  );
});
