import { describe, expect, it } from '@jest/globals';
import {
  ATTESTATION_CODE_ALPHABET,
  ATTESTATION_CODE_RANDOM_LENGTH,
  generateAttestationCode,
  parseAttestationCode,
  type AttestationCode,
} from './attestation-code.js';
import { InvalidAttestationCodeError } from './attestation.errors.js';

const CODE_PATTERN = /^PSG-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/;

/** A deterministic stand-in for `randomInt`, so the exhaustive checks below always cover the same codes. */
function seededRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

function body(code: AttestationCode): string {
  return code.replace(/^PSG-/, '').replaceAll('-', '');
}

function reason(input: string): string | undefined {
  try {
    parseAttestationCode(input);
    return undefined;
  } catch (error) {
    if (!(error instanceof InvalidAttestationCodeError)) throw error;
    return error.details.reason;
  }
}

describe('attestation codes', () => {
  it('uses 31 symbols none of which can be read as another (no 0, O, 1, I, L)', () => {
    expect(new Set(ATTESTATION_CODE_ALPHABET).size).toBe(31);
    expect(ATTESTATION_CODE_ALPHABET).not.toMatch(/[01ILO]/);
  });

  it('carries at least 60 bits of entropy', () => {
    expect(
      ATTESTATION_CODE_RANDOM_LENGTH * Math.log2(ATTESTATION_CODE_ALPHABET.length),
    ).toBeGreaterThanOrEqual(60);
  });

  it('generates canonical codes that parse back to themselves', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateAttestationCode();
      expect(code).toMatch(CODE_PATTERN);
      expect(parseAttestationCode(code)).toBe(code);
    }
  });

  it('draws every symbol from the random source, uniformly over the alphabet', () => {
    const calls: number[] = [];
    generateAttestationCode((n) => {
      calls.push(n);
      return 0;
    });
    expect(calls).toEqual(Array(ATTESTATION_CODE_RANDOM_LENGTH).fill(31));
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      for (const symbol of body(generateAttestationCode()).slice(0, -1))
        counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
    }
    // 28,000 symbols over 31: each expected ~903; a broken mapping would leave some symbol far off.
    expect(counts.size).toBe(31);
    for (const count of counts.values()) expect(Math.abs(count - 903)).toBeLessThan(200);
  });

  it('accepts what people type: lower case, spaces, any dashes, full-width, no prefix', () => {
    const code = generateAttestationCode(seededRandom(7));
    const compact = body(code);
    expect(parseAttestationCode(code.toLowerCase())).toBe(code);
    expect(parseAttestationCode(` ${compact.match(/.{1,3}/g)?.join(' ')} `)).toBe(code);
    expect(parseAttestationCode(compact)).toBe(code);
    expect(parseAttestationCode(`psg ${compact.slice(0, 5)}–${compact.slice(5)}`)).toBe(code);
    const fullWidth = [...code]
      .map((c) => (c === '-' ? c : String.fromCharCode(c.charCodeAt(0) + 0xfee0)))
      .join('');
    expect(parseAttestationCode(fullWidth)).toBe(code);
  });

  it.each([
    ['empty', ''],
    ['too short', 'PSG-ABCDE-FGHJK-MNPQ'],
    ['too long', 'PSG-ABCDE-FGHJK-MNPQR-S'],
    ['an ambiguous symbol', 'PSG-ABCDE-FGHJK-MNPQ0'],
    ['another prefix', 'XYZ-ABCDE-FGHJK-MNPQR'],
  ])('refuses %s input as a format error', (_label, input) => {
    expect(reason(input)).toBe('ATTESTATION_CODE_FORMAT');
  });

  it('catches every single-symbol substitution and every swap of neighbours, before any lookup', () => {
    const random = seededRandom(2026);
    const missed: string[] = [];
    for (let n = 0; n < 300; n++) {
      const code = generateAttestationCode(random);
      const symbols = [...body(code)];
      for (let position = 0; position < symbols.length; position++) {
        for (const replacement of ATTESTATION_CODE_ALPHABET) {
          if (replacement === symbols[position]) continue;
          const typo = symbols.with(position, replacement).join('');
          if (reason(typo) !== 'ATTESTATION_CODE_CHECK') missed.push(typo);
        }
        if (position + 1 < symbols.length && symbols[position] !== symbols[position + 1]) {
          const swapped = symbols.with(position, symbols[position + 1]).with(position + 1, symbols[position]);
          if (reason(swapped.join('')) !== 'ATTESTATION_CODE_CHECK') missed.push(swapped.join(''));
        }
      }
    }
    expect(missed).toEqual([]);
  });

  it('says nothing in its errors but what to check', () => {
    expect(() => parseAttestationCode('PSG-ABCDE')).toThrow(
      'An attestation code looks like PSG-XXXXX-XXXXX-XXXXX.',
    );
  });
});
