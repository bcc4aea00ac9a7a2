import { describe, expect, it } from '@jest/globals';
import { base64urlSchema, decodeBase64url, encodeBase64url } from './base64url.js';

describe('base64url', () => {
  it('round-trips bytes without padding', () => {
    for (const length of [0, 1, 2, 3, 31, 32, 33, 64]) {
      const bytes = Buffer.from(Array.from({ length }, (_, index) => (index * 37 + 250) % 256));
      const text = encodeBase64url(bytes);
      expect(text).not.toContain('=');
      expect(decodeBase64url(text)?.equals(bytes)).toBe(true);
    }
  });

  it('encodes a view of a larger buffer correctly', () => {
    const backing = Buffer.from('xxhelloxx');
    expect(encodeBase64url(backing.subarray(2, 7))).toBe(Buffer.from('hello').toString('base64url'));
  });

  it.each([
    ['padding', 'aGk='],
    ['standard alphabet', 'a+/b'],
    ['whitespace', 'aG k'],
    ['an impossible length', 'aGVsb'],
  ])('refuses %s', (_label, text) => {
    expect(decodeBase64url(text)).toBeUndefined();
  });

  it('refuses a non-canonical final character that decodes to the same bytes', () => {
    expect(decodeBase64url('aGk')?.toString()).toBe('hi');
    expect(decodeBase64url('aGl')).toBeUndefined();
  });

  it('validates exact and minimum decoded lengths', () => {
    const exact = base64urlSchema({ bytes: 12 });
    expect(exact.safeParse(encodeBase64url(Buffer.alloc(12))).success).toBe(true);
    expect(exact.safeParse(encodeBase64url(Buffer.alloc(11))).success).toBe(false);
    expect(exact.safeParse(encodeBase64url(Buffer.alloc(13))).success).toBe(false);
    const minimum = base64urlSchema({ minBytes: 16 });
    expect(minimum.safeParse(encodeBase64url(Buffer.alloc(16))).success).toBe(true);
    expect(minimum.safeParse(encodeBase64url(Buffer.alloc(300))).success).toBe(true);
    expect(minimum.safeParse(encodeBase64url(Buffer.alloc(15))).success).toBe(false);
  });
});
