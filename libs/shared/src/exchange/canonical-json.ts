/** A JSON value as `JSON.parse` produces it. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * Serialises a value deterministically, so that signatures and authenticated data never depend on the
 * key order of an object or on whitespace. The rules are the subset of RFC 8785 (JSON Canonicalization
 * Scheme) that the exchange needs:
 *
 * - no whitespace between tokens;
 * - object members sorted by key, comparing UTF-16 code units (JavaScript's default string order);
 * - strings escaped as `JSON.stringify` escapes them (RFC 8785 prescribes exactly that);
 * - numbers restricted to safe integers, whose text form is unambiguous (fractions and exponents are
 *   refused rather than risk two implementations formatting them differently);
 * - `undefined`, functions, symbols, bigints and non-plain objects are refused, never silently dropped.
 *
 * @throws TypeError when the value holds something outside these rules.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value)) throw new TypeError('canonicalJson: only safe integers are allowed');
      return String(value); // String(-0) is '0'
    case 'object':
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
        throw new TypeError('canonicalJson: only plain objects are allowed');
      }
      return `{${Object.keys(value)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
        .join(',')}}`;
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} cannot be serialised`);
  }
}
