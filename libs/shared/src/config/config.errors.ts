/** One invalid environment variable, already made safe to print. */
export interface ConfigProblem {
  /** The environment variable's name, e.g. `DATABASE_URL`. */
  readonly variable: string;
  /** What is wrong, in words an operator can act on. */
  readonly problem: string;
  /** The value as found (quoted), `"***"` for a secret, or `undefined` when the variable was not set. */
  readonly shownValue: string | undefined;
}

/**
 * Thrown by {@link loadConfig} when the environment does not satisfy the app's schema. The message
 * lists every problem, one per line, so an operator fixes them all in one go; secret values never
 * appear in it.
 */
export class ConfigValidationError extends Error {
  readonly code = 'CONFIG_INVALID';

  constructor(readonly problems: readonly ConfigProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ConfigValidationError';
  }
}

/**
 * Thrown by {@link describeConfig} for an object that did not come from {@link loadConfig}: without
 * the schema it cannot know which values are secret, and guessing could leak one into a log.
 */
export class UnknownConfigError extends Error {
  readonly code = 'CONFIG_UNKNOWN';

  constructor() {
    super('describeConfig() only accepts an object returned by loadConfig()');
    this.name = 'UnknownConfigError';
  }
}

function formatProblem({ variable, problem, shownValue }: ConfigProblem): string {
  return `${variable}: ${problem} (${shownValue === undefined ? 'not set' : `got ${shownValue}`})`;
}
