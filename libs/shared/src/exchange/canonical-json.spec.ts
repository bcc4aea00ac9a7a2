import { describe, expect, it } from '@jest/globals';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts object keys by code unit at every depth and adds no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: 'x' }, B: false })).toBe(
      '{"B":false,"a":{"c":"x","d":[3,{"y":true,"z":null}]},"b":1}',
    );
  });

  it('gives the same text whatever the insertion order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('escapes strings as JSON.stringify does, keeping non-ASCII characters', () => {
    expect(canonicalJson('a"b\\c\n\u0001é✓')).toBe('"a\\"b\\\\c\\n\\u0001é✓"');
    expect(canonicalJson({ é: 1, e: 2 })).toBe('{"e":2,"é":1}');
  });

  it('writes safe integers and normalises -0', () => {
    expect(canonicalJson([0, -0, 42, -7, Number.MAX_SAFE_INTEGER])).toBe('[0,0,42,-7,9007199254740991]');
  });

  it.each<[string, unknown]>([
    ['a fraction', 1.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an unsafe integer', 2 ** 60],
    ['undefined', undefined],
    ['an undefined member', { a: undefined }],
    ['a bigint', 1n],
    ['a function', () => 1],
    ['a Date', new Date(0)],
    ['a Buffer', Buffer.from('x')],
  ])('refuses %s', (_label, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.k = 'v';
    expect(canonicalJson(bare)).toBe('{"k":"v"}');
  });
});
