import { describe, expect, it } from '@jest/globals';
import { generateTotpSecret, otpauthUri, totpCode, verifyTotp } from './totp.js';

// RFC 6238 appendix B (SHA-1) uses the ASCII secret '12345678901234567890'; this is its base32, the form
// every secret is stored in, so these vectors also show that stored secrets keep working.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

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
    const code = totpCode(RFC_SECRET, new Date(0));

    expect(verifyTotp(RFC_SECRET, code, new Date(10_000))).toBe(0);
  });

  it('refuses a code of the step given as afterStep or earlier, so one code works once', () => {
    expect(verifyTotp(RFC_SECRET, '050471', at, { afterStep: counter })).toBeNull();
    expect(verifyTotp(RFC_SECRET, '050471', at, { afterStep: counter - 1 })).toBe(counter);
  });

  it('reads secrets in lower case and with padding as stored by older enrolments', () => {
    expect(verifyTotp(`${RFC_SECRET.toLowerCase()}`, '050471', at)).toBe(counter);
    expect(verifyTotp(`${RFC_SECRET}======`, '050471', at)).toBe(counter);
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

    // 32 base32 characters are exactly 20 bytes.
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
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

    const parsed = new URL(uri);
    expect(parsed.protocol).toBe('otpauth:');
    expect(parsed.host).toBe('totp');
    expect(decodeURIComponent(parsed.pathname)).toBe("/Passage (PH NRM):o'neil+desk@example.org");
    expect(parsed.searchParams.get('secret')).toBe(RFC_SECRET);
    expect(parsed.searchParams.get('issuer')).toBe('Passage (PH NRM)');
    // The defaults (SHA1, 6 digits, 30 s) are what authenticator apps assume when they are left out.
    expect(['SHA1', null]).toContain(parsed.searchParams.get('algorithm'));
    expect(['6', null]).toContain(parsed.searchParams.get('digits'));
    expect(['30', null]).toContain(parsed.searchParams.get('period'));
  });

  it('writes the secret in canonical form', () => {
    expect(otpauthUri({ secret: RFC_SECRET.toLowerCase(), accountName: 'a', issuer: 'b' })).toContain(
      `secret=${RFC_SECRET}`,
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
