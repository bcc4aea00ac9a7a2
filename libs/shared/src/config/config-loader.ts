import { z } from 'zod';

import { isSecretField } from './config-secrets.js';
import { ConfigValidationError, type ConfigProblem, UnknownConfigError } from './config.errors.js';

/** Where variables are read from: `process.env` in an app, a plain object in a test. */
export type EnvSource = Readonly<Record<string, string | undefined>>;

/** A config object as handed to the app: read-only, so no module can change what another one sees. */
export type LoadedConfig<S extends z.ZodObject> = Readonly<z.output<S>>;

const MASK = '***';
/** Long values are cut in messages: an operator needs to recognise the value, not read all of it. */
const MAX_SHOWN_LENGTH = 120;

/** Secret variable names of each config object that loadConfig returned, for describeConfig. */
const secretsByConfig = new WeakMap<object, ReadonlySet<string>>();

/**
 * Validates the environment against `schema` once and returns the typed, frozen config object.
 * Only the variables the schema names are read. An empty variable counts as not set, so defaults
 * apply to `PORT=` just as to a missing `PORT`.
 *
 * @throws ConfigValidationError listing every invalid variable, with secret values masked.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: EnvSource = process.env): LoadedConfig<S> {
  const shape = schema.shape as Record<string, z.ZodType>;
  const secrets = new Set(Object.keys(shape).filter((name) => isSecretField(name, shape[name]!)));
  const input = Object.fromEntries(Object.keys(shape).map((name) => [name, normalise(env[name])]));

  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) {
    throw new ConfigValidationError(result.error.issues.map((issue) => toProblem(issue, input, secrets)));
  }
  const config = Object.freeze(result.data) as LoadedConfig<S>;
  secretsByConfig.set(config, secrets);
  return config;
}

/**
 * A copy of `config` that is safe to log: values of secret variables are replaced by `***`.
 *
 * @throws UnknownConfigError when `config` was not returned by {@link loadConfig}.
 */
export function describeConfig<T extends object>(config: T): Record<keyof T, unknown> {
  const secrets = secretsByConfig.get(config);
  if (secrets === undefined) throw new UnknownConfigError();
  return Object.fromEntries(
    Object.entries(config).map(([name, value]) => [
      name,
      secrets.has(name) && value !== undefined ? MASK : value,
    ]),
  ) as Record<keyof T, unknown>;
}

function normalise(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  return value === '' ? undefined : value;
}

function toProblem(
  issue: z.core.$ZodIssue,
  input: Record<string, string | undefined>,
  secrets: Set<string>,
): ConfigProblem {
  const [head, ...rest] = issue.path;
  // A refinement over the whole object has no path; name it so the line still says what to look at.
  const variable = head === undefined ? '(configuration)' : String(head);
  const raw = input[variable];
  const isSecret = secrets.has(variable);
  return {
    variable,
    problem: describeIssue(issue, rest, raw, isSecret),
    shownValue: showValue(raw, isSecret),
  };
}

function describeIssue(
  issue: z.core.$ZodIssue,
  itemPath: PropertyKey[],
  raw: string | undefined,
  isSecret: boolean,
): string {
  if (raw === undefined && issue.code === 'invalid_type') return 'is required';
  const [index] = itemPath;
  if (typeof index !== 'number') return issue.message;
  // Item values of a secret list are withheld: they are pieces of the secret.
  const item = isSecret || typeof issue.input !== 'string' ? '' : ` ${quote(issue.input)}`;
  return `item ${index + 1}${item} ${issue.message}`;
}

function showValue(raw: string | undefined, isSecret: boolean): string | undefined {
  if (raw === undefined) return undefined;
  return isSecret ? `"${MASK}"` : quote(raw);
}

/** JSON quoting escapes newlines and control characters, so one problem stays on one line. */
function quote(value: string): string {
  return JSON.stringify(value.length > MAX_SHOWN_LENGTH ? `${value.slice(0, MAX_SHOWN_LENGTH)}…` : value);
}
