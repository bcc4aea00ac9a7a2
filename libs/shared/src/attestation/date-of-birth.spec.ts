import { describe, expect, it } from '@jest/globals';
import { InvalidDateOfBirthError } from './attestation.errors.js';
import { normaliseDateOfBirth } from './date-of-birth.js';

describe('normaliseDateOfBirth', () => {
  it.each([
    ['1994-07-02', '1994-07-02'],
    [' 2000-02-29 ', '2000-02-29'],
    ['๒๕๓๗-๐๗-๐๒', '2537-07-02'], // Thai digits are read; the calendar (Buddhist era) is the screen's job
    ['１９９４－０７－０２', '1994-07-02'], // full-width, as some phone keyboards type
  ])('reads %j as %j', (input, expected) => {
    expect(normaliseDateOfBirth(input)).toBe(expected);
  });

  it.each([[''], ['02/07/1994'], ['1994-7-2'], ['1994-02-30'], ['1900-02-29'], ['1994-13-01'], ['19940702']])(
    'refuses %j',
    (input) => {
      expect(() => normaliseDateOfBirth(input)).toThrow(InvalidDateOfBirthError);
    },
  );
});
