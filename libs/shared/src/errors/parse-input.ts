import type { z } from 'zod';
import { CodedError } from './coded-error.js';

/**
 * Validates an operation's input at the edge and returns the parsed value, or throws BAD_USER_INPUT
 * naming the first field at fault (`input.people.0.nationality`) and every field in `details`. The
 * message describes the rule broken, never echoes the value (it may be personal data).
 */
export function parseInput<TSchema extends z.ZodType>(
  schema: TSchema,
  value: unknown,
  root = 'input',
): z.output<TSchema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    field: [root, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const [first] = issues;
  throw new CodedError('BAD_USER_INPUT', `${first.field}: ${first.message}`, { field: first.field });
}
