import { describe, expect, it } from '@jest/globals';
import { decodeBase32, encodeBase32 } from './base32.js';
import { generateTotpSecret, hotpCode, otpauthUri, totpCode, verifyTotp } from './totp.js';

// RFC 4226 appendix D and RFC 6238 appendix B (SHA-1) both use this ASCII secret.
const RFC_KEY = Buffer.from('12345678901234567890', 'ascii');
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('base32', () => {
  it.each([
    ['', ''],
    ['f', 'MY'],
    ['fo', 'MZXQ'],
    ['foo', 'MZXW6'],
    ['foob', 'MZXW6YQ'],
    ['fooba', 'MZXW6YTB'],
    ['foobar', 'MZXW6YTBOI'],
  ])('round-trips the RFC 4648 vector %j', (text, encoded) => {
    expect(encodeBase32(Buffer.from(text))).toBe(encoded);
    expect(decodeBase32(encoded).toString()).toBe(text);
    expect(decodeBase32(`${encoded.toLowerCase()}======`).toString()).toBe(text);
  });

  it.each(['MZXW6YT1', 'MZX', 'M', 'MZ XW'])('rejects %j', (text) => {
    expect(() => decodeBase32(text)).toThrow(expect.objectContaining({ code: 'TOTP_SECRET_INVALID' }));
  });

  it('encodes the RFC test key as the secret used below', () => {
    expect(encodeBase32(RFC_KEY)).toBe(RFC_SECRET);
  });
});

describe('hotpCode (RFC 4226 appendix D)', () => {
  const expected = [
    '755224',
    '287082',
    '359152',
    '969429',
    '338314',
    '254676',
    '287922',
    '162583',
    '399871',
    '520489',
  ];

  it.each(expected.map((code, counter) => [counter, code] as const))(
    'counter %i gives %s',
    (counter, code) => {
      expect(hotpCode(RFC_KEY, counter)).toBe(code);
    },
  );

  it('rejects a negative or fractional counter', () => {
    expect(() => hotpCode(RFC_KEY, -1)).toThrow(expect.objectContaining({ code: 'TOTP_OPTIONS_INVALID' }));
    expect(() => hotpCode(RFC_KEY, 1.5)).toThrow(expect.objectContaining({ code: 'TOTP_OPTIONS_INVALID' }));
  });
});

describe('totpCode (RFC 6238 appendix B, SHA-1)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('at %i s gives %s with 8 digits, and its last 6 digits by default', (seconds, code) => {
    const at = new Date(seconds * 1000);

    expect(totpCode(RFC_SECRET, at, 8)).toBe(code);
    expect(totpCode(RFC_SECRET, at)).toBe(code.slice(2));
  });
});

describe('verifyTotp', () => {
  const at = new Date(1111111111 * 1000);
  const counter = Math.floor(1111111111 / 30);

  it('returns the counter of the current step', () => {
    expect(verifyTotp(RFC_SECRET, '050471', at)).toBe(counter);
  });

  it('accepts spaces typed inside the code', () => {
    expect(verifyTotp(RFC_SECRET, '050 471', at)).toBe(counter);
  });

  it('accepts a neighbouring step within the window and reports which one', () => {
    const previous = totpCode(RFC_SECRET, new Date(at.getTime() - 30_000));
    const next = totpCode(RFC_SECRET, new Date(at.getTime() + 30_000));

    expect(verifyTotp(RFC_SECRET, previous, at)).toBe(counter - 1);
    expect(verifyTotp(RFC_SECRET, next, at)).toBe(counter + 1);
    expect(verifyTotp(RFC_SECRET, previous, at, { window: 0 })).toBeNull();
  });

  it('refuses a code outside the window', () => {
    const old = totpCode(RFC_SECRET, new Date(at.getTime() - 90_000));

    expect(verifyTotp(RFC_SECRET, old, at)).toBeNull();
    expect(verifyTotp(RFC_SECRET, old, at, { window: 3 })).toBe(counter - 3);
  });

  it.each(['', '12345', '1234567', 'abcdef', '05047１'])('refuses the malformed code %j', (code) => {
    expect(verifyTotp(RFC_SECRET, code, at)).toBeNull();
  });

  it('skips steps before the epoch instead of failing', () => {
    const code = hotpCode(RFC_KEY, 0);

    expect(verifyTotp(RFC_SECRET, code, new Date(10_000))).toBe(0);
  });

  it('supports 8-digit codes', () => {
    expect(verifyTotp(RFC_SECRET, '14050471', at, { digits: 8 })).toBe(counter);
  });

  it('rejects an unreasonable window', () => {
    for (const window of [-1, 0.5, 11]) {
      expect(() => verifyTotp(RFC_SECRET, '050471', at, { window })).toThrow(
        expect.objectContaining({ code: 'TOTP_OPTIONS_INVALID' }),
      );
    }
  });
});

describe('generateTotpSecret', () => {
  it('makes 20 random bytes of unpadded base32', () => {
    const secret = generateTotpSecret();

    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(decodeBase32(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });

  it('makes secrets an authenticator would accept', () => {
    const secret = generateTotpSecret();
    const now = new Date();

    expect(verifyTotp(secret, totpCode(secret, now), now)).toBe(Math.floor(now.getTime() / 30_000));
  });
});

describe('otpauthUri', () => {
  it('builds a key URI with a percent-encoded label and parameters', () => {
    const uri = otpauthUri({
      secret: RFC_SECRET,
      accountName: "o'neil+desk@example.org",
      issuer: 'Passage (PH NRM)',
    });

    expect(uri).toBe(
      'otpauth://totp/Passage%20%28PH%20NRM%29:o%27neil%2Bdesk%40example.org' +
        `?secret=${RFC_SECRET}&issuer=Passage%20%28PH%20NRM%29&algorithm=SHA1&digits=6&period=30`,
    );
    const parsed = new URL(uri);
    expect(parsed.protocol).toBe('otpauth:');
    expect(parsed.searchParams.get('issuer')).toBe('Passage (PH NRM)');
  });

  it('writes the secret in canonical form', () => {
    expect(otpauthUri({ secret: RFC_SECRET.toLowerCase(), accountName: 'a', issuer: 'b' })).toContain(
      `secret=${RFC_SECRET}&`,
    );
  });

  it.each([
    { accountName: 'a:b', issuer: 'Passage' },
    { accountName: 'a', issuer: 'Pass:age' },
    { accountName: ' ', issuer: 'Passage' },
  ])('refuses the label %j', (label) => {
    expect(() => otpauthUri({ secret: RFC_SECRET, ...label })).toThrow(
      expect.objectContaining({ code: 'OTPAUTH_LABEL_INVALID' }),
    );
  });

  it('refuses a secret that is not base32', () => {
    expect(() => otpauthUri({ secret: 'not base32!', accountName: 'a', issuer: 'b' })).toThrow(
      expect.objectContaining({ code: 'TOTP_SECRET_INVALID' }),
    );
  });
});
