import { z } from 'zod';
import { isRegionalCountry } from '@passage/schemas';

/**
 * Reusable parsers for environment variables. Each takes the raw string (already trimmed by
 * {@link loadConfig}, which also turns empty strings into "not set") and yields a typed value, with an
 * error message an operator can act on. Chain `.default(...)` or `.optional()` as usual:
 * `PORT: field.port().default(3000)`.
 */

/** Maximum delay Node's timers accept; a longer duration would silently fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const HOST_PORT = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?):(\d{1,5})$/;
const DURATION = /^(\d+)(ms|s|m|h)?$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

/**
 * Parses with `parse`, which returns the value or, for invalid input, a {@link Invalid} describing
 * what is wrong. Keeps all field parsers to one shape so their messages read alike.
 */
function parsed<T>(parse: (raw: string) => T | Invalid) {
  return z.string().transform((raw, ctx): T => {
    const value = parse(raw);
    if (value instanceof Invalid) {
      ctx.issues.push({ code: 'custom', message: value.problem, input: raw });
      return z.NEVER;
    }
    return value;
  });
}

/** What a field parser returns for input it rejects. */
class Invalid {
  constructor(readonly problem: string) {}
}

function port() {
  return parsed((raw) => {
    const value = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
    return value <= 65_535 ? value : new Invalid('must be a port number from 0 to 65535');
  });
}

function positiveInt() {
  return parsed((raw) => {
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    return Number.isSafeInteger(value) && value > 0 ? value : new Invalid('must be a positive whole number');
  });
}

function nonNegativeInt() {
  return parsed((raw) => {
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    return Number.isSafeInteger(value) ? value : new Invalid('must be a whole number, 0 or more');
  });
}

function boolean() {
  return parsed((raw) => {
    const word = raw.toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
    return new Invalid('must be true or false (also accepted: 1/0, yes/no, on/off)');
  });
}

function durationMs() {
  return parsed((raw) => {
    const match = DURATION.exec(raw);
    const value = match ? Number(match[1]) * UNIT_MS[match[2] ?? 'ms']! : NaN;
    if (!(value <= MAX_TIMER_MS)) {
      return new Invalid(
        `must be a duration in milliseconds, or with a unit (500ms, 30s, 5m, 1h), at most ${MAX_TIMER_MS}ms`,
      );
    }
    return value;
  });
}

/**
 * A URL whose scheme is one of `protocols` (without the colon, e.g. `['postgres', 'postgresql']`).
 * The value stays a string, as drivers expect.
 */
function url(protocols: readonly [string, ...string[]]) {
  const allowed = protocols.map((protocol) => `${protocol}:`);
  const expected = protocols.map((protocol) => `${protocol}://`).join(' or ');
  return parsed((raw) => {
    const parsedUrl = URL.canParse(raw) ? new URL(raw) : undefined;
    if (parsedUrl === undefined || !allowed.includes(parsedUrl.protocol) || parsedUrl.hostname === '') {
      return new Invalid(`must be a URL starting with ${expected} and naming a host`);
    }
    return raw;
  });
}

/**
 * A comma-separated list (blanks around items ignored) of at least one item, each checked by `item`.
 * Problems name the item's position, so `A,b,C` reports "item 2".
 */
function list<T extends z.ZodType<unknown, string>>(item: T) {
  return z
    .string()
    .transform((raw) =>
      raw
        .split(',')
        .map((entry) => entry.trim())
        .filter((entry) => entry !== ''),
    )
    .pipe(z.array(item).min(1, 'must list at least one item'));
}

/**
 * One ISO 3166-1 alpha-2 code of a country of the mechanism (`REGION` in libs/schemas): only those can be
 * hosted by a node, since only they have exchange keys.
 */
function countryCode() {
  return z
    .string()
    .refine(
      (code) => /^[A-Z]{2}$/.test(code) && isRegionalCountry(code),
      'must be the two-letter upper-case code of a country of the region, e.g. KH',
    );
}

/** A comma-separated list of distinct country codes, e.g. `KH,TH`. */
function countryCodes() {
  return list(countryCode()).refine((codes) => new Set(codes).size === codes.length, 'lists a country twice');
}

/** `host:port` of a network peer such as a Kafka broker; IPv6 hosts go in brackets. */
function hostPort() {
  return parsed((raw) => {
    const match = HOST_PORT.exec(raw);
    return match && Number(match[1]) <= 65_535 ? raw : new Invalid('must be host:port, e.g. 127.0.0.1:9092');
  });
}

/** One of a fixed set of words, typed as their union. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `must be one of ${values.join(', ')}` });
}

/** A non-empty string, optionally matching `pattern` (described to the operator by `expected`). */
function text(pattern?: { regex: RegExp; expected: string }) {
  const nonEmpty = z.string().min(1, 'must not be empty');
  return pattern ? nonEmpty.regex(pattern.regex, `must be ${pattern.expected}`) : nonEmpty;
}

/** The field parsers, grouped so an app's schema reads `PORT: field.port().default(3000)`. */
export const field = {
  port,
  positiveInt,
  nonNegativeInt,
  boolean,
  durationMs,
  url,
  list,
  countryCode,
  countryCodes,
  hostPort,
  oneOf,
  text,
};
