import { CodedError } from '@passage/shared';
import { checkPasswordPolicy } from '../credentials/index.js';

/** Refuses a password the policy finds weak, naming `field` and saying what is wrong with it. */
export function assertAcceptablePassword(
  password: string,
  person: { email: string; displayName: string },
  field: string,
): void {
  const problems = checkPasswordPolicy(password, { email: person.email, displayName: person.displayName });
  if (problems.length > 0) {
    throw new CodedError(
      'BAD_USER_INPUT',
      `${field}: ${problems.map((problem) => problem.message).join('; ')}`,
      {
        field,
        reason: problems[0].code,
      },
    );
  }
}
