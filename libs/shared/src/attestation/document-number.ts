import { asciiDigit } from './ascii-digits.js';
import { InvalidDocumentNumberError } from './attestation.errors.js';

const MAX_DOCUMENT_NUMBER_LENGTH = 64;

/**
 * A travel or identity document number in the one form that is hashed, so that the same document typed
 * differently still matches: compatibility-normalised (full-width forms become ASCII), upper case, decimal
 * digits of any script (Thai, Khmer, Lao, Myanmar…) turned into 0-9, and everything that is not a letter
 * or a digit (spaces, dashes, slashes, dots, brackets, and combining vowel signs) removed. Letters of
 * any script are kept: a Myanmar NRC number keeps its Myanmar consonants. Vowel signs go because
 * keyboards and legacy encodings (Zawgyi) order them differently, and a mismatch would deny a survivor
 * protection; the code, not the document number, is the secret. `O` and `0` are not merged: they are
 * different characters in a document number.
 *
 * @throws InvalidDocumentNumberError when nothing, or more than 64 characters, remain.
 */
export function normaliseDocumentNumber(input: string): string {
  const normalised = [...input.normalize('NFKC').toUpperCase()]
    .filter((character) => /[\p{L}\p{N}]/u.test(character))
    .map(asciiDigit)
    .join('');
  if (normalised.length === 0 || normalised.length > MAX_DOCUMENT_NUMBER_LENGTH) {
    throw new InvalidDocumentNumberError();
  }
  return normalised;
}
