import { randomInt } from 'node:crypto';
import { asciiDigit } from './ascii-digits.js';
import { InvalidHolderPinError } from './attestation.errors.js';

/**
 * Digits in a holder PIN. Six digits are a million PINs: at the verification limit of 10 attempts an
 * hour per code, guessing the PIN of a code someone has seen takes years, and six digits still fit on
 * the printed slip beside the code and in a person's memory.
 */
export const HOLDER_PIN_LENGTH = 6;

/**
 * A new holder PIN: six uniformly random decimal digits, printed beside the code for a person who has
 * neither a document nor a recorded date of birth to verify with. Shown once, stored only as a keyed
 * hash (`AttestationHasher`).
 *
 * @param randomBelow returns a uniform integer in [0, n); a cryptographic source unless testing.
 */
export function generateHolderPin(randomBelow: (n: number) => number = randomInt): string {
  let pin = '';
  for (let i = 0; i < HOLDER_PIN_LENGTH; i++) pin += String(randomBelow(10));
  return pin;
}

/**
 * Reads a PIN as an officer typed it: digits of any script, spaces and dashes anywhere. Returns the six
 * ASCII digits.
 *
 * @throws InvalidHolderPinError when anything but six digits remains.
 */
export function normaliseHolderPin(input: string): string {
  const pin = [...input.normalize('NFKC').replace(/[\s\p{Pd}._]/gu, '')].map(asciiDigit).join('');
  if (!new RegExp(`^[0-9]{${HOLDER_PIN_LENGTH}}$`).test(pin)) throw new InvalidHolderPinError();
  return pin;
}
