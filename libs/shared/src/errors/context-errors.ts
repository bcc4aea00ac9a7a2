import { CodedError, type ErrorCode } from './coded-error.js';

/** What a context says about a refusal besides its words: the field at fault, in the context's terms. */
export interface ContextErrorDetails {
  /** The field as the domain names it (`personId`, `people.0.nationality`), never a GraphQL path. */
  field?: string;
  /** A finer reason than the catalogue's code, when a rule names its own (`OUTCOME_REQUIRED`). */
  reason?: string;
  retryAfterSeconds?: number;
}

/** A context's catalogue of refusals: each of its codes, and the public code an edge translates it to. */
export interface ContextErrors<TCode extends string> {
  readonly context: string;
  readonly codes: Readonly<Record<TCode, ErrorCode>>;
  /**
   * The coded error for one refusal. Its public code comes from the catalogue, the context's own code
   * (or a finer reason the caller gives) travels as the reason (`extensions.reason` in GraphQL), and a field is named as the domain names it.
   */
  error(code: TCode, message: string, details?: ContextErrorDetails): CodedError;
}

/**
 * Declares the refusals of one bounded context. Services throw only these; the GraphQL edge places the
 * field under the argument that carried it, and exchange consumers park a refusal as poison.
 */
export function defineContextErrors<const TCode extends string>(
  context: string,
  codes: Readonly<Record<TCode, ErrorCode>>,
): ContextErrors<TCode> {
  return {
    context,
    codes,
    error: (code, message, details = {}) =>
      new CodedError(codes[code], details.field ? `${details.field}: ${message}` : message, {
        ...details,
        reason: details.reason ?? code,
      }),
  };
}

/**
 * Where a domain field sits in an operation's arguments: unchanged when it already starts with an
 * argument's name (`id`, `input.caseId`), under the object argument that holds its first segment, or,
 * when there is one argument only, under that one (a required field the caller left out).
 */
export function fieldInArguments(field: string, args: Readonly<Record<string, unknown>>): string {
  const [first] = field.split('.');
  if (first in args) return field;
  const objects = Object.entries(args).filter(
    ([, value]) => typeof value === 'object' && value !== null && !Array.isArray(value),
  );
  const holder = objects.find(([, value]) => first in (value as Record<string, unknown>));
  if (holder) return `${holder[0]}.${field}`;
  const names = Object.keys(args);
  return names.length === 1 && objects.length === 1 ? `${names[0]}.${field}` : field;
}
