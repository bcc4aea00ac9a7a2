import { asciiDigit } from './ascii-digits.js';
import { InvalidDateOfBirthError } from './attestation.errors.js';

/**
 * A date of birth in the one form that is hashed: `YYYY-MM-DD`, ASCII digits, a real calendar date.
 * Digits of any script are read as ASCII; no other layout is accepted, because `03/04/1990` is the 3rd
 * of April in Vientiane and the 4th of March elsewhere, and a wrong guess would deny a survivor
 * protection. The officer's screen converts what the holder says into this form.
 *
 * @throws InvalidDateOfBirthError for anything else (and for the 31st of a short month).
 */
export function normaliseDateOfBirth(input: string): string {
  const date = [...input.normalize('NFKC').trim()].map(asciiDigit).join('');
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new InvalidDateOfBirthError();
  const [year, month, day] = match.slice(1).map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day
  ) {
    throw new InvalidDateOfBirthError();
  }
  return date;
}
