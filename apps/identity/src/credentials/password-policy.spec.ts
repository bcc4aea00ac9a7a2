import { describe, expect, it } from '@jest/globals';
import { checkPasswordPolicy, type PasswordProblemCode } from './password-policy.js';

const context = {
  email: 'maria.santos+work@example.org',
  displayName: 'Maria Santos',
  organisationName: 'Mekong Safe Passage Network',
};

function codes(password: string, ctx = context): PasswordProblemCode[] {
  return checkPasswordPolicy(password, ctx).map((problem) => problem.code);
}

describe('checkPasswordPolicy', () => {
  it('accepts a long unrelated passphrase', () => {
    expect(checkPasswordPolicy('violet kettle harbour 42', context)).toEqual([]);
  });

  it('enforces 12 to 128 characters, counted as characters rather than UTF-16 units', () => {
    expect(codes('short-pw-11')).toContain('PASSWORD_TOO_SHORT');
    expect(codes('kettle-harb1')).toEqual([]);
    expect(codes('🔑'.repeat(11))).toContain('PASSWORD_TOO_SHORT');
    expect(codes('violet kettle harbour 42 '.repeat(6).slice(0, 128))).toEqual([]);
    expect(codes('violet kettle harbour 42 '.repeat(6).slice(0, 129))).toEqual(['PASSWORD_TOO_LONG']);
  });

  it('counts length after NFKC normalisation', () => {
    // U+FB03 (ffi ligature) becomes three characters under NFKC: 12 characters, though weak ones.
    expect(codes('\ufb03\ufb03\ufb03\ufb03')).not.toContain('PASSWORD_TOO_SHORT');
  });

  it.each([
    'password1234',
    '123456789012',
    'Password1234!',
    'QWERTYUIOP123',
    'passwordpassword',
    'qwertyuiopasdf',
    'iloveyou2024!',
  ])('refuses the common or patterned password %j as too weak', (password) => {
    expect(codes(password)).toEqual(['PASSWORD_TOO_WEAK']);
  });

  it('says why, in the estimator words', () => {
    expect(checkPasswordPolicy('password1234', context)).toEqual([
      {
        code: 'PASSWORD_TOO_WEAK',
        message: expect.stringMatching(/^Password is too easy to guess\. .*commonly used password/),
      },
    ]);
  });

  it('counts the address, the name and the organisation as guessable words', () => {
    expect(codes('MariaSantos2026!')).toEqual(['PASSWORD_TOO_WEAK']);
    expect(codes('MekongSafePassageNetwork')).toEqual(['PASSWORD_TOO_WEAK']);
    expect(codes('MekongSafePassageNetwork', { ...context, organisationName: 'Other' })).toEqual([]);
    // The same shape of password, without personal words, is fine.
    expect(codes('KettleHarbourVioletX1')).toEqual([]);
  });

  it('does not refuse a password merely containing a common word', () => {
    expect(codes('password manager for violet kettles')).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(codes('maria')).toEqual(['PASSWORD_TOO_SHORT', 'PASSWORD_TOO_WEAK']);
  });

  it.each(['correct horse battery staple 7', 'Mekong-Crossing-Kampala-2026!'])(
    'accepts the password %j the tests sign in with',
    (password) => {
      expect(
        checkPasswordPolicy(password, { email: 'person-1a2b3c4d@example.org', displayName: 'Test Person' }),
      ).toEqual([]);
    },
  );
});
