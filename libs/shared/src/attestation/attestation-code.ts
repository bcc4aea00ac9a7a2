import { randomInt } from 'node:crypto';
import { InvalidAttestationCodeError } from './attestation.errors.js';

/**
 * The 31 symbols of an attestation code: digits 2-9 and the letters without I, L and O, so that nothing
 * can be read as 0 or 1, or as another symbol. 31 is prime, which is what lets one check character catch
 * every single substitution and every swap of two neighbours (see `checkCharacter`).
 */
export const ATTESTATION_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Printed before the code, so that a person or officer knows what the code is. */
export const ATTESTATION_CODE_PREFIX = 'PSG';

/** Random symbols in a code: 14 × log2(31) ≈ 69.3 bits of entropy. */
export const ATTESTATION_CODE_RANDOM_LENGTH = 14;

const BODY_LENGTH = ATTESTATION_CODE_RANDOM_LENGTH + 1;
const GROUP_LENGTH = 5;
const MODULUS = ATTESTATION_CODE_ALPHABET.length;
const SYMBOL_VALUE = new Map([...ATTESTATION_CODE_ALPHABET].map((symbol, value) => [symbol, value]));

/** A code in canonical form, `PSG-XXXXX-XXXXX-XXXXX`, whose check character is right. */
export type AttestationCode = string & { readonly __brand: 'AttestationCode' };

/**
 * A new attestation code: 14 uniformly random symbols and a check character, in canonical form. The code
 * is the secret that, with the holder's document number, proves the attestation: show it once to the
 * issuer and store only its HMAC (`AttestationHasher`).
 *
 * @param randomBelow returns a uniform integer in [0, n); a cryptographic source unless testing.
 */
export function generateAttestationCode(randomBelow: (n: number) => number = randomInt): AttestationCode {
  let body = '';
  for (let i = 0; i < ATTESTATION_CODE_RANDOM_LENGTH; i++)
    body += ATTESTATION_CODE_ALPHABET[randomBelow(MODULUS)];
  return format(body + checkCharacter(body));
}

/**
 * Reads a code as a person typed it: any case, with or without the `PSG` prefix, with spaces, dashes or
 * dots anywhere, full-width characters allowed. Returns the canonical form.
 *
 * @throws InvalidAttestationCodeError `FORMAT` when it has the wrong length or a symbol outside the
 *   alphabet, `CHECK_CHARACTER` when the check character does not match (a mistyped symbol or two
 *   neighbours swapped), in both cases before anything is looked up.
 */
export function parseAttestationCode(input: string): AttestationCode {
  let compact = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\p{Pd}._]/gu, '');
  if (
    compact.length === ATTESTATION_CODE_PREFIX.length + BODY_LENGTH &&
    compact.startsWith(ATTESTATION_CODE_PREFIX)
  ) {
    compact = compact.slice(ATTESTATION_CODE_PREFIX.length);
  }
  if (compact.length !== BODY_LENGTH || ![...compact].every((symbol) => SYMBOL_VALUE.has(symbol))) {
    throw new InvalidAttestationCodeError('FORMAT');
  }
  if (weightedSum(compact) % MODULUS !== 0) throw new InvalidAttestationCodeError('CHECK_CHARACTER');
  return format(compact);
}

/**
 * The symbol that makes Σ (i · value of symbol i), over positions i = 1..15 of the whole body, a multiple
 * of 31. Because 31 is prime and every weight is non-zero and differs from its neighbours' modulo 31,
 * changing one symbol, or swapping two different neighbours (the check character included), always
 * changes the sum modulo 31.
 */
function checkCharacter(body: string): string {
  const sum = weightedSum(body);
  const weight = body.length + 1;
  for (let value = 0; value < MODULUS; value++) {
    if ((sum + weight * value) % MODULUS === 0) return ATTESTATION_CODE_ALPHABET[value];
  }
  throw new Error('unreachable: the check weight is invertible modulo a prime');
}

function weightedSum(symbols: string): number {
  let sum = 0;
  for (let i = 0; i < symbols.length; i++) sum += (i + 1) * (SYMBOL_VALUE.get(symbols[i]) as number);
  return sum;
}

function format(body: string): AttestationCode {
  const groups = [];
  for (let i = 0; i < body.length; i += GROUP_LENGTH) groups.push(body.slice(i, i + GROUP_LENGTH));
  return [ATTESTATION_CODE_PREFIX, ...groups].join('-') as AttestationCode;
}
