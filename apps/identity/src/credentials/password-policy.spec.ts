import { describe, expect, it } from '@jest/globals';
import { checkPasswordPolicy, type PasswordProblemCode } from './password-policy.js';

const context = { email: 'maria.santos+work@example.org', displayName: 'Maria Santos' };

function codes(password: string, ctx = context): PasswordProblemCode[] {
  return checkPasswordPolicy(password, ctx).map((problem) => problem.code);
}

describe('checkPasswordPolicy', () => {
  it('accepts a long unrelated passphrase', () => {
    expect(checkPasswordPolicy('violet kettle harbour 42', context)).toEqual([]);
  });

  it('enforces 12 to 128 characters, counted as characters rather than UTF-16 units', () => {
    expect(codes('short-pw-11')).toEqual(['PASSWORD_TOO_SHORT']);
    expect(codes('kettle-harb1')).toEqual([]);
    expect(codes('🔑'.repeat(11))).toEqual(['PASSWORD_TOO_SHORT']);
    expect(codes('x'.repeat(128).replace(/^x/, 'k'))).toEqual([]);
    expect(codes('z'.repeat(129))).toEqual(['PASSWORD_TOO_LONG']);
  });

  it('counts length after NFKC normalisation', () => {
    // U+FB03 (ffi ligature) becomes three characters under NFKC.
    expect(codes('\ufb03\ufb03\ufb03\ufb03')).toEqual([]);
  });

  it('refuses the email local part or any word of it, in any case', () => {
    expect(codes('maria.santos+work-2024!')).toContain('PASSWORD_CONTAINS_EMAIL');
    expect(codes('my WORK laptop is blue')).toContain('PASSWORD_CONTAINS_EMAIL');
  });

  it('refuses the display name, whole or by word', () => {
    expect(codes('xx-MARIASANTOS-xx')).toEqual(expect.arrayContaining(['PASSWORD_CONTAINS_NAME']));
    expect(codes('santos rides bicycles', { email: 'a@example.org', displayName: 'Maria Santos' })).toEqual([
      'PASSWORD_CONTAINS_NAME',
    ]);
  });

  it('ignores name fragments too short to be meaningful', () => {
    expect(codes('a lion is a big cat', { email: 'jo@example.org', displayName: 'Li Jo' })).toEqual([]);
  });

  it('uses the whole address when it has no @', () => {
    expect(codes('operator-desk-password', { email: 'operator', displayName: 'X' })).toContain(
      'PASSWORD_CONTAINS_EMAIL',
    );
  });

  it.each(['123456789012', 'Password1234!', 'QWERTYUIOP123', '!!iloveyou!!2024', 'passwordpassword'])(
    'refuses the common password %j',
    (password) => {
      expect(codes(password)).toEqual(['PASSWORD_TOO_COMMON']);
    },
  );

  it('does not refuse a password merely containing a common word', () => {
    expect(codes('password manager for violet kettles')).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(codes('maria')).toEqual([
      'PASSWORD_TOO_SHORT',
      'PASSWORD_CONTAINS_EMAIL',
      'PASSWORD_CONTAINS_NAME',
    ]);
  });
});
