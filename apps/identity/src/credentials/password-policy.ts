import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as commonLanguage from '@zxcvbn-ts/language-common';
import * as englishLanguage from '@zxcvbn-ts/language-en';
import { normalizePassword } from './password-hasher.js';

/** Fewer characters than this is too easy to guess offline, whatever the mix. */
export const MIN_PASSWORD_LENGTH = 12;
/** Generous for passphrases, yet bounds the work one login request can ask of the server. */
export const MAX_PASSWORD_LENGTH = 128;
/**
 * zxcvbn's score 3 is "safely unguessable: moderate protection from offline slow-hash scenario"
 * (about 10^8 guesses or more); below it a leaked hash would fall to an ordinary cracking rig.
 */
export const MIN_PASSWORD_SCORE = 3;
// Shorter fragments of a name or email ("li", "jo") would make the estimator flag ordinary words.
const MIN_PERSONAL_FRAGMENT = 3;

/** Why a password was refused; stable, for the client to translate. */
export type PasswordProblemCode = 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_TOO_WEAK';

/** One reason a password was refused. */
export interface PasswordProblem {
  code: PasswordProblemCode;
  message: string;
}

/** What the password must not be built from: the estimator counts these as words anyone could guess. */
export interface PasswordPolicyContext {
  email: string;
  displayName: string;
  organisationName?: string;
}

/**
 * The maintained strength estimator with its common-password, name and English dictionaries and keyboard
 * graphs, instead of a hand-written list (ADR 023). Built once: loading the dictionaries takes a moment.
 */
const estimator = new ZxcvbnFactory({
  dictionary: { ...commonLanguage.dictionary, ...englishLanguage.dictionary },
  graphs: commonLanguage.adjacencyGraphs,
  translations: englishLanguage.translations,
});

/**
 * Checks a new password against the policy, after the same NFKC normalisation the hasher applies, and
 * counting characters rather than UTF-16 units so every script gets the same allowance.
 *
 * @returns every problem found; an empty list means the password is acceptable.
 */
export function checkPasswordPolicy(password: string, context: PasswordPolicyContext): PasswordProblem[] {
  const normalized = normalizePassword(password);
  const length = [...normalized].length;
  const problems: PasswordProblem[] = [];

  if (length < MIN_PASSWORD_LENGTH) {
    problems.push(problem('PASSWORD_TOO_SHORT', `must be at least ${MIN_PASSWORD_LENGTH} characters`));
  }
  if (length > MAX_PASSWORD_LENGTH) {
    // Not estimated: the estimator's work grows with the length, and the answer is no anyway.
    problems.push(problem('PASSWORD_TOO_LONG', `must be at most ${MAX_PASSWORD_LENGTH} characters`));
    return problems;
  }
  const estimate = estimator.check(normalized, personalWords(context));
  if (estimate.score < MIN_PASSWORD_SCORE) {
    const advice = [estimate.feedback.warning, ...estimate.feedback.suggestions].filter(Boolean);
    const words = advice.length > 0 ? advice.join(' ') : 'Add more words that are less common.';
    problems.push(problem('PASSWORD_TOO_WEAK', `is too easy to guess. ${words}`));
  }
  return problems;
}

function problem(code: PasswordProblemCode, message: string): PasswordProblem {
  return { code, message: `Password ${message}` };
}

/**
 * The person's address (its local part), name and organisation, whole, run together and word by word,
 * lower-cased: the estimator matches each entry only as a whole.
 */
function personalWords({ email, displayName, organisationName }: PasswordPolicyContext): string[] {
  const at = email.lastIndexOf('@');
  const sources = [at > 0 ? email.slice(0, at) : email, displayName, organisationName ?? ''];
  const entries = sources.flatMap((source) => {
    const lower = normalizePassword(source).toLowerCase();
    const words = lower.split(/[^\p{L}\p{N}]+/u);
    return [lower, words.join(''), ...words];
  });
  return [...new Set(entries.filter((entry) => [...entry].length >= MIN_PERSONAL_FRAGMENT))];
}
