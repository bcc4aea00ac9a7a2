import { COMMON_PASSWORDS } from './common-passwords.js';
import { normalizePassword } from './password-hasher.js';

/** Fewer characters than this is too easy to guess offline, whatever the mix. */
export const MIN_PASSWORD_LENGTH = 12;
/** Generous for passphrases, yet bounds the work one login request can ask of the server. */
export const MAX_PASSWORD_LENGTH = 128;
// Shorter fragments of a name or email ("li", "jo") would reject ordinary passwords by accident.
const MIN_PERSONAL_FRAGMENT = 3;

/** Why a password was refused; stable, for the client to translate. */
export type PasswordProblemCode =
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_LONG'
  | 'PASSWORD_CONTAINS_EMAIL'
  | 'PASSWORD_CONTAINS_NAME'
  | 'PASSWORD_TOO_COMMON';

/** One reason a password was refused. */
export interface PasswordProblem {
  code: PasswordProblemCode;
  message: string;
}

/** What the password must not be built from. */
export interface PasswordPolicyContext {
  email: string;
  displayName: string;
}

/**
 * Checks a new password against the policy, after the same NFKC normalisation the hasher applies, and
 * counting characters rather than UTF-16 units so every script gets the same allowance.
 *
 * @returns every problem found; an empty list means the password is acceptable.
 */
export function checkPasswordPolicy(password: string, context: PasswordPolicyContext): PasswordProblem[] {
  const normalized = normalizePassword(password);
  const lower = normalized.toLowerCase();
  const length = [...normalized].length;
  const problems: PasswordProblem[] = [];

  if (length < MIN_PASSWORD_LENGTH) {
    problems.push(problem('PASSWORD_TOO_SHORT', `must be at least ${MIN_PASSWORD_LENGTH} characters`));
  }
  if (length > MAX_PASSWORD_LENGTH) {
    problems.push(problem('PASSWORD_TOO_LONG', `must be at most ${MAX_PASSWORD_LENGTH} characters`));
  }
  const localPart = context.email.slice(0, Math.max(0, context.email.lastIndexOf('@')));
  if (containsAnyFragment(lower, localPart || context.email)) {
    problems.push(problem('PASSWORD_CONTAINS_EMAIL', 'must not contain your email address'));
  }
  if (containsAnyFragment(lower, context.displayName)) {
    problems.push(problem('PASSWORD_CONTAINS_NAME', 'must not contain your name'));
  }
  if (isCommon(lower)) {
    problems.push(problem('PASSWORD_TOO_COMMON', 'is one of the most commonly used passwords'));
  }
  return problems;
}

function problem(code: PasswordProblemCode, message: string): PasswordProblem {
  return { code, message: `Password ${message}` };
}

/** True when the password contains the whole source or any word of it (split on non-alphanumerics). */
function containsAnyFragment(lowerPassword: string, source: string): boolean {
  const lowerSource = normalizePassword(source).toLowerCase();
  const words = lowerSource.split(/[^\p{L}\p{N}]+/u);
  const whole = words.join('');
  return [whole, ...words].some(
    (fragment) => [...fragment].length >= MIN_PERSONAL_FRAGMENT && lowerPassword.includes(fragment),
  );
}

/** Matches the list as typed and with leading or trailing digits, symbols and spaces removed. */
function isCommon(lowerPassword: string): boolean {
  const stem = lowerPassword.replace(/^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu, '');
  return COMMON_PASSWORDS.has(lowerPassword) || COMMON_PASSWORDS.has(stem);
}
